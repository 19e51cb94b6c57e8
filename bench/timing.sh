# Sourced by the whole-process benchmarks of the meshdsl tool (validate-time.sh, import-time.sh), after they set
# CORPUS and CLI: logging, the corpus check, the Release build of the tool, and timed runs with their median.
# peers.sh also uses the interleaved sampling at the end (round robin over several commands, disturbed runs
# repeated) and build_harness.

log() { printf '%s\n' "$*" >&2; }

# Fails unless Istio's corpus is at $CORPUS.
require_corpus() {
  if [[ ! -d "$CORPUS" ]]; then
    log "Istio's corpus was not found at $CORPUS (set MESHDSL_ISTIO_CORPUS)."
    exit 1
  fi
}

# build_release PROJECT OUTPUT LOG: builds PROJECT in Release, which must produce OUTPUT; its output in LOG (printed on failure).
build_release() {
  log "Building $(dirname "$1") (Release)..."
  dotnet build "$1" -c Release -nologo -v:q >"$3" 2>&1 || {
    cat "$3" >&2
    exit 1
  }
  [[ -f "$2" ]] || { log "missing $2"; exit 1; }
}

# build_cli LOG: the meshdsl tool, into $CLI.
build_cli() { build_release src/MeshDsl.Cli/MeshDsl.Cli.csproj "$CLI" "$1"; }

# build_harness LOG: bench/MeshDsl.Benchmarks, into $HARNESS.
build_harness() { build_release bench/MeshDsl.Benchmarks/MeshDsl.Benchmarks.csproj "$HARNESS" "$1"; }

# run_cli LOG ARGS...: runs `dotnet $CLI ARGS`, its output in LOG; exit code 0 (clean) or 1 (findings, documents
# refused) are what the corpus gives, anything else fails the script with the output.
run_cli() {
  local out=$1 code=0
  shift
  dotnet "$CLI" "$@" >"$out" 2>&1 || code=$?
  if ((code > 1)); then
    log "meshdsl $1 exited $code:"
    cat "$out" >&2
    exit 1
  fi
}

#
# time_runs RUNS COMMAND [ARGS...]
#   runs COMMAND RUNS times (wall time, process start to exit, in milliseconds), then prints
#     runs (s):   0.279 0.271 ...
#     median (s): 0.278
time_runs() {
  local runs=$1
  shift
  local times=() start end i
  for ((i = 1; i <= runs; i++)); do
    start=$(date +%s%N)
    "$@"
    end=$(date +%s%N)
    times+=("$(((end - start) / 1000000))")
  done

  local median_ms all="" ms
  median_ms=$(median_of "${times[@]}")
  median_ms=${median_ms%.*}

  for ms in "${times[@]}"; do
    all+="$(printf '%d.%03d ' $((ms / 1000)) $((ms % 1000)))"
  done
  printf 'runs (s):   %s\n' "${all% }"
  printf 'median (s): %d.%03d\n' $((median_ms / 1000)) $((median_ms % 1000))
}

# --- Interleaved sampling, used by peers.sh --------------------------------------------------------------------------
# Several commands are compared on one shared machine, so they run round robin (A B C, A B C, ...): a slow change in
# the machine's state then hits every command alike instead of all the runs of one. Each command starts only when the
# other processes are idle, and a run during which they used the CPU is thrown away and run again.

# now_ns: the wall clock in nanoseconds.
now_ns() { date +%s%N; }

# median_of VALUE...: the median (mean of the two middle values for an even count); an integer as such, otherwise
# to at most 3 decimals.
median_of() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "nan"; exit }
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    if (m == int(m)) { printf "%d\n", m; exit }
    s = sprintf("%.3f", m); sub(/0+$/, "", s); print s }'
}

# The shell that sources this file: it runs the timed commands and waits for them, so their CPU time adds up in its
# /proc entry. ($$ would name the outermost shell even in a subshell.)
TIMING_SHELL_PID=$BASHPID

# cpu_snapshot: "BUSY OWN", in clock ticks: the CPU time the whole machine has been busy (/proc/stat: user, nice,
# system, irq, softirq, steal), and the CPU time of this shell and every child it has waited for (utime, stime,
# cutime, cstime of TIMING_SHELL_PID). Between two snapshots, BUSY minus OWN is what other processes used.
cpu_snapshot() {
  local busy own
  busy=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat)
  # The command name (field 2) may hold spaces: count the fields from the closing parenthesis.
  own=$(sed 's/.*) //' "/proc/$TIMING_SHELL_PID/stat" | awk '{ print $12 + $13 + $14 + $15 }')
  printf '%s %s\n' "$busy" "$own"
}

# foreign_percent "BUSY OWN" "BUSY OWN" WALL_MS: other processes' CPU between two snapshots, in percent of one core.
foreign_percent() {
  local ticks
  ticks=$(getconf CLK_TCK)
  awk -v a="$1" -v b="$2" -v ms="$3" -v hz="$ticks" 'BEGIN {
    split(a, x, " "); split(b, y, " ")
    foreign = (y[1] - x[1]) - (y[2] - x[2]); if (foreign < 0) foreign = 0
    printf "%.0f\n", (ms > 0) ? 100 * foreign / hz / (ms / 1000) : 0 }'
}

# foreign_now SECONDS: other processes' CPU over the next SECONDS, in percent of one core.
foreign_now() {
  local snap
  snap=$(cpu_snapshot)
  sleep "$1"
  foreign_percent "$snap" "$(cpu_snapshot)" $(($1 * 1000))
}

# wait_for_quiet MAX_LOAD TIMEOUT_S: waits until other processes use less than QUIET_PERCENT (default 10) percent of
# one core over a second and, unless MAX_LOAD is empty, the 1-minute load average is below MAX_LOAD. After TIMEOUT_S
# it goes on, says so and returns 1.
wait_for_quiet() {
  local max_load=$1 timeout_s=$2 started percent load
  started=$(date +%s)
  while :; do
    percent=$(foreign_now 1)
    load=$(cut -d' ' -f1 /proc/loadavg)
    if ((percent < ${QUIET_PERCENT:-10})) && { [[ -z "$max_load" ]] || awk -v l="$load" -v m="$max_load" 'BEGIN { exit !(l < m) }'; }; then
      return 0
    fi
    if (($(date +%s) - started >= timeout_s)); then
      log "  still busy after ${timeout_s} s (load $load, other processes ${percent} % of a core); going on."
      return 1
    fi
    sleep 4
  done
}

# Samples of the interleaved runs: SAMPLES["FUNC:KEY"] holds one value per round, space-separated. KEY is wall_ms
# (the command's wall time: process start to exit when FUNC runs one process) or a key of the command's result line
# (see interleave).
declare -gA SAMPLES=()
# Runs thrown away because other processes were busy, and disturbed runs kept because the retries ran out.
DISTURBED_RUNS=0
KEPT_DISTURBED_RUNS=0

# interleave ROUNDS FUNC...
#   Runs FUNC1 FUNC2 ... in turn, ROUNDS times. Before each run it waits (up to ROUND_WAIT s, default 600) for the
#   other processes to be idle; a run during which they used QUIET_PERCENT (default 10) percent of a core or more is
#   run again, up to RETRIES (default 3) times, then kept and counted. Each FUNC's output goes to a file; outside its
#   timing, the words KEY=VALUE of its lines that start with "peers-result" are recorded beside its wall time (if
#   FUNC_result is defined, it first turns the saved output, its $1, into such a line, for tools that print their
#   own format). A FUNC that fails stops the script with its output. FUNC runs with `set -e` off (in an `if`), so it
#   must return its own failure.
interleave() {
  local rounds=$1
  shift
  local round f out t0 t1 snap percent pair retries
  out=$(mktemp "${TMPDIR:-/tmp}/meshdsl-interleave.XXXXXX")
  for ((round = 1; round <= rounds; round++)); do
    for f in "$@"; do
      for ((retries = 0; ; retries++)); do
        wait_for_quiet "" "${ROUND_WAIT:-600}" || true
        snap=$(cpu_snapshot)
        t0=$(now_ns)
        if ! "$f" >"$out" 2>&1; then
          log "$f failed:"
          cat "$out" >&2
          rm -f "$out"
          exit 1
        fi
        t1=$(now_ns)
        percent=$(foreign_percent "$snap" "$(cpu_snapshot)" $(((t1 - t0) / 1000000)))
        ((percent < ${QUIET_PERCENT:-10})) && break
        if ((retries < ${RETRIES:-3})); then
          DISTURBED_RUNS=$((DISTURBED_RUNS + 1))
          log "  $f disturbed (other processes: ${percent} % of a core); running it again"
          continue
        fi
        KEPT_DISTURBED_RUNS=$((KEPT_DISTURBED_RUNS + 1))
        log "  $f disturbed (${percent} % of a core) and kept: no retries left"
        break
      done
      SAMPLES["$f:wall_ms"]+="$(((t1 - t0) / 1000000)) "
      if declare -F "${f}_result" >/dev/null; then
        "${f}_result" "$out" >"$out.result"
        mv "$out.result" "$out"
      fi
      for pair in $(grep '^peers-result ' "$out" | cut -d' ' -f2-); do
        SAMPLES["$f:${pair%%=*}"]+="${pair#*=} "
      done
    done
    log "  round $round/$rounds done"
  done
  rm -f "$out"
}

# sample_median FUNC KEY: the median of FUNC's recorded KEY values. sample_all FUNC KEY: all of them, in run order.
sample_median() { median_of ${SAMPLES["$1:$2"]:-}; }
sample_all() { printf '%s' "${SAMPLES["$1:$2"]:-}" | sed 's/ $//'; }

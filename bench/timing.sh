# Sourced by the whole-process benchmarks of the meshdsl tool (validate-time.sh, import-time.sh), after they set
# CORPUS and CLI: logging, the corpus check, the Release build of the tool, and timed runs with their median.

log() { printf '%s\n' "$*" >&2; }

# Fails unless Istio's corpus is at $CORPUS.
require_corpus() {
  if [[ ! -d "$CORPUS" ]]; then
    log "Istio's corpus was not found at $CORPUS (set MESHDSL_ISTIO_CORPUS)."
    exit 1
  fi
}

# build_cli LOG: builds src/MeshDsl.Cli in Release into $CLI, its output in LOG (printed on failure).
build_cli() {
  log "Building src/MeshDsl.Cli (Release)..."
  dotnet build src/MeshDsl.Cli/MeshDsl.Cli.csproj -c Release -nologo -v:q >"$1" 2>&1 || {
    cat "$1" >&2
    exit 1
  }
  [[ -f "$CLI" ]] || { log "missing $CLI"; exit 1; }
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

  local sorted count median_ms all="" ms
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  count=${#sorted[@]}
  if ((count % 2 == 1)); then
    median_ms=${sorted[$((count / 2))]}
  else
    median_ms=$(((sorted[count / 2 - 1] + sorted[count / 2]) / 2))
  fi

  for ms in "${times[@]}"; do
    all+="$(printf '%d.%03d ' $((ms / 1000)) $((ms % 1000)))"
  done
  printf 'runs (s):   %s\n' "${all% }"
  printf 'median (s): %d.%03d\n' $((median_ms / 1000)) $((median_ms % 1000))
}

#!/usr/bin/env bash
# MeshDsl side by side with the tools a user would otherwise pick (bench/README.md, "Peers"), in one run on one
# machine, on the same inputs, and prints a table of medians and ratios:
#   1. CRD -> typed code, Istio's 15 CRDs, whole process: MeshDsl's generator (bench harness, `peers generate`)
#      vs `cdk8s import` (TypeScript and C#) and `crd-generate`; plus the generator's warm in-process time.
#   2. Validation, warm, documents/s over the 324-document corpus: MeshDsl (`peers validate`) vs the
#      @kubernetes-models/istio models, crd-generate's validators, ajv and ajv-strict.
#   3. Validation, whole process, 324 documents: `meshdsl validate` vs `node validate.mjs --passes 0`.
#   4. Emission of 10,000 VirtualServices: MeshDsl's builders and writer (`peers emit`) vs node's `yaml` and cdk8s
#      synthYaml(), warm and whole process.
# The peers come from ../shared/peers (read only; installed and run under $PEERS, default /tmp/peers). Commands that
# are compared run interleaved (round robin); each run starts when other processes are idle, and a run during which
# they used the CPU is run again.
# Not part of CI: it takes ~20 minutes on a quiet machine and needs the npm registry.
#
# Usage, from anywhere:  bash bench/peers.sh
# Environment:
#   RUNS         whole-process rounds for validation and emission (default 10)
#   GEN_RUNS     rounds of CRD -> code (default 5; a round takes ~20 s, most of it the C# import)
#   WARM_ROUNDS  rounds of the warm, in-process figures (default 5)
#   VALIDATE_PASSES  warm validation passes of 10 x 324 documents in one process (default 2000; both sides take
#                a few hundred passes to reach their steady state, so the median needs many)
#   EMIT_PASSES  warm passes within one emission process (default 20; MeshDsl settles after ~10)
#   CSHARP       1 (default) to include `cdk8s import --language csharp`, 0 to leave it out
#   MAX_LOAD     the 1-minute load average to wait for before starting (default 1.5); QUIET_WAIT: for how long (s, 900)
#   QUIET_PERCENT other processes' CPU, in % of one core, from which a run counts as disturbed (default 10);
#   RETRIES: runs again at most (default 3); ROUND_WAIT: longest wait for idle before a run (s, default 600)
#   PEERS        where the peers are installed (default /tmp/peers)
#   MESHDSL_SHARED, MESHDSL_ISTIO_CORPUS, MESHDSL_ISTIO_CRD  inputs (default ../shared, its corpus, Istio 1.30.3's CRDs)
#   KEEP_TEMP    1 keeps the work folder (generated code, emitted YAML)
#   MESHDSL_COMMIT  names the code in the report when the repository is not a git clone (a `git archive` copy)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
source "$REPO/bench/timing.sh"

RUNS="${RUNS:-10}"
GEN_RUNS="${GEN_RUNS:-5}"
WARM_ROUNDS="${WARM_ROUNDS:-5}"
VALIDATE_PASSES="${VALIDATE_PASSES:-2000}"
EMIT_PASSES="${EMIT_PASSES:-20}"
CSHARP="${CSHARP:-1}"
MAX_LOAD="${MAX_LOAD:-1.5}"
QUIET_WAIT="${QUIET_WAIT:-900}"
COUNT=10000 # VirtualServices to emit

SHARED="$(cd "${MESHDSL_SHARED:-$REPO/../shared}" && pwd)"
PEER_DIR="$SHARED/peers"
CLI="src/MeshDsl.Cli/bin/Release/net8.0/MeshDsl.Cli.dll"
HARNESS="bench/MeshDsl.Benchmarks/bin/Release/net10.0/MeshDsl.Benchmarks.dll"
# One set of inputs for both sides: the peers' scripts read PEERS, SHARED_DIR, CORPUS and CRD_FILE; MeshDsl's tool
# and harness read MESHDSL_ISTIO_CORPUS and MESHDSL_ISTIO_CRD (the validator's schemas are the same 1.30.3 CRDs,
# embedded at build).
export PEERS="${PEERS:-/tmp/peers}"
export SHARED_DIR="$SHARED"
export CORPUS="${MESHDSL_ISTIO_CORPUS:-$SHARED/istio/corpus}"
export CRD_FILE="${MESHDSL_ISTIO_CRD:-$SHARED/istio/1.30.3/crd-all.gen.yaml}"
export MESHDSL_ISTIO_CORPUS="$CORPUS" MESHDSL_ISTIO_CRD="$CRD_FILE"

work="$(mktemp -d "${TMPDIR:-/tmp}/meshdsl-peers.XXXXXX")"
if [[ "${KEEP_TEMP:-}" == 1 ]]; then
  trap 'log "kept $work"' EXIT
else
  trap 'rm -rf "$work"' EXIT
fi

# --- Peers: install and prepare --------------------------------------------------------------------------------------

# What npm is set up to use, for when the install fails (no credentials are printed).
explain_npm_failure() {
  log "The peers could not be installed into $PEERS, so there are no peer figures. What npm is set up with:"
  log "  registry:    $(npm config get registry 2>&1)"
  log "  proxy:       $(npm config get proxy 2>&1), https-proxy: $(npm config get https-proxy 2>&1)"
  log "  user config: $(npm config get userconfig 2>&1)"
  log "  npm ping:    $(npm ping 2>&1 | grep -v 'complete log' | head -n 2 | tr '\n' ' ')"
  log "npm's own output (install.sh):"
  sed 's/^/  /' "$work/install.log" >&2
  exit 3
}

# install.sh hides npm's exit code behind its output filter, so success is judged by what got installed.
install_peers() {
  command -v node >/dev/null && command -v npm >/dev/null || { log "node and npm are needed for the peers"; exit 3; }
  if cmp -s "$PEER_DIR/package-lock.json" "$PEERS/package-lock.json" && peers_installed; then
    log "Peers already installed in $PEERS (same package-lock.json)."
    return
  fi
  log "Installing the peers into $PEERS (npm ci)..."
  "$PEER_DIR/install.sh" >"$work/install.log" 2>&1 || true
  peers_installed || explain_npm_failure
}

peers_installed() {
  local m
  for m in .bin/cdk8s .bin/crd-generate .bin/tsc yaml ajv ajv-formats @kubernetes-models/istio @kubernetes-models/validate cdk8s; do
    [[ -e "$PEERS/node_modules/$m" ]] || return 1
  done
}

peer_version() { node -p "require('$PEERS/node_modules/$1/package.json').version"; }

# Untimed: copies the .mjs scripts under $PEERS/scripts (run.sh), writes the crd-generate validators the crdgen
# engine loads, and compiles the cdk8s emission program against a cdk8s import.
prepare_peers() {
  log "Preparing the peers (scripts, crd-generate validators, cdk8s import, compiling the cdk8s emitter)..."
  "$PEER_DIR/run.sh" validate.mjs --engine none --passes 0 --quiet
  "$PEER_DIR/gen-cdk8s.sh" typescript >"$work/prepare.log" 2>&1 || { cat "$work/prepare.log" >&2; exit 1; }
  "$PEER_DIR/gen-crdgen.sh" >"$work/prepare.log" 2>&1 || { cat "$work/prepare.log" >&2; exit 1; }
  # _emit.ts writes to /tmp/peers/out unless given a path, and emit-cdk8s.sh gives none.
  mkdir -p /tmp/peers/out
  "$PEER_DIR/typecheck/emit-cdk8s.sh" 10 >"$work/prepare.log" 2>&1 || { cat "$work/prepare.log" >&2; exit 1; }
  [[ -f "$PEERS/emit/cdk8s/dist/_emit.js" ]] || { log "the cdk8s emitter did not compile"; exit 1; }
}

# --- The commands compared ---------------------------------------------------------------------------------------------
# Each runs one process (or, for the peers' shell scripts, what the script runs). interleave (timing.sh) times them and
# reads their "peers-result KEY=VALUE ..." lines; a FUNC_result function turns a peer's own output into such a line.

# 1. CRD -> typed code. Each removes its previous output first (gen-*.sh do so themselves).
gen_meshdsl() { rm -rf "$work/gen" && dotnet "$HARNESS" peers generate --out "$work/gen"; }
gen_cdk8s_ts() { "$PEER_DIR/gen-cdk8s.sh" typescript; }
gen_cdk8s_cs() { "$PEER_DIR/gen-cdk8s.sh" csharp; }
gen_crdgen() { "$PEER_DIR/gen-crdgen.sh"; }
gen_meshdsl_warm() { dotnet "$HARNESS" peers generate --out "$work/gen-warm" --runs 31; }

# 2. Validation, warm: the same passes of 10 x 324 documents on both sides, no warm-up passes on either.
val_warm_meshdsl() { dotnet "$HARNESS" peers validate --passes "$VALIDATE_PASSES" --batch 10; }
node_validate_warm() {
  node "$PEERS/scripts/validate.mjs" --engine "$1" --passes "$VALIDATE_PASSES" --batch 10 --quiet --json "$work/validate-$1.json"
}
node_validate_result() {
  node -e 'const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log(`peers-result docs_per_s=${s.warmDocsPerSec.median.toFixed(0)} checked=${s.checked} rejected=${s.rejected} skipped=${s.skipped}`);' \
    "$work/validate-$1.json"
}
val_warm_kmodels() { node_validate_warm kmodels; }
val_warm_kmodels_result() { node_validate_result kmodels; }
val_warm_crdgen() { node_validate_warm crdgen; }
val_warm_crdgen_result() { node_validate_result crdgen; }
val_warm_ajv() { node_validate_warm ajv; }
val_warm_ajv_result() { node_validate_result ajv; }
val_warm_ajv_strict() { node_validate_warm ajv-strict; }
val_warm_ajv_strict_result() { node_validate_result ajv-strict; }

# 3. Validation, whole process. `meshdsl validate` exits 1 on the corpus (it has errors); anything else above 1 fails.
val_meshdsl() { dotnet "$CLI" validate "$CORPUS" || (($? == 1)); }
val_node_none() { node "$PEERS/scripts/validate.mjs" --engine none --passes 0 --quiet; }
val_node_kmodels() { node "$PEERS/scripts/validate.mjs" --engine kmodels --passes 0 --quiet; }
val_node_crdgen() { node "$PEERS/scripts/validate.mjs" --engine crdgen --passes 0 --quiet; }

# 4. Emission: warm (EMIT_PASSES passes after a first one, in one process) and whole process (one pass).
emit_warm_meshdsl() { dotnet "$HARNESS" peers emit --count "$COUNT" --out "$work/meshdsl-vs.yaml" --passes "$EMIT_PASSES"; }
emit_warm_yaml() { node "$PEERS/scripts/emit-yaml.mjs" --count "$COUNT" --out "$work/yaml-vs.yaml" --passes "$EMIT_PASSES"; }
emit_meshdsl() { dotnet "$HARNESS" peers emit --count "$COUNT" --out "$work/meshdsl-vs.yaml"; }
emit_yaml() { node "$PEERS/scripts/emit-yaml.mjs" --count "$COUNT" --out "$work/yaml-vs.yaml"; }
emit_cdk8s() { node "$PEERS/emit/cdk8s/dist/_emit.js" "$COUNT" "$work/cdk8s-vs.yaml"; }

# emit-yaml.mjs prints "cold: build 103.1 ms, serialize 1,082.5 ms (...), write 28.0 ms" and, with passes,
# "warm (5 passes): serialize median 1,058.7 ms (...) ...; build+serialize+write median 1,164.9 ms".
emit_yaml_result() {
  tr -d ',' <"$1" | awk '
    /^cold:/ { for (i = 1; i <= NF; i++) if ($i ~ /^(build|serialize|write)$/) cold += $(i + 1) }
    /^warm/ { for (i = 1; i <= NF; i++) { if ($i == "serialize" && $(i + 1) == "median") ser = $(i + 2)
                                         if ($i == "build+serialize+write") tot = $(i + 2) } }
    /^wrote/ { bytes = $(NF - 3) }
    END { printf "peers-result cold_ms=%s bytes=%s", cold, bytes; if (tot != "") printf " warm_serialize_ms=%s warm_total_ms=%s", ser, tot; print "" }'
}
emit_warm_yaml_result() { emit_yaml_result "$1"; }
# _emit.js prints "wrote FILE: 10000 documents, 8427104 bytes" and "build 79.8 ms, synthYaml 1745.7 ms (...), write 24.9 ms".
emit_cdk8s_result() {
  awk '/^build/ { cold = $2 + $5 + $(NF - 1) } /^wrote/ { bytes = $(NF - 1) }
       END { printf "peers-result cold_ms=%s bytes=%s\n", cold, bytes }' "$1"
}

# --- Checks outside the timings ------------------------------------------------------------------------------------------

# files_and_bytes DIR: "N files, B bytes" of the files under DIR.
files_and_bytes() {
  printf '%s files, %s bytes' "$(find "$1" -type f | wc -l)" "$(thousands "$(find "$1" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')")"
}

# The three emitters must write the same documents: every one of the 10,000, compared by name, keys in any order.
check_emission() {
  cat >"$PEERS/scripts/peers-check-emit.mjs" <<'JS'
// Written by MeshDsl's bench/peers.sh: the emitted files hold the same documents (by metadata.name, key order aside).
import fs from 'node:fs';
import YAML from 'yaml';
const canonical = (v) => Array.isArray(v) ? v.map(canonical)
  : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(v[k])])) : v;
const byName = (file) => new Map(YAML.parseAllDocuments(fs.readFileSync(file, 'utf8')).map((d) => d.toJS()).filter(Boolean)
  .map((o) => [o.metadata.name, JSON.stringify(canonical(o))]));
const [reference, ...others] = process.argv.slice(2).map((f) => [f, byName(f)]);
let bad = 0;
for (const [file, docs] of others) {
  const differ = [...reference[1]].filter(([name, json]) => docs.get(name) !== json).length;
  if (docs.size !== reference[1].size || differ) { bad++; console.log(`${file}: ${docs.size} documents, ${differ} differ from ${reference[0]}`); }
}
console.log(bad ? 'emission check FAILED' : `emission check: ${reference[1].size} documents, the same in all ${others.length + 1} files`);
process.exit(bad ? 1 : 0);
JS
  node "$PEERS/scripts/peers-check-emit.mjs" "$work/yaml-vs.yaml" "$work/meshdsl-vs.yaml" "$work/cdk8s-vs.yaml"
}

# --- Reporting ----------------------------------------------------------------------------------------------------------

# ms_to_s MS: seconds with 3 decimals.
ms_to_s() { awk -v v="$1" 'BEGIN { printf "%.3f", v / 1000 }'; }
# speedup SLOWER FASTER: how many times FASTER is, as "2.35×" (below 1 when MeshDsl is the slower one).
speedup() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f×", a / b }'; }
# runs_s FUNC: a command's wall times in seconds, in run order.
runs_s() { local ms out=""; for ms in $(sample_all "$1" wall_ms); do out+="$(ms_to_s "$ms") "; done; printf '%s' "${out% }"; }
# thousands N: 624500 -> 624,500.
thousands() {
  awk -v n="$1" 'BEGIN { s = sprintf("%.0f", n); out = ""
    while (length(s) > 3) { out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3) }
    print s out }'
}

# time_row LABEL FUNC REFERENCE_FUNC [NOTE]: a whole-process row: median wall seconds, MeshDsl's speed-up, all runs.
time_row() {
  local median reference
  median=$(sample_median "$2" wall_ms)
  reference=$(sample_median "$3" wall_ms)
  printf '| %s | **%s s** | %s | %s |\n' "$1" "$(ms_to_s "$median")" "$(speedup "$median" "$reference")" "$(runs_s "$2")${4:+; $4}"
}

# value_row LABEL FUNC KEY REFERENCE_FUNC KIND [NOTE]: a row of a reported figure; KIND ms (lower is better) or rate.
value_row() {
  local median reference shown ratio
  median=$(sample_median "$2" "$3")
  reference=$(sample_median "$4" "$3")
  if [[ "$5" == rate ]]; then
    shown="$(thousands "$median") documents/s"
    ratio=$(speedup "$reference" "$median")
  else
    shown="$(ms_to_s "$median") s"
    ratio=$(speedup "$median" "$reference")
  fi
  local v all=""
  for v in $(sample_all "$2" "$3"); do all+="$([[ "$5" == rate ]] && thousands "$v" || printf '%s' "$v") "; done
  printf '| %s | **%s** | %s | %s |\n' "$1" "$shown" "$ratio" "${all% }${6:+; $6}"
}

# --- Run ----------------------------------------------------------------------------------------------------------------

[[ -d "$CORPUS" && -f "$CRD_FILE" && -d "$PEER_DIR" ]] || { log "needs $CORPUS, $CRD_FILE and $PEER_DIR"; exit 1; }
install_peers
build_cli "$work/build.log"
build_harness "$work/build.log"
prepare_peers

# One untimed run of each validator: what each one makes of the corpus (and, for the peers, how long parsing the
# corpus and loading or compiling the validators took).
log "Untimed: what each validator reports on the corpus..."
val_meshdsl >"$work/validate.txt" 2>&1
meshdsl_summary=$(tail -n 1 "$work/validate.txt")
log "  meshdsl validate: $meshdsl_summary"
for engine in kmodels crdgen ajv ajv-strict; do
  log "  $(node "$PEERS/scripts/validate.mjs" --engine "$engine" --passes 0 | head -n 2 | paste -sd ';')"
done

log "Machine: load $(cut -d' ' -f1-3 /proc/loadavg); waiting for it to be quiet (load < $MAX_LOAD)..."
started_busy=""
wait_for_quiet "$MAX_LOAD" "$QUIET_WAIT" || started_busy="yes"
start_load=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u '+%Y-%m-%d %H:%M UTC')

log "1. CRD -> typed code, $GEN_RUNS interleaved rounds..."
gen_funcs=(gen_meshdsl gen_cdk8s_ts gen_crdgen)
[[ "$CSHARP" == 1 ]] && gen_funcs+=(gen_cdk8s_cs)
interleave "$GEN_RUNS" "${gen_funcs[@]}"
log "   and the generator warm, in-process (31 runs after 31 warm-ups, one process)..."
interleave 1 gen_meshdsl_warm
# Rerun each once, untimed, for the sizes (the timed runs removed each other's outputs only within a tool).
gen_meshdsl >/dev/null
size_meshdsl=$(files_and_bytes "$work/gen")
size_cdk8s_ts=$(files_and_bytes "$PEERS/out/cdk8s-typescript/imports")
size_crdgen=$(files_and_bytes "$PEERS/out/crdgen")
csharp_row="| (\`cdk8s import\` --language csharp: left out, CSHARP=0) | | | |"
csharp_readme=""
if [[ "$CSHARP" == 1 ]]; then
  csharp_row=$(time_row "\`cdk8s import\` --language csharp" gen_cdk8s_cs gen_meshdsl "$(files_and_bytes "$PEERS/out/cdk8s-csharp/imports")")
  csharp_readme=", $(ms_to_s "$(sample_median gen_cdk8s_cs wall_ms)") s (C#)"
fi

log "2. Validation warm, $WARM_ROUNDS interleaved rounds..."
interleave "$WARM_ROUNDS" val_warm_meshdsl val_warm_kmodels val_warm_crdgen val_warm_ajv val_warm_ajv_strict

log "3. Validation, whole process, $RUNS interleaved rounds..."
interleave "$RUNS" val_meshdsl val_node_none val_node_kmodels val_node_crdgen

log "4. Emission of $COUNT VirtualServices: warm ($WARM_ROUNDS rounds of $EMIT_PASSES passes), then whole process ($RUNS rounds)..."
interleave "$WARM_ROUNDS" emit_warm_meshdsl emit_warm_yaml
interleave "$RUNS" emit_meshdsl emit_yaml emit_cdk8s
emission_check=$(check_emission) || true # a mismatch is reported with the figures
log "  $emission_check"
finished_load=$(cut -d' ' -f1-3 /proc/loadavg)

# The code measured: the commit, and whether the work tree differs from it (MESHDSL_COMMIT names it outside a clone).
if code=$(git rev-parse --short HEAD 2>/dev/null); then
  [[ -n "$(git status --porcelain)" ]] && code+=" (the work tree has uncommitted changes)"
else
  code="${MESHDSL_COMMIT:-unknown (not a git clone)}"
fi
cat <<EOF

## Peers, measured $started

- Code: commit $code.
- Machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)), $(free -g | awk '/^Mem:/ { print $2 }') GiB,
  .NET SDK $(dotnet --version), node $(node --version).
- Peers: cdk8s-cli $(peer_version cdk8s-cli) (cdk8s $(peer_version cdk8s)), @kubernetes-models/crd-generate $(peer_version @kubernetes-models/crd-generate),
  @kubernetes-models/istio $(peer_version @kubernetes-models/istio), ajv $(peer_version ajv), yaml $(peer_version yaml), typescript $(peer_version typescript).
- Load average: $start_load at the start${started_busy:+ (the machine did not get quiet within $QUIET_WAIT s)}, $finished_load at the end.
  Runs thrown away and run again because other processes used ≥ ${QUIET_PERCENT:-10} % of a core meanwhile: $DISTURBED_RUNS;
  disturbed runs kept (retries used up): $KEPT_DISTURBED_RUNS.
- "MeshDsl faster by": the peer's median time over MeshDsl's (or MeshDsl's rate over the peer's); below 1× MeshDsl is slower.

### 1. CRD → typed code, Istio's 15 CRDs, whole process ($GEN_RUNS interleaved rounds)

| command | median | MeshDsl faster by | runs (s); output |
| --- | ---: | ---: | --- |
$(time_row "MeshDsl's generator (\`MeshDsl.Benchmarks peers generate\`: Roslyn's driver, 215 C# files)" gen_meshdsl gen_meshdsl "$size_meshdsl")
$(time_row "\`cdk8s import\` --language typescript" gen_cdk8s_ts gen_meshdsl "$size_cdk8s_ts")
${csharp_row}
$(time_row "\`crd-generate\` (TypeScript models + ajv validators)" gen_crdgen gen_meshdsl "$size_crdgen")

In-process, in the same harness: the first (cold) driver run took $(sample_all gen_meshdsl cold_ms) ms in the timed
processes (median $(sample_median gen_meshdsl cold_ms) ms), and warm, fresh driver each time, $(sample_median gen_meshdsl_warm warm_ms) ms (median of 31 runs after 31 warm-up runs).

### 2. Validation, warm, one thread, 324 documents ($WARM_ROUNDS interleaved rounds of $VALIDATE_PASSES passes × 10 × 324)

| validator | median of the rounds' medians | MeshDsl faster by | each round |
| --- | ---: | ---: | --- |
$(value_row "MeshDsl: schema + CEL rules + Istio's webhook checks ($(sample_median val_warm_meshdsl findings) findings)" val_warm_meshdsl docs_per_s val_warm_meshdsl rate)
$(value_row "@kubernetes-models/istio (Istio 1.29 models; $(sample_median val_warm_kmodels skipped) skipped, $(sample_median val_warm_kmodels rejected) rejected)" val_warm_kmodels docs_per_s val_warm_meshdsl rate)
$(value_row "crd-generate's validators ($(sample_median val_warm_crdgen rejected) rejected)" val_warm_crdgen docs_per_s val_warm_meshdsl rate)
$(value_row "ajv from the CRD schemas, unknown fields allowed ($(sample_median val_warm_ajv rejected) rejected)" val_warm_ajv docs_per_s val_warm_meshdsl rate)
$(value_row "ajv-strict, unknown fields rejected ($(sample_median val_warm_ajv_strict rejected) rejected)" val_warm_ajv_strict docs_per_s val_warm_meshdsl rate)

### 3. Validation, whole process, 324 documents ($RUNS interleaved rounds)

| command | median | MeshDsl faster by | runs (s) |
| --- | ---: | ---: | --- |
$(time_row "\`meshdsl validate\` ($meshdsl_summary)" val_meshdsl val_meshdsl)
$(time_row "\`node validate.mjs --engine kmodels --passes 0\`" val_node_kmodels val_meshdsl)
$(time_row "\`node validate.mjs --engine crdgen --passes 0\`" val_node_crdgen val_meshdsl)
$(time_row "(node start + reading and parsing the YAML only: \`--engine none\`)" val_node_none val_meshdsl)

### 4. Emission, $(thousands "$COUNT") VirtualServices into one YAML file

$emission_check

Warm, in one process: median of $WARM_ROUNDS rounds, each the median of $EMIT_PASSES passes after a first one.

| emitter | build + serialize + write | MeshDsl faster by | each round (ms) |
| --- | ---: | ---: | --- |
$(value_row "MeshDsl: builders, \`MeshSet\`, \`ManifestLayouts.Render\` ($(thousands "$(sample_median emit_meshdsl bytes)") bytes)" emit_warm_meshdsl warm_total_ms emit_warm_meshdsl ms)
$(value_row "node \`yaml\`: \`structuredClone\` + \`YAML.stringify\` ($(thousands "$(sample_median emit_yaml bytes)") bytes)" emit_warm_yaml warm_total_ms emit_warm_meshdsl ms)

| emitter | serialize only | MeshDsl faster by | each round (ms) |
| --- | ---: | ---: | --- |
$(value_row "MeshDsl \`ManifestLayouts.Render\`" emit_warm_meshdsl warm_serialize_ms emit_warm_meshdsl ms)
$(value_row "node \`yaml\` \`YAML.stringify\`" emit_warm_yaml warm_serialize_ms emit_warm_meshdsl ms)

Whole process, one pass ($RUNS interleaved rounds), and the same pass's in-process time (cold code):

| command | wall median | MeshDsl faster by | runs (s) |
| --- | ---: | ---: | --- |
$(time_row "MeshDsl (\`MeshDsl.Benchmarks peers emit\`)" emit_meshdsl emit_meshdsl "in-process $(sample_median emit_meshdsl cold_ms) ms")
$(time_row "node \`yaml\` (\`emit-yaml.mjs\`)" emit_yaml emit_meshdsl "in-process $(sample_median emit_yaml cold_ms) ms")
$(time_row "cdk8s constructs + \`synthYaml()\` (\`_emit.js\`)" emit_cdk8s emit_meshdsl "in-process $(sample_median emit_cdk8s cold_ms) ms")

### README

| what (same machine, one run, medians) | MeshDsl | peers |
| --- | ---: | --- |
| CRD → typed code, Istio's 15 CRDs, whole process | $(ms_to_s "$(sample_median gen_meshdsl wall_ms)") s | \`cdk8s import\`: $(ms_to_s "$(sample_median gen_cdk8s_ts wall_ms)") s (TypeScript)${csharp_readme}; \`crd-generate\`: $(ms_to_s "$(sample_median gen_crdgen wall_ms)") s |
| validation, warm, documents/s (MeshDsl also runs CEL and Istio's checks) | $(thousands "$(sample_median val_warm_meshdsl docs_per_s)") | @kubernetes-models: $(thousands "$(sample_median val_warm_kmodels docs_per_s)"); crd-generate: $(thousands "$(sample_median val_warm_crdgen docs_per_s)"); ajv: $(thousands "$(sample_median val_warm_ajv docs_per_s)") (rejecting unknown fields: $(thousands "$(sample_median val_warm_ajv_strict docs_per_s)")) |
| validating 324 documents, whole process | $(ms_to_s "$(sample_median val_meshdsl wall_ms)") s | @kubernetes-models: $(ms_to_s "$(sample_median val_node_kmodels wall_ms)") s; crd-generate: $(ms_to_s "$(sample_median val_node_crdgen wall_ms)") s |
| emitting 10,000 VirtualServices, warm | $(ms_to_s "$(sample_median emit_warm_meshdsl warm_total_ms)") s | node \`yaml\`: $(ms_to_s "$(sample_median emit_warm_yaml warm_total_ms)") s |
| emitting 10,000 VirtualServices, whole process | $(ms_to_s "$(sample_median emit_meshdsl wall_ms)") s | node \`yaml\`: $(ms_to_s "$(sample_median emit_yaml wall_ms)") s; cdk8s: $(ms_to_s "$(sample_median emit_cdk8s wall_ms)") s |
EOF

#!/usr/bin/env bash
# Whole-process time of `meshdsl validate` on Istio's 324 corpus documents (see bench/README.md): builds the CLI in
# Release, checks one untimed run's summary, then times RUNS runs of
#   dotnet src/MeshDsl.Cli/bin/Release/net8.0/MeshDsl.Cli.dll validate ../shared/istio/corpus
# from the repository root (wall time, process start to exit: runtime start-up, JIT, reading the embedded CRD
# bundle, compiling the schemas used, reading and validating the files, writing the findings) and prints the median.
#
# Usage, from anywhere:  bash bench/validate-time.sh
# Environment: RUNS (default 10), MESHDSL_ISTIO_CORPUS (default ../shared/istio/corpus, relative to the repository).
# The corpus has two known errors, so `validate` exits 1; any other exit code than 0 or 1 fails the script.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
RUNS="${RUNS:-10}"
CORPUS="${MESHDSL_ISTIO_CORPUS:-../shared/istio/corpus}"
CLI="src/MeshDsl.Cli/bin/Release/net8.0/MeshDsl.Cli.dll"

source "$REPO/bench/timing.sh"
require_corpus
build_log="$(mktemp "${TMPDIR:-/tmp}/meshdsl-validate-time.XXXXXX")"
trap 'rm -f "$build_log"' EXIT
build_cli "$build_log"

# $1: where the output goes. Runs the command once and fails on an exit code other than 0 (clean) or 1 (findings).
run_validate() {
  local code=0
  dotnet "$CLI" validate "$CORPUS" >"$1" 2>&1 || code=$?
  if ((code > 1)); then
    log "meshdsl validate exited $code:"
    cat "$1" >&2
    exit 1
  fi
}

# One untimed run: shows what is being validated, and warms the file cache.
run_validate "$build_log"
log "$(tail -n 1 "$build_log")"
log "dotnet $CLI validate $CORPUS, $RUNS runs:"

time_runs "$RUNS" run_validate /dev/null

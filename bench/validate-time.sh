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

# $1: where the output goes.
run_validate() { run_cli "$1" validate "$CORPUS"; }

# One untimed run: shows what is being validated, and warms the file cache.
run_validate "$build_log"
log "$(tail -n 1 "$build_log")"
log "dotnet $CLI validate $CORPUS, $RUNS runs:"

time_runs "$RUNS" run_validate /dev/null

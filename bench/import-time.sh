#!/usr/bin/env bash
# Whole-process time of `meshdsl import` on Istio's corpus (see bench/README.md, "Import"): builds the CLI in
# Release, checks one untimed run's summary, then times RUNS runs of
#   dotnet src/MeshDsl.Cli/bin/Release/net8.0/MeshDsl.Cli.dll import ../shared/istio/corpus --out <temporary folder>
# from the repository root (wall time, process start to exit: runtime start-up, JIT, indexing the Istio builders by
# reflection, reading the YAML, importing, writing one .cs file per source file) and prints the median.
#
# Usage, from anywhere:  bash bench/import-time.sh
# Environment: RUNS (default 10), MESHDSL_ISTIO_CORPUS (default ../shared/istio/corpus, relative to the repository).
# Two corpus documents use a field the schema does not know (MESH0401), so `import` exits 1; any other exit code
# than 0 or 1 fails the script.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
RUNS="${RUNS:-10}"
CORPUS="${MESHDSL_ISTIO_CORPUS:-../shared/istio/corpus}"
CLI="src/MeshDsl.Cli/bin/Release/net8.0/MeshDsl.Cli.dll"

source "$REPO/bench/timing.sh"
require_corpus
work="$(mktemp -d "${TMPDIR:-/tmp}/meshdsl-import-time.XXXXXX")"
trap 'rm -rf "$work"' EXIT
build_cli "$work/build.log"

# $1: where the messages go. Imports into a fresh folder.
run_import() {
  rm -rf "$work/out"
  run_cli "$1" import "$CORPUS" --out "$work/out"
}

# One untimed run: shows what is being imported, and warms the file cache.
run_import "$work/run.log"
log "$(tail -n 1 "$work/run.log")"
log "dotnet $CLI import $CORPUS --out <temporary folder>, $RUNS runs:"

time_runs "$RUNS" run_import /dev/null

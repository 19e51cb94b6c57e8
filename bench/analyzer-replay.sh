#!/usr/bin/env bash
# A/B of builds of MeshDsl.Analyzers on the compiler's own figure (see bench/README.md, "Analyzers").
#
# Replays the C# compiler's command line of the 1,000-resource project that analyzer-time.sh generates, once per
# analyzer build and run, interleaved (A, B, A, B, ...), each with /reportanalyzer, and prints MeshDsl.Analyzers' time
# per run and the median per build. A run is one csc process and nothing else (no MSBuild), so it is quicker and less
# noisy than analyzer-time.sh's builds; the figure is the one analyzer-time.sh divides by the Csc task's time.
#
# Usage, from the repository root:
#   KEEP_TEMP=1 RUNS=1 bash bench/analyzer-time.sh        # once: prints "Kept <dir>"
#   bash bench/analyzer-replay.sh <dir>/Mesh A/MeshDsl.Analyzers.dll B/MeshDsl.Analyzers.dll ...
# Environment: RUNS (default 7); ONE_FILE=1 compiles only Team01.cs (50 resources): what every compile pays once
# (JIT, symbol metadata, the first diagnostics) stands out.
set -euo pipefail

PROJECT="${1:?usage: analyzer-replay.sh PROJECT_DIR ANALYZER_DLL...}"
shift
[[ $# -ge 1 ]] || { echo "usage: analyzer-replay.sh PROJECT_DIR ANALYZER_DLL..." >&2; exit 2; }
RUNS="${RUNS:-7}"
cd "$PROJECT"
[[ -f Mesh.csproj ]] || { echo "$PROJECT has no Mesh.csproj: pass the Mesh folder kept by analyzer-time.sh" >&2; exit 2; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# The compiler's command line, as MSBuild's Csc task logs it at -v:d (one line: the tool, then its arguments).
touch Team01.cs
line="$(dotnet build Mesh.csproj --no-restore -p:BuildProjectReferences=false -c Release -p:MeshDslEmit=false -v:d 2>&1 \
  | grep -m1 -E '^\s+\S+/csc /noconfig ' || true)"
[[ -n "$line" ]] || { echo "no csc command line in the build log (is the project built once already?)" >&2; exit 1; }
csc="$(awk '{print $1}' <<<"$line")"
# Without MeshDsl's analyzer (each run adds the one it times), writing to the temporary folder.
sed -E -e 's#^\s*\S+/csc ##' -e 's#/analyzer:\S*MeshDsl\.Analyzers\.dll##' \
  -e "s#/out:\S+#/out:$WORK/Mesh.dll#" -e "s#/refout:\S+#/refout:$WORK/ref.dll#" <<<"$line" >"$WORK/csc.rsp"
if [[ "${ONE_FILE:-0}" == "1" ]]; then
  sed -i -E 's#(/embed:)?Team(0[2-9]|1[0-9]|20)\.cs\s*##g' "$WORK/csc.rsp"
fi

declare -A times
for ((run = 1; run <= RUNS; run++)); do
  for dll in "$@"; do
    t="$( { "$csc" "@$WORK/csc.rsp" "/analyzer:$dll" /reportanalyzer 2>&1 || true; } | awk '/MeshDsl.Analyzers, Version/ {print $1; exit}')"
    [[ -n "$t" ]] || { echo "run $run: no MeshDsl.Analyzers line in the report for $dll" >&2; exit 1; }
    times[$dll]="${times[$dll]:-} $t"
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
echo "MeshDsl.Analyzers (s) per run, $RUNS runs each, interleaved$([[ "${ONE_FILE:-0}" == "1" ]] && echo ', Team01.cs only'):"
for dll in "$@"; do
  echo "$dll:${times[$dll]}  median $(median <<<"${times[$dll]}")"
done

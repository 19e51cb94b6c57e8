#!/usr/bin/env bash
# Build-time cost of MeshDsl for a consumer, in one run (see bench/README.md):
#   baseline  a console app without MeshDsl
#   a         the same app referencing the compiled builders: MeshDsl.Istio.dll + MeshDsl.dll (what a package user gets)
#   b         the same app generating Istio's builders in its own compilation (MeshDsl.dll + the in-repo generator
#             targets, with Istio's CRD bundle and naming table as MeshCrd / MeshTypeNames items)
# Each timed build is `dotnet build --no-restore --no-dependencies` right after `touch Program.cs`, so the
# compiler (and for b the generator) runs every time. Builds are interleaved: baseline, a, b, baseline, a, b, ...
#
# Usage, from the repository root:  bash bench/build-time.sh
# Then a breakdown (not in the medians): the compiler's own timings, and (c) b's generated C# compiled as plain files.
# Environment: RUNS (default 7), BREAKDOWN_RUNS (default 3), CONFIGURATION (default Release), MESHDSL_ISTIO_CRD (default
# <repo>/../shared/istio/1.30.3/crd-all.gen.yaml), KEEP_TEMP=1 to keep the temp dir.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-7}"
CONFIGURATION="${CONFIGURATION:-Release}"
CRD="${MESHDSL_ISTIO_CRD:-$REPO/../shared/istio/1.30.3/crd-all.gen.yaml}"
NAMES="$REPO/src/MeshDsl.Istio/istio-type-names.yaml"
ISTIO_BIN="$REPO/src/MeshDsl.Istio/bin/$CONFIGURATION/net8.0"

if [[ ! -f "$CRD" ]]; then
  echo "Istio's CRD bundle was not found at $CRD (set MESHDSL_ISTIO_CRD)." >&2
  exit 1
fi
CRD="$(cd "$(dirname "$CRD")" && pwd)/$(basename "$CRD")"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/meshdsl-build-time.XXXXXX")"
cleanup() {
  if [[ "${KEEP_TEMP:-0}" == "1" ]]; then
    echo "Kept $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

log() { printf '%s\n' "$*" >&2; }

# ---- 1. The referenced projects, built once (their build is not part of any measurement) -------------------
log "Building src/MeshDsl.Istio ($CONFIGURATION): MeshDsl, the generator and the compiled Istio builders..."
dotnet build "$REPO/src/MeshDsl.Istio/MeshDsl.Istio.csproj" -c "$CONFIGURATION" -p:MeshDslIstioCrdPath="$CRD" -nologo -v:q >"$WORK/istio-build.log" 2>&1 || {
  cat "$WORK/istio-build.log" >&2
  exit 1
}
for dll in "$ISTIO_BIN/MeshDsl.Istio.dll" "$ISTIO_BIN/MeshDsl.dll"; do
  [[ -f "$dll" ]] || { log "missing $dll"; exit 1; }
done

# ---- 2. Three console projects in the temp dir -------------------------------------------------------------
# Stop MSBuild from looking above the temp dir; central package versions (YamlDotNet for b) come from the repo.
cat >"$WORK/Directory.Build.props" <<'EOF'
<Project />
EOF
cat >"$WORK/Directory.Build.targets" <<'EOF'
<Project />
EOF
cat >"$WORK/Directory.Packages.props" <<EOF
<Project>
  <Import Project="$REPO/Directory.Packages.props" />
</Project>
EOF

common_properties='    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <RootNamespace>BuildTimeProbe</RootNamespace>'

mkdir -p "$WORK/baseline" "$WORK/a" "$WORK/b"

cat >"$WORK/baseline/baseline.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
$common_properties
  </PropertyGroup>
</Project>
EOF

cat >"$WORK/a/a.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
$common_properties
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="$ISTIO_BIN/MeshDsl.Istio.dll" />
    <Reference Include="$ISTIO_BIN/MeshDsl.dll" />
  </ItemGroup>
</Project>
EOF

cat >"$WORK/b/b.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
$common_properties
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="$ISTIO_BIN/MeshDsl.dll" />
    <MeshCrd Include="$CRD" Namespace="MeshDsl.Istio" />
    <MeshTypeNames Include="$NAMES" />
  </ItemGroup>
  <Import Project="$REPO/generator/MeshDsl.Generator/build/MeshDsl.Generator.InRepo.targets" />
</Project>
EOF

# The same program for a and b: a VirtualService and a DestinationRule through the builders.
cat >"$WORK/a/Program.cs" <<'EOF'
using System;
using DestinationRule = MeshDsl.Istio.Networking.V1.DestinationRule;
using VirtualService = MeshDsl.Istio.Networking.V1.VirtualService;

namespace BuildTimeProbe;

public static class Program
{
    public static int Main()
    {
        var virtualService = VirtualService.Create("reviews", vs => vs
            .Namespace("bookinfo")
            .Hosts("reviews.bookinfo.svc.cluster.local")
            .Http(route => route
                .Name("canary")
                .Match(match => match.Headers("end-user", header => header.Exact("jason")))
                .Route(destination => destination.Destination(d => d.Host("reviews").Subset("v2")).Weight(100))
                .Retries(retry => retry.Attempts(3).PerTryTimeout("2s")))
            .Http(route => route
                .Route(destination => destination.Destination(d => d.Host("reviews").Subset("v1")))));
        var destinationRule = DestinationRule.Create("reviews", dr => dr
            .Namespace("bookinfo")
            .Host("reviews")
            .TrafficPolicy(policy => policy.LoadBalancer(lb => lb.WarmupDurationSecs("30s")))
            .Subsets(subset => subset.Name("v1").Labels("version", "v1"))
            .Subsets(subset => subset.Name("v2").Labels("version", "v2")));
        Console.WriteLine(virtualService.ToDocument().Count);
        Console.WriteLine(destinationRule.ToDocument().Count);
        return 0;
    }
}
EOF
cp "$WORK/a/Program.cs" "$WORK/b/Program.cs"

# The baseline: the same shape and length, printing strings instead.
cat >"$WORK/baseline/Program.cs" <<'EOF'
using System;
using System.Collections.Generic;
using System.Text;

namespace BuildTimeProbe;

public static class Program
{
    public static int Main()
    {
        var virtualService = new StringBuilder()
            .Append("apiVersion: networking.istio.io/v1\n")
            .Append("kind: VirtualService\n")
            .Append("metadata:\n  name: reviews\n  namespace: bookinfo\n")
            .Append("spec:\n  hosts:\n  - reviews.bookinfo.svc.cluster.local\n")
            .Append("  http:\n  - name: canary\n")
            .Append("    route:\n    - destination:\n        host: reviews\n        subset: v2\n")
            .Append("    retries:\n      attempts: 3\n      perTryTimeout: 2s\n")
            .ToString();
        var subsets = new List<string> { "v1", "v2" };
        var destinationRule = new StringBuilder()
            .Append("apiVersion: networking.istio.io/v1\n")
            .Append("kind: DestinationRule\n")
            .Append("metadata:\n  name: reviews\n  namespace: bookinfo\n")
            .Append("spec:\n  host: reviews\n")
            .Append("  trafficPolicy:\n    loadBalancer:\n      warmupDurationSecs: 30s\n")
            .Append("  subsets:\n");
        foreach (var subset in subsets)
        {
            destinationRule.Append("  - name: ").Append(subset).Append("\n    labels:\n      version: ").Append(subset).Append('\n');
        }

        Console.WriteLine(virtualService);
        Console.WriteLine(destinationRule.ToString());
        return 0;
    }
}
EOF

build() { # project: dotnet build without restore and without building references
  dotnet build "$WORK/$1/$1.csproj" --no-restore --no-dependencies -c "$CONFIGURATION" -nologo -v:q "${@:2}"
}

# ---- 3. Warm-up: one restore + build of each -----------------------------------------------------------------
variants=(baseline a b)
for v in "${variants[@]}"; do
  log "Warm-up: restore + build of $v..."
  { dotnet restore "$WORK/$v/$v.csproj" -nologo -v:q && build "$v"; } >"$WORK/$v-warmup.log" 2>&1 || {
    cat "$WORK/$v-warmup.log" >&2
    exit 1
  }
done

# The programs run, and a and b print the same thing.
out_a="$(dotnet "$WORK/a/bin/$CONFIGURATION/net10.0/a.dll")"
out_b="$(dotnet "$WORK/b/bin/$CONFIGURATION/net10.0/b.dll")"
dotnet "$WORK/baseline/bin/$CONFIGURATION/net10.0/baseline.dll" >/dev/null
if [[ "$out_a" != "$out_b" ]]; then
  log "a and b print different output: '$out_a' vs '$out_b'"
  exit 1
fi
log "a and b both print: $(echo "$out_a" | tr '\n' ' ')"

# ---- 4. Timed builds, interleaved ----------------------------------------------------------------------------
declare -A times
for ((run = 1; run <= RUNS; run++)); do
  for v in "${variants[@]}"; do
    assembly="$WORK/$v/obj/$CONFIGURATION/net10.0/$v.dll"
    sleep 0.2
    touch "$WORK/$v/Program.cs"
    before_ns=$(date +%s%N)
    build "$v" >"$WORK/$v-run$run.log" 2>&1 || {
      cat "$WORK/$v-run$run.log" >&2
      exit 1
    }
    after_ns=$(date +%s%N)
    # The compiler must have run: the intermediate assembly is newer than the touched source.
    if [[ ! "$assembly" -nt "$WORK/$v/Program.cs" ]]; then
      log "warning: $v run $run did not recompile ($assembly is not newer than Program.cs)"
    fi
    seconds=$(awk -v a="$before_ns" -v b="$after_ns" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    times[$v]="${times[$v]:-} $seconds"
    log "run $run/$RUNS  $v: ${seconds} s"
  done
done

median() { tr ' ' '\n' <<<"$1" | awk 'NF' | sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) exit; if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

m_base=$(median "${times[baseline]}")
m_a=$(median "${times[a]}")
m_b=$(median "${times[b]}")
pct() { awk -v x="$1" -v base="$m_base" 'BEGIN { printf "%+.1f %%", (x - base) / base * 100 }'; }

echo
echo "dotnet build --no-restore --no-dependencies -c $CONFIGURATION after touching Program.cs; $RUNS runs each, interleaved; $(nproc) cores; $(dotnet --version) SDK; UseSharedCompilation=${UseSharedCompilation:-unset}"
echo
echo "| project | median (s) | all runs (s) | vs. baseline |"
echo "| --- | ---: | --- | ---: |"
echo "| baseline: no MeshDsl | $m_base |${times[baseline]} | |"
echo "| (a) compiled builders: MeshDsl.Istio.dll + MeshDsl.dll | $m_a |${times[a]} | $(pct "$m_a") |"
echo "| (b) generating in its own compilation | $m_b |${times[b]} | $(pct "$m_b") |"

# ---- 5. Where (b)'s time goes (not in the medians) ----------------------------------------------------------
# (c) = the source b's generator writes, saved by the compiler and compiled as plain files (no generator): it
# separates compiling the generated C# from running the generator. Then BREAKDOWN_RUNS more builds of each
# variant with MSBuild's Csc task time and the compiler's own generator timings (ReportAnalyzer); medians.
log "Breakdown: saving b's generated source for (c)..."
touch "$WORK/b/Program.cs"
build b -p:EmitCompilerGeneratedFiles=true -p:CompilerGeneratedFilesOutputPath="$WORK/generated" >"$WORK/b-emit.log" 2>&1 || {
  cat "$WORK/b-emit.log" >&2
  exit 1
}
mkdir -p "$WORK/c/Generated"
cp "$WORK"/generated/MeshDsl.Generator/MeshDsl.Generator.CrdGenerator/*.cs "$WORK/c/Generated/"
cp "$WORK/a/Program.cs" "$WORK/c/Program.cs"
cat >"$WORK/c/c.csproj" <<CSPROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
$common_properties
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="$ISTIO_BIN/MeshDsl.dll" />
  </ItemGroup>
</Project>
CSPROJ
{ dotnet restore "$WORK/c/c.csproj" -nologo -v:q && build c; } >"$WORK/c-warmup.log" 2>&1 || {
  cat "$WORK/c-warmup.log" >&2
  exit 1
}

BREAKDOWN_RUNS="${BREAKDOWN_RUNS:-3}"
declare -A csc gens crd walls
for ((run = 1; run <= BREAKDOWN_RUNS; run++)); do
  for v in baseline a b c; do
    sleep 0.2
    touch "$WORK/$v/Program.cs"
    before_ns=$(date +%s%N)
    build "$v" -v:d -clp:PerformanceSummary -p:ReportAnalyzer=true >"$WORK/$v-report.log" 2>&1 || {
      tail -50 "$WORK/$v-report.log" >&2
      exit 1
    }
    after_ns=$(date +%s%N)
    walls[$v]="${walls[$v]:-} $(awk -v a="$before_ns" -v b="$after_ns" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')"
    csc[$v]="${csc[$v]:-} $(awk '$2 == "ms" && $3 == "Csc" { print $1; exit }' "$WORK/$v-report.log")"
    gens[$v]="${gens[$v]:-} $(sed -n 's/.*Total generator execution time: \([0-9.]*\) seconds.*/\1/p' "$WORK/$v-report.log" | head -1)"
    crd[$v]="${crd[$v]:-} $(awk '$NF == "MeshDsl.Generator.CrdGenerator" { print $1; exit }' "$WORK/$v-report.log")"
  done
  log "breakdown run $run/$BREAKDOWN_RUNS done"
done

echo
echo "Where the time goes: $BREAKDOWN_RUNS more builds of each with -v:d, -clp:PerformanceSummary and ReportAnalyzer=true (not in the medians above; medians here too)."
echo "(c) compiles the C# that b's generator wrote, as plain source files, without the generator."
echo
echo "| project | wall (s) | Csc task (ms) | all source generators (s) | CrdGenerator (s) |"
echo "| --- | ---: | ---: | ---: | ---: |"
for v in baseline a b c; do
  crd_median=$(median "${crd[$v]}")
  echo "| $v | $(median "${walls[$v]}") | $(median "${csc[$v]}") | $(median "${gens[$v]}") | ${crd_median:--} |"
done

echo
verdict=$(awk -v a="$m_a" -v base="$m_base" 'BEGIN { print ((a - base) / base <= 0.10) ? "met" : "NOT met" }')
echo "Target (a) <= +10 % over baseline: $verdict"

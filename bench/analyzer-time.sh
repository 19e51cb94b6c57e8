#!/usr/bin/env bash
# Build-time cost of MeshDsl's analyzers (see bench/README.md, "Analyzers"): a generated consumer project with
# 1,000 resources (VirtualServices, DestinationRules, Gateways, AuthorizationPolicies, PeerAuthentications,
# ServiceEntries) in 20 definition classes, one file each, loading the analyzers as the repository's samples do
# (build/MeshDsl.InRepo.targets), with emission off (-p:MeshDslEmit=false).
#
# Each timed build is `dotnet build --no-restore -p:BuildProjectReferences=false` right after touching one
# definition file, so the compiler and every analyzer run over the whole project every time. Two variants, interleaved:
#   with     the analyzers loaded; -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary, from which the script reads
#            MSBuild's Csc task time and the compiler's own analyzer timings (MeshDsl.Analyzers' assembly line)
#   without  the same build with MeshDsl.Analyzers removed from the Analyzer items just before the compiler runs
#            (the SDK's own analyzers still run): the difference in Csc time is a cross-check of the compiler's figure
# Prints medians of RUNS builds each. Target: MeshDsl's analyzers <= 5 % of the Csc task's time.
#
# Usage, from the repository root:  bash bench/analyzer-time.sh
# Environment: RUNS (default 5; 21 for the acceptance figure, bench/README.md "Results"), CONFIGURATION (default Release), KEEP_TEMP=1 to keep the generated project
# (under bench/obj/, inside the repository so its Directory.*.props apply as to any project here).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-5}"
CONFIGURATION="${CONFIGURATION:-Release}"
FILES=20

mkdir -p "$REPO/bench/obj"
WORK="$(mktemp -d "$REPO/bench/obj/analyzer-time.XXXXXX")"
cleanup() {
  if [[ "${KEEP_TEMP:-0}" == "1" ]]; then
    echo "Kept $WORK" >&2
  else
    rm -rf "$WORK"
    rmdir "$REPO/bench/obj" 2>/dev/null || true
  fi
}
trap cleanup EXIT

log() { printf '%s\n' "$*" >&2; }

# ---- 1. The consumer project ---------------------------------------------------------------------------------
PROJECT="$WORK/Mesh/Mesh.csproj"
mkdir -p "$WORK/Mesh"
cat >"$PROJECT" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <RootNamespace>AnalyzerTimeProbe</RootNamespace>
    <IsPackable>false</IsPackable>
    <!-- The generated definitions trigger some mesh rules on purpose (as real ones do): warnings, not errors. -->
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <MeshDslProductionNamespaces>team-01,team-02</MeshDslProductionNamespaces>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$REPO/src/MeshDsl.Istio/MeshDsl.Istio.csproj" />
    <ProjectReference Include="$REPO/src/MeshDsl/MeshDsl.csproj" />
  </ItemGroup>
  <Import Project="$REPO/build/MeshDsl.InRepo.targets" />
  <!-- The 'without' variant: the same build without MeshDsl's analyzers (the SDK's own analyzers still run). -->
  <Target Name="AnalyzerTimeRemoveMeshDslAnalyzers" BeforeTargets="CoreCompile" Condition="'\$(AnalyzerTimeWithoutMeshDsl)' == 'true'">
    <ItemGroup>
      <Analyzer Remove="@(Analyzer)" Condition="'%(Filename)' == 'MeshDsl.Analyzers'" />
    </ItemGroup>
  </Target>
</Project>
EOF

# One definition file: 50 resources of team NN in namespace team-NN.
#   20 VirtualServices: 2-4 HTTP routes each (header and URI matches, weighted subsets, rewrites, retries,
#      timeouts; every fifth with a fault or a mirror; the first three bound to the team's Gateways)
#   15 DestinationRules with subsets, connection pools, outlier detection, load balancing and mutual TLS
#      (services 16-20 have none: their VirtualServices route without subsets)
#    3 Gateways (HTTPS with a credential, HTTP redirecting to it), 6 AuthorizationPolicies (ALLOW and DENY, sources,
#    operations, conditions), 3 PeerAuthentications (namespace-wide, per workload with a port exception),
#    3 ServiceEntries (external APIs over TLS, resolved by DNS)
generate_file() {
  local f="$1" t ns s g a e host
  t=$(printf '%02d' "$f")
  ns="team-$t"
  local -a names=()
  {
    cat <<EOF
using MeshDsl;
using MeshDsl.Istio.Networking;
using MeshDsl.Istio.Networking.V1;
using MeshDsl.Istio.Security;
using MeshDsl.Istio.Security.V1;

namespace AnalyzerTimeProbe;

/// <summary>Team $t's services: routing, resilience, edge and security.</summary>
public sealed class Team$t : IMeshDefinition
{
EOF
    for ((s = 1; s <= 20; s++)); do
      host="svc-$t-$(printf '%02d' "$s")"
      names+=("Route$s")
      if ((s <= 3)); then
        cat <<EOF
    public static VirtualService Route$s { get; } = VirtualService.Create("$host", vs => vs
        .Namespace("$ns")
        .Hosts("$host.$ns.example.com")
        .Gateways("gw-$t-$s")
        .Http(r => r
            .Name("api")
            .Match(m => m.Uri(u => u.Prefix("/api/v2/")).Method(x => x.Exact("GET")))
            .Rewrite(x => x.Uri("/v2/"))
            .Route(d => d.Destination(x => x.Host("$host").Subset("v2").Port(p => p.Number(8080))))
            .Timeout("5s")
            .Retries(x => x.Attempts(2).PerTryTimeout("2s").RetryOn("5xx,reset")))
        .Http(r => r
            .Name("default")
            .Route(d => d.Destination(x => x.Host("$host").Subset("v1").Port(p => p.Number(8080))))
            .Timeout("10s")));

EOF
      elif ((s <= 15)); then
        cat <<EOF
    public static VirtualService Route$s { get; } = VirtualService.Create("$host", vs => vs
        .Namespace("$ns")
        .Hosts("$host")
        .Http(r => r
            .Name("canary")
            .Match(m => m.Headers("x-canary", h => h.Exact("true")))
            .Match(m => m.Headers("end-user", h => h.Regex("^qa-.*")))
            .Route(d => d.Destination(x => x.Host("$host").Subset("v2")).Weight(100))
            .Timeout("$((s % 4 + 2))s")
            .Retries(x => x.Attempts(3).PerTryTimeout("500ms").RetryOn("5xx,connect-failure")))
        .Http(r => r
            .Name("v1-api")
            .Match(m => m.Uri(u => u.Prefix("/v1/")).IgnoreUriCase(true))
            .Route(d => d.Destination(x => x.Host("$host").Subset("v1")).Weight(90))
            .Route(d => d.Destination(x => x.Host("$host").Subset("v2")).Weight(10))
            .Timeout("3s")
            .Retries(x => x.Attempts(2).PerTryTimeout("1s")))
EOF
        if ((s % 5 == 0)); then
          cat <<EOF
        .Http(r => r
            .Name("chaos")
            .Match(m => m.Headers("x-chaos", h => h.Exact("delay")))
            .Fault(x => x.Delay(d => d.FixedDelay("2s").Percentage(p => p.Value(10))))
            .Route(d => d.Destination(x => x.Host("$host").Subset("v1"))))
EOF
        elif ((s % 5 == 1)); then
          cat <<EOF
        .Http(r => r
            .Name("shadow")
            .Match(m => m.Uri(u => u.Prefix("/shadow/")))
            .Route(d => d.Destination(x => x.Host("$host").Subset("v1")))
            .Mirror(x => x.Host("$host").Subset("v2"))
            .MirrorPercentage(p => p.Value(5))
            .Timeout("2s"))
EOF
        fi
        cat <<EOF
        .Http(r => r
            .Name("default")
            .Route(d => d.Destination(x => x.Host("$host").Subset("v1")))
            .Timeout("10s")
            .Retries(x => x.Attempts(3).PerTryTimeout("2s").RetryOn("5xx,reset,connect-failure"))));

EOF
      else
        cat <<EOF
    public static VirtualService Route$s { get; } = VirtualService.Create("$host", vs => vs
        .Namespace("$ns")
        .Hosts("$host")
        .Http(r => r
            .Match(m => m.Uri(u => u.Exact("/healthz")))
            .DirectResponse(x => x.Status(200)))
        .Http(r => r
            .Route(d => d.Destination(x => x.Host("$host").Port(p => p.Number(80))))
            .Timeout("15s")
            .Retries(x => x.Attempts(2).PerTryTimeout("5s"))));

EOF
      fi
    done

    for ((s = 1; s <= 15; s++)); do
      host="svc-$t-$(printf '%02d' "$s")"
      names+=("Destination$s")
      cat <<EOF
    public static DestinationRule Destination$s { get; } = DestinationRule.Create("$host", dr => dr
        .Namespace("$ns")
        .Host("$host")
        .TrafficPolicy(tp => tp
            .LoadBalancer(lb => lb.Simple(SimpleLB.LeastRequest))
            .ConnectionPool(cp => cp
                .Tcp(x => x.MaxConnections($((s * 10 + 50))).ConnectTimeout("1s"))
                .Http(x => x.Http1MaxPendingRequests(64).Http2MaxRequests(256).MaxRequestsPerConnection(10)))
            .OutlierDetection(od => od
                .Consecutive5xxErrors(5)
                .Interval("10s")
                .BaseEjectionTime("30s")
                .MaxEjectionPercent(50))
            .Tls(x => x.Mode(ClientTLSMode.IstioMutual)))
        .Subsets(x => x.Name("v1").Labels("version", "v1"))
        .Subsets(x => x.Name("v2").Labels("version", "v2")
            .TrafficPolicy(tp => tp.LoadBalancer(lb => lb.Simple(SimpleLB.RoundRobin)))));

EOF
    done

    for ((g = 1; g <= 3; g++)); do
      names+=("Gateway$g")
      cat <<EOF
    public static Gateway Gateway$g { get; } = Gateway.Create("gw-$t-$g", gw => gw
        .Namespace("$ns")
        .Selector("istio", "ingressgateway")
        .Servers(x => x
            .Port(p => p.Number(443).Name("https").Protocol("HTTPS"))
            .Tls(tls => tls.Mode(ServerTLSMode.Simple).CredentialName("$ns-cert-$g").MinProtocolVersion(TLSProtocol.Tlsv12))
            .Hosts("*.$ns.example.com"))
        .Servers(x => x
            .Port(p => p.Number(80).Name("http").Protocol("HTTP"))
            .Tls(tls => tls.HttpsRedirect(true))
            .Hosts("*.$ns.example.com")));

EOF
    done

    for ((a = 1; a <= 6; a++)); do
      names+=("Policy$a")
      host="svc-$t-$(printf '%02d' "$a")"
      if ((a == 1)); then
        cat <<EOF
    public static AuthorizationPolicy Policy$a { get; } = AuthorizationPolicy.Create("deny-all", ap => ap
        .Namespace("$ns"));

EOF
      elif ((a == 2)); then
        cat <<EOF
    public static AuthorizationPolicy Policy$a { get; } = AuthorizationPolicy.Create("deny-external-admin", ap => ap
        .Namespace("$ns")
        .Action(AuthorizationPolicyAction.Deny)
        .Rules(r => r
            .From(f => f.Source(x => x.NotNamespaces("$ns", "istio-system")))
            .To(o => o.Operation(x => x.Paths("/admin/*").Methods("GET", "POST", "DELETE")))
            .When(c => c.Key("request.headers[x-internal]").NotValues("true"))));

EOF
      else
        cat <<EOF
    public static AuthorizationPolicy Policy$a { get; } = AuthorizationPolicy.Create("allow-$host", ap => ap
        .Namespace("$ns")
        .Selector(x => x.MatchLabels("app", "$host"))
        .Action(AuthorizationPolicyAction.Allow)
        .Rules(r => r
            .From(f => f.Source(x => x.Principals("cluster.local/ns/$ns/sa/frontend", "cluster.local/ns/$ns/sa/worker")))
            .To(o => o.Operation(x => x.Methods("GET", "POST").Paths("/api/*").Ports("8080"))))
        .Rules(r => r
            .From(f => f.Source(x => x.Namespaces("monitoring")))
            .To(o => o.Operation(x => x.Methods("GET").Paths("/metrics")))));

EOF
      fi
    done

    names+=("MtlsDefault" "MtlsLegacy" "MtlsMetrics")
    cat <<EOF
    public static PeerAuthentication MtlsDefault { get; } = PeerAuthentication.Create("default", pa => pa
        .Namespace("$ns")
        .Mtls(m => m.Mode(MutualTLSMode.Strict)));

    public static PeerAuthentication MtlsLegacy { get; } = PeerAuthentication.Create("legacy", pa => pa
        .Namespace("$ns")
        .Selector(x => x.MatchLabels("app", "svc-$t-20"))
        .Mtls(m => m.Mode(MutualTLSMode.Permissive)));

    public static PeerAuthentication MtlsMetrics { get; } = PeerAuthentication.Create("metrics-port", pa => pa
        .Namespace("$ns")
        .Selector(x => x.MatchLabels("app", "svc-$t-01"))
        .Mtls(m => m.Mode(MutualTLSMode.Strict))
        .PortLevelMtls("9090", m => m.Mode(MutualTLSMode.Permissive)));

EOF

    for ((e = 1; e <= 3; e++)); do
      names+=("External$e")
      cat <<EOF
    public static ServiceEntry External$e { get; } = ServiceEntry.Create("ext-$t-$e", se => se
        .Namespace("$ns")
        .Hosts("api$e.$ns.partner.com")
        .Location(ServiceEntryLocation.MeshExternal)
        .Resolution(ServiceEntryResolution.Dns)
        .Ports(p => p.Number(443).Name("tls").Protocol("TLS"))
        .ExportTo("."));

EOF
    done

    printf '    /// <summary>Adds this file'"'"'s resources to the mesh.</summary>\n'
    printf '    public void Define(IMeshBuilder mesh) => mesh'
    for n in "${names[@]}"; do
      printf '\n        .Add(%s)' "$n"
    done
    printf ';\n}\n'
  } >"$WORK/Mesh/Team$t.cs"
  echo "${#names[@]}"
}

resources=0
for ((f = 1; f <= FILES; f++)); do
  resources=$((resources + $(generate_file "$f")))
done
lines=$(cat "$WORK"/Mesh/Team*.cs | wc -l)
log "Generated $resources resources in $FILES files ($lines lines) under $WORK/Mesh"

# ---- 2. Warm-up: restore, and build the referenced projects once (not timed) -----------------------------------
export MSBUILDDISABLENODEREUSE=1
build() { # extra arguments: dotnet build of the consumer alone, without restore and without building references
  dotnet build "$PROJECT" --no-restore -p:BuildProjectReferences=false -c "$CONFIGURATION" -p:MeshDslEmit=false \
    -nologo -v:d -clp:PerformanceSummary -p:ReportAnalyzer=true "$@"
}
log "Warm-up: restore and build with the referenced projects (MeshDsl, MeshDsl.Istio, the analyzers, the emit tool)..."
dotnet build "$PROJECT" -c "$CONFIGURATION" -p:MeshDslEmit=false -nologo -v:q >"$WORK/warmup.log" 2>&1 || {
  tail -50 "$WORK/warmup.log" >&2
  exit 1
}
for v in with without; do
  flag=()
  [[ "$v" == "without" ]] && flag=(-p:AnalyzerTimeWithoutMeshDsl=true)
  touch "$WORK/Mesh/Team01.cs"
  build "${flag[@]}" >"$WORK/warmup-$v.log" 2>&1 || {
    tail -50 "$WORK/warmup-$v.log" >&2
    exit 1
  }
done
findings=$(grep -o 'warning MESH[0-9]*' "$WORK/warmup-with.log" | sort | uniq -c | awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $1 / 2, $3 }')
log "Mesh rule findings per build (each printed twice by MSBuild, counted once): ${findings:-none}"

# ---- 3. Timed builds, interleaved ----------------------------------------------------------------------------
# From each log: the wall time, MSBuild's Csc task time (PerformanceSummary) and the compiler's ReportAnalyzer table:
#   Total analyzer execution time: 1.280 seconds.
#      0.714   55   MeshDsl.Analyzers, Version=1.0.0.0, ...                  (assembly line: all its analyzers)
#      0.714   55      MeshDsl.Analyzers.MeshRuleAnalyzer (MESH0098, ...)
#   Total generator execution time: 0.328 seconds.
declare -A walls cscs totals meshdsl rules generators
assembly="$WORK/Mesh/obj/$CONFIGURATION/net10.0/Mesh.dll"
for ((run = 1; run <= RUNS; run++)); do
  for v in with without; do
    flag=()
    [[ "$v" == "without" ]] && flag=(-p:AnalyzerTimeWithoutMeshDsl=true)
    file="$WORK/Mesh/Team$(printf '%02d' $(((run - 1) % FILES + 1))).cs"
    sleep 0.2
    touch "$file"
    before_ns=$(date +%s%N)
    build "${flag[@]}" >"$WORK/$v-run$run.log" 2>&1 || {
      tail -50 "$WORK/$v-run$run.log" >&2
      exit 1
    }
    after_ns=$(date +%s%N)
    report="$WORK/$v-run$run.log"
    if [[ ! "$assembly" -nt "$file" ]]; then
      log "warning: $v run $run did not recompile ($assembly is not newer than $file)"
    fi
    wall=$(awk -v a="$before_ns" -v b="$after_ns" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
    csc=$(awk '$2 == "ms" && $3 == "Csc" { print $1; exit }' "$report")
    total=$(sed -n 's/.*Total analyzer execution time: \([0-9.]*\) seconds.*/\1/p' "$report" | head -1)
    mesh=$(awk '$3 == "MeshDsl.Analyzers," { print $1; exit }' "$report")
    rule=$(awk '$3 == "MeshDsl.Analyzers.MeshRuleAnalyzer" { print $1; exit }' "$report")
    # Generators from MeshDsl assemblies, if any (the compiled builders need none): after the generator total.
    gen=$(awk '/Total generator execution time/ { g = 1 } g && $3 ~ /^MeshDsl\..*,$/ { print $1; exit }' "$report")
    if [[ "$v" == "with" && -z "$mesh" ]]; then
      log "MeshDsl.Analyzers is missing from the compiler's analyzer report in $report"
      exit 1
    fi
    if [[ "$v" == "without" && -n "$mesh" ]]; then
      log "MeshDsl.Analyzers ran in the 'without' build ($report)"
      exit 1
    fi
    walls[$v]="${walls[$v]:-} $wall"
    cscs[$v]="${cscs[$v]:-} $csc"
    totals[$v]="${totals[$v]:-} $total"
    meshdsl[$v]="${meshdsl[$v]:-} ${mesh:-0}"
    rules[$v]="${rules[$v]:-} ${rule:-0}"
    if [[ -n "$gen" ]]; then
      generators[$v]="${generators[$v]:-} $gen"
    fi
    if [[ "$v" == "with" ]]; then
      log "run $run/$RUNS  with:    wall ${wall} s, Csc ${csc} ms, all analyzers ${total} s, MeshDsl.Analyzers ${mesh} s ($(awk -v m="$mesh" -v c="$csc" 'BEGIN { printf "%.1f", m * 1000 / c * 100 }') % of Csc)"
    else
      log "run $run/$RUNS  without: wall ${wall} s, Csc ${csc} ms, all analyzers ${total} s"
    fi
  done
done

median() { tr ' ' '\n' <<<"$1" | awk 'NF' | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit; if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# Per run, MeshDsl.Analyzers' time as a share of that run's Csc task; then the median of the shares.
shares=""
read -ra c_with <<<"${cscs[with]}"
read -ra m_with <<<"${meshdsl[with]}"
for ((i = 0; i < ${#c_with[@]}; i++)); do
  shares="$shares $(awk -v m="${m_with[$i]}" -v c="${c_with[$i]}" 'BEGIN { printf "%.1f", m * 1000 / c * 100 }')"
done

csc_with=$(median "${cscs[with]}")
csc_without=$(median "${cscs[without]}")
mesh_median=$(median "${meshdsl[with]}")
share_median=$(median "$shares")
delta=$(awk -v a="$csc_with" -v b="$csc_without" 'BEGIN { printf "%+.0f", a - b }')
delta_pct=$(awk -v a="$csc_with" -v b="$csc_without" 'BEGIN { printf "%+.1f", (a - b) / a * 100 }')

echo
echo "Consumer: $resources resources in $FILES files ($lines lines), net10.0, $CONFIGURATION, emission off; $RUNS builds per variant, interleaved,"
echo "each after touching one definition file: dotnet build --no-restore -p:BuildProjectReferences=false -v:d -clp:PerformanceSummary -p:ReportAnalyzer=true"
echo "$(nproc) cores; $(dotnet --version) SDK; UseSharedCompilation=${UseSharedCompilation:-unset}; mesh rule findings per build: ${findings:-none}"
echo
echo "| variant | wall (s) | Csc task (ms) | all analyzers (s) | MeshDsl.Analyzers (s) | MeshRuleAnalyzer (s) | MeshDsl generators (s) | MeshDsl.Analyzers / Csc |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
echo "| with MeshDsl's analyzers | $(median "${walls[with]}") | $csc_with | $(median "${totals[with]}") | $mesh_median | $(median "${rules[with]}") | $(median "${generators[with]:-}" | grep . || echo "none loaded") | **${share_median} %** |"
echo "| without (removed before CoreCompile) | $(median "${walls[without]}") | $csc_without | $(median "${totals[without]}") | - | - | - | |"
echo
echo "All runs, with:    Csc (ms)${cscs[with]}; MeshDsl.Analyzers (s)${meshdsl[with]}; share (%)$shares"
echo "All runs, without: Csc (ms)${cscs[without]}"
echo "Csc with minus without (medians): $delta ms ($delta_pct % of the Csc task with the analyzers)"
echo
verdict=$(awk -v s="$share_median" 'BEGIN { print (s <= 5) ? "met" : "NOT met" }')
echo "Target: MeshDsl's analyzers <= 5 % of the Csc task: $verdict (median share ${share_median} %)"

using System.Threading.Tasks;
using Xunit;

namespace MeshDsl.Analyzers.Tests.Rules;

/// <summary>
/// The Workloads rules on Istio builder chains (docs/rules/MESH1052, 1060, 1061): each reported at the call that
/// wrote the node, and silent on the corrected chain. MESH1070 and MESH1071 read KubernetesClient objects and are
/// tested with them (WorkloadAnalyzerTests).
/// </summary>
public sealed class WorkloadRuleAnalyzerTests
{
    [Fact]
    public Task Mesh1052_a_sidecar_importing_every_namespace_is_reported_at_the_hosts_call() => Verify.Analyzer("""
        class Scopes
        {
            static Sidecar Shop = Sidecar.Create("default", sc => sc
                .Namespace("shop")
                .Egress(e => e.{|MESH1052:Hosts("./*", "*/*")|}));
        }
        """, "MESH1052");

    [Fact]
    public Task Mesh1052_a_sidecar_importing_named_namespaces_is_not_reported() => Verify.Analyzer("""
        class Scopes
        {
            static Sidecar Shop = Sidecar.Create("default", sc => sc
                .Namespace("shop")
                .Egress(e => e.Hosts("./*", "istio-system/*", "payments/*")));
        }
        """, "MESH1052");

    [Fact]
    public Task Mesh1060_an_envoy_filter_for_the_whole_mesh_is_reported_at_its_create_call() => Verify.Analyzer("""
        using EnvoyFilter = MeshDsl.Istio.Networking.V1Alpha3.EnvoyFilter;

        class Filters
        {
            static EnvoyFilter Lua = EnvoyFilter.{|MESH1060:Create("lua", ef => ef
                .Namespace("istio-system")
                .ConfigPatches(p => p
                    .ApplyTo(ApplyTo.HttpFilter)
                    .Match(m => m.Context(PatchContext.SidecarInbound).Proxy(x => x.ProxyVersion("^1\\.30.*")))))|};
        }
        """, "MESH1060");

    [Fact]
    public Task Mesh1060_an_envoy_filter_with_a_workload_selector_is_not_reported() => Verify.Analyzer("""
        using EnvoyFilter = MeshDsl.Istio.Networking.V1Alpha3.EnvoyFilter;

        class Filters
        {
            static EnvoyFilter Lua = EnvoyFilter.Create("lua", ef => ef
                .Namespace("istio-system")
                .WorkloadSelector(w => w.Labels("istio", "ingressgateway"))
                .ConfigPatches(p => p
                    .ApplyTo(ApplyTo.HttpFilter)
                    .Match(m => m.Context(PatchContext.Gateway).Proxy(x => x.ProxyVersion("^1\\.30.*")))));
        }
        """, "MESH1060");

    [Fact]
    public Task Mesh1060_the_root_namespace_comes_from_meshdsl_root_namespace() => Verify.AnalyzerWithOptions(
        """
        using EnvoyFilter = MeshDsl.Istio.Networking.V1Alpha3.EnvoyFilter;

        class Filters
        {
            static EnvoyFilter Lua = EnvoyFilter.{|MESH1060:Create("lua", ef => ef
                .Namespace("mesh-root")
                .ConfigPatches(p => p.ApplyTo(ApplyTo.HttpFilter)))|};

            static EnvoyFilter NotTheRoot = EnvoyFilter.Create("lua", ef => ef
                .Namespace("istio-system")
                .ConfigPatches(p => p.ApplyTo(ApplyTo.HttpFilter)));
        }
        """,
        "meshdsl_root_namespace = mesh-root\n",
        "MESH1060");

    [Fact]
    public Task Mesh1061_a_patch_without_proxy_version_is_reported_at_its_config_patches_call() => Verify.Analyzer("""
        using EnvoyFilter = MeshDsl.Istio.Networking.V1Alpha3.EnvoyFilter;

        class Filters
        {
            static EnvoyFilter Lua = EnvoyFilter.Create("lua", ef => ef
                .Namespace("shop")
                .WorkloadSelector(w => w.Labels("app", "cart"))
                .{|MESH1061:ConfigPatches(p => p
                    .ApplyTo(ApplyTo.HttpFilter)
                    .Match(m => m.Context(PatchContext.SidecarInbound)))|});
        }
        """, "MESH1061");

    [Fact]
    public Task Mesh1061_a_patch_pinned_to_a_proxy_version_is_not_reported() => Verify.Analyzer("""
        using EnvoyFilter = MeshDsl.Istio.Networking.V1Alpha3.EnvoyFilter;

        class Filters
        {
            static EnvoyFilter Lua = EnvoyFilter.Create("lua", ef => ef
                .Namespace("shop")
                .WorkloadSelector(w => w.Labels("app", "cart"))
                .ConfigPatches(p => p
                    .ApplyTo(ApplyTo.HttpFilter)
                    .Match(m => m.Context(PatchContext.SidecarInbound).Proxy(x => x.ProxyVersion("^1\\.30.*")))));
        }
        """, "MESH1061");
}

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
    [Theory]
    [InlineData(""".{|MESH1052:Hosts("./*", "*/*")|}""")] // every namespace: reported at the Hosts call
    [InlineData(""".Hosts("./*", "istio-system/*", "payments/*")""")] // named namespaces: not reported
    public Task Mesh1052_a_sidecar_is_reported_at_the_hosts_call_when_it_imports_every_namespace(string hosts) =>
        Verify.Analyzer(Snippet.ShopSidecar($".Egress(e => e{hosts})"), "MESH1052");

    [Theory]
    [InlineData(true, "", "SidecarInbound")] // no workload selector: reported at its Create call
    [InlineData(false, """.WorkloadSelector(w => w.Labels("istio", "ingressgateway"))""", "Gateway")] // a workload selector: not reported
    public Task Mesh1060_a_root_namespace_envoy_filter_is_reported_at_its_create_call_when_it_selects_no_workload(bool reported, string selector, string context) =>
        Verify.Analyzer(Filters(Filter("Lua", Snippet.MarkedIf(reported, "MESH1060", $$"""
            Create("lua", ef => ef
                    .Namespace("istio-system"){{selector}}
                    .ConfigPatches(p => p
                        .ApplyTo(ApplyTo.HttpFilter)
                        .Match(m => m.Context(PatchContext.{{context}}).Proxy(x => x.ProxyVersion("^1\\.30.*")))))
            """))), "MESH1060");

    [Fact]
    public Task Mesh1060_the_root_namespace_comes_from_meshdsl_root_namespace() => Verify.AnalyzerWithOptions(
        Filters(
            Filter("Lua", """{|MESH1060:Create("lua", ef => ef.Namespace("mesh-root").ConfigPatches(p => p.ApplyTo(ApplyTo.HttpFilter)))|}"""),
            Filter("NotTheRoot", """Create("lua", ef => ef.Namespace("istio-system").ConfigPatches(p => p.ApplyTo(ApplyTo.HttpFilter)))""")),
        "meshdsl_root_namespace = mesh-root\n",
        "MESH1060");

    [Theory]
    [InlineData(""".{|MESH1061:ConfigPatches(p => p.ApplyTo(ApplyTo.HttpFilter).Match(m => m.Context(PatchContext.SidecarInbound)))|}""")] // no proxy version: reported
    [InlineData(""".ConfigPatches(p => p.ApplyTo(ApplyTo.HttpFilter).Match(m => m.Context(PatchContext.SidecarInbound).Proxy(x => x.ProxyVersion("^1\\.30.*"))))""")] // pinned: not reported
    public Task Mesh1061_a_patch_is_reported_at_its_config_patches_call_when_not_pinned_to_a_proxy_version(string patches) =>
        Verify.Analyzer(Filters(Filter("Lua", $$"""
            Create("lua", ef => ef
                    .Namespace("shop")
                    .WorkloadSelector(w => w.Labels("app", "cart"))
                    {{patches}})
            """)), "MESH1061");

    private static string Filters(params string[] filters) =>
        "using EnvoyFilter = MeshDsl.Istio.Networking.V1Alpha3.EnvoyFilter;\n\n" + Snippet.Class("Filters", filters);

    /// <summary>produces: <c>static EnvoyFilter Lua = EnvoyFilter.Create(...);</c>, with <paramref name="create"/> as the Create call.</summary>
    private static string Filter(string field, string create) => $"    static EnvoyFilter {field} = EnvoyFilter.{create};";
}

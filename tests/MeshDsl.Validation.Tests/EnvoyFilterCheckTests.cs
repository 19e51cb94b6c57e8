using System.Linq;
using Xunit;

namespace MeshDsl.Validation.Tests;

/// <summary>Istio's webhook-only EnvoyFilter checks (ISTIO-CHECKS.md §B.11): each reports its violation and passes its fix.</summary>
public sealed class EnvoyFilterCheckTests
{
    private const string Hcm = "envoy.filters.network.http_connection_manager";
    private const string HcmFilter = "{name: " + Hcm + "}";
    private const string RouterSubFilter = "{name: " + Hcm + ", subFilter: {name: envoy.filters.http.router}}";
    private const string FilterPath = "spec.configPatches[0].match.listener.filterChain.filter";

    public static TheoryData<string, string, string, string, FindingSeverity> Cases => new()
    {
        // check, violating config patch, passing config patch, path, severity
        { "EF03", "{patch: {operation: MERGE, value: {}}}", "{applyTo: CLUSTER, patch: {operation: MERGE, value: {}}}", "spec.configPatches[0]", FindingSeverity.Error },
        { "EF03", "{applyTo: CLUSTER}", "{applyTo: CLUSTER, patch: {operation: REMOVE}}", "spec.configPatches[0]", FindingSeverity.Error },
        { "EF03", "{applyTo: CLUSTER, patch: {value: {}}}", "{applyTo: CLUSTER, patch: {operation: ADD, value: {}}}", "spec.configPatches[0]", FindingSeverity.Error },
        { "EF03", "{applyTo: CLUSTER, patch: {operation: MERGE}}", "{applyTo: CLUSTER, patch: {operation: REMOVE}}", "spec.configPatches[0]", FindingSeverity.Error },
        { "EF04", "{applyTo: CLUSTER, match: {proxy: {proxyVersion: \"^1\\\\.(?=2)\"}}, patch: {operation: REMOVE}}", "{applyTo: CLUSTER, match: {proxy: {proxyVersion: \"^1\\\\.2.*\"}}, patch: {operation: REMOVE}}", "spec.configPatches[0].match.proxy.proxyVersion", FindingSeverity.Error },
        { "EF05", "{applyTo: CLUSTER, match: {listener: {portNumber: 80}}, patch: {operation: REMOVE}}", "{applyTo: CLUSTER, match: {cluster: {portNumber: 80}}, patch: {operation: REMOVE}}", "spec.configPatches[0].match.listener", FindingSeverity.Error },
        { "EF05", "{applyTo: HTTP_ROUTE, match: {cluster: {portNumber: 80}}, patch: {operation: REMOVE}}", "{applyTo: HTTP_ROUTE, match: {routeConfiguration: {portNumber: 80}}, patch: {operation: REMOVE}}", "spec.configPatches[0].match.cluster", FindingSeverity.Error },
        { "EF05", "{applyTo: HTTP_FILTER, match: {routeConfiguration: {portNumber: 80}}, patch: {operation: REMOVE}}", "{applyTo: HTTP_FILTER, match: {listener: {portNumber: 80}}, patch: {operation: REMOVE}}", "spec.configPatches[0].match.routeConfiguration", FindingSeverity.Error },
        { "EF06", FilterPatch("LISTENER", HcmFilter), FilterPatch("NETWORK_FILTER", HcmFilter), FilterPath, FindingSeverity.Warning },
        { "EF06", FilterPatch("NETWORK_FILTER", "{}"), FilterPatch("NETWORK_FILTER", HcmFilter), FilterPath, FindingSeverity.Error },
        { "EF06", FilterPatch("NETWORK_FILTER", RouterSubFilter), FilterPatch("HTTP_FILTER", RouterSubFilter), FilterPath + ".subFilter", FindingSeverity.Error },
        { "EF06", FilterPatch("HTTP_FILTER", "{name: envoy.filters.network.tcp_proxy, subFilter: {name: envoy.filters.http.router}}"), FilterPatch("HTTP_FILTER", RouterSubFilter), FilterPath + ".name", FindingSeverity.Error },
        { "EF06", FilterPatch("HTTP_FILTER", "{name: " + Hcm + ", subFilter: {}}"), FilterPatch("HTTP_FILTER", RouterSubFilter), FilterPath + ".subFilter", FindingSeverity.Error },
        { "EF06", FilterPatch("HTTP_FILTER", "{name: envoy.http_connection_manager}"), FilterPatch("HTTP_FILTER", HcmFilter), FilterPath + ".name", FindingSeverity.Warning },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Violation_is_reported_and_its_fix_passes(string check, string violating, string passing, string path, FindingSeverity severity)
        => WebhookCheckAssert.ReportedAndFixed(
            "MESH0311",
            check,
            path,
            severity,
            WithoutEf01(WebhookCheckAssert.Validate("networking.istio.io/v1alpha3 EnvoyFilter", $"configPatches: [{violating}]")),
            WithoutEf01(WebhookCheckAssert.Validate("networking.istio.io/v1alpha3 EnvoyFilter", $"configPatches: [{passing}]")));

    [Fact]
    public void Every_envoy_filter_gets_the_ef01_warning_at_its_kind_and_other_kinds_do_not()
    {
        var filter = SchemaCheckTests.ValidateAll("networking.istio.io/v1alpha3", "EnvoyFilter", "workloadSelector: {labels: {app: api}}");
        var sidecar = SchemaCheckTests.ValidateAll("networking.istio.io/v1", "Sidecar", "workloadSelector: {labels: {app: api}}\negress: [{hosts: [\"./*\"]}]");

        var finding = Assert.Single(filter);
        Assert.Equal(("MESH0311", FindingSeverity.Warning, "kind", 2), (finding.Id, finding.Severity, finding.Path, finding.At!.Line));
        Assert.StartsWith("EF01:", finding.Message);
        Assert.Empty(sidecar);
    }

    private static string FilterPatch(string applyTo, string filter) =>
        "{applyTo: " + applyTo + ", match: {listener: {filterChain: {filter: " + filter + "}}}, patch: {operation: REMOVE}}";

    private static System.Collections.Generic.List<ValidationFinding> WithoutEf01(System.Collections.Generic.IEnumerable<ValidationFinding> findings) =>
        findings.Where(f => !f.Message.StartsWith("EF01:", System.StringComparison.Ordinal)).ToList();
}

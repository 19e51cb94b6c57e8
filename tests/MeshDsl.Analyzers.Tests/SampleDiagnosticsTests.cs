using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MeshDsl.Analyzers.Tests;

/// <summary>
/// The samples' C#, compiled with the options their csproj sets, raise exactly the mesh diagnostics listed here
/// (every severity, Info included), and each csproj accepts as warnings exactly the warning ids its sample raises.
/// </summary>
public sealed class SampleDiagnosticsTests
{
    /// <summary>
    /// The seed's 17 configurations as the seed writes them, gaps included, each diagnostic reviewed against
    /// ../shared/examples/seed-mesh.yaml: nine HTTP routes without a timeout (only api-rewrite's last route has one;
    /// its redirect forwards nothing), the plain-HTTP server's '*' host without an HTTPS redirect, PERMISSIVE mTLS in
    /// the namespace the csproj names as production, and the two VirtualServices for reviews (plain and canary), which
    /// the seed shows as alternatives (reported at the second, in source order). Two more are real gaps: external-api's
    /// route for external-gateway is an http route, but that gateway passes api.external.com's TLS through, so it never
    /// matches (Istio's egress task routes passthrough with tls routes on sniHosts); and api-mtls disables mTLS on 8080,
    /// which is the only port the api Service and Deployment of Workloads.cs serve, so the STRICT api is plain text.
    /// </summary>
    [Fact]
    public Task SeedMesh_raises_the_reviewed_seed_diagnostics() => AssertDiagnostics("SeedMesh",
    [
        "MESH1001 Routing.cs:13", // reviews: jason to v2
        "MESH1001 Routing.cs:16", // reviews: everyone else to v1
        "MESH1001 Routing.cs:23", // reviews-canary: x-canary to v2
        "MESH1001 Routing.cs:26", // reviews-canary: the 90/10 split
        "MESH1001 Routing.cs:37", // api-rewrite: /v1/ rewritten to api-service
        "MESH1001 Routing.cs:51", // web-route: /api
        "MESH1001 Routing.cs:54", // web-route: /
        "MESH1001 Routing.cs:63", // external-api: mesh to the egress gateway
        "MESH1001 Routing.cs:66", // external-api: egress gateway to api.external.com
        "MESH1030 Gateways.cs:20", // web-gateway: port 80 accepts every host
        "MESH1032 Gateways.cs:18", // web-gateway: plain HTTP beside HTTPS, no httpsRedirect (Info)
        "MESH1049 Security.cs:18", // namespace-policy: PERMISSIVE in production, the seed's migration step
        "MESH1104 Routing.cs:66", // external-api: an http route at external-gateway, a TLS passthrough server
        "MESH1105 Security.cs:25", // api-mtls: DISABLE on 8080, the api workload's only port
        "MESH1109 Routing.cs:22", // reviews-canary routes reviews.default.svc.cluster.local, as reviews does
    ]);

    /// <summary>Bookinfo follows the rules; its fault-injection routes keep a timeout, which Istio does not enable while faults are injected.</summary>
    [Fact]
    public Task Bookinfo_raises_only_the_fault_injection_notes() => AssertDiagnostics("Bookinfo",
    [
        "MESH1004 FaultInjection.cs:19",
        "MESH1004 FaultInjection.cs:23",
    ]);

    /// <summary>Each anti-pattern at the line that shows it; the unprotected DestinationRule and the workload have two each.</summary>
    [Fact]
    public Task AntiPatterns_raises_each_anti_pattern() => AssertDiagnostics("AntiPatterns",
    [
        "MESH1001 RouteWithoutTimeout.cs:17",
        "MESH1002 RetriesWithoutPerTryTimeout.cs:20",
        "MESH1003 RetryBudgetExceedsTimeout.cs:20",
        "MESH1020 UnprotectedDestination.cs:16",
        "MESH1021 UnprotectedDestination.cs:16",
        "MESH1041 MtlsDisabled.cs:18",
        "MESH1042 AllowEverything.cs:21",
        "MESH1046 TokenOptional.cs:19",
        "MESH1049 PermissiveInProduction.cs:17",
        "MESH1070 UnprobedWorkload.cs:23",
        "MESH1071 UnprobedWorkload.cs:26",
        "MESH1101 MissingSubset.cs:26",
        "MESH1102 MissingGateway.cs:26",
        "MESH1104 PassthroughHttpRoutes.cs:27",
        "MESH1105 PlaintextOnEveryPort.cs:22",
    ]);

    [Theory]
    [InlineData("SeedMesh")]
    [InlineData("Bookinfo")]
    [InlineData("AntiPatterns")]
    public async Task The_csproj_accepts_exactly_the_warnings_its_sample_raises(string sample)
    {
        var project = SampleProject.Load(sample);
        var (_, analyzer) = await project.DiagnoseAsync();

        var raised = analyzer.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal);

        Assert.Equal(project.WarningsNotAsErrors(), raised);
    }

    private static async Task AssertDiagnostics(string sample, string[] expected)
    {
        var project = SampleProject.Load(sample);
        var (compiler, analyzer) = await project.DiagnoseAsync();

        Assert.Empty(compiler.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
        Assert.Equal(expected, analyzer.Select(project.Describe).OrderBy(d => d, StringComparer.Ordinal));
    }
}

using Xunit;

namespace MeshDsl.Validation.Tests;

/// <summary>Istio's webhook-only ServiceEntry and Sidecar checks (ISTIO-CHECKS.md §B.5, §B.6).</summary>
public sealed class ServiceEntryAndSidecarCheckTests
{
    private const string Port = "ports: [{number: 443, name: https, protocol: TLS}]";

    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        // kind, check, violating spec, passing spec, path
        { "ServiceEntry", "SE05", $"hosts: [api.example.com]\naddresses: [not-an-ip]\n{Port}\nresolution: STATIC\nendpoints: [{{address: 1.2.3.4}}]", $"hosts: [api.example.com]\naddresses: [10.0.0.0/24]\n{Port}\nresolution: STATIC\nendpoints: [{{address: 1.2.3.4}}]", "spec.addresses" },
        { "ServiceEntry", "SE09", "hosts: [api.example.com]\nports: [{number: 443, name: https, protocol: QUIC}]\nresolution: DNS", $"hosts: [api.example.com]\n{Port}\nresolution: DNS", "spec.ports[0].protocol" },
        { "ServiceEntry", "SE13", $"hosts: [\"*.example.com\"]\n{Port}\nresolution: DNS", $"hosts: [api.example.com]\n{Port}\nresolution: DNS", "spec.hosts" },
        { "ServiceEntry", "SE17", $"hosts: [api.example.com]\n{Port}\nresolution: DYNAMIC_DNS", $"hosts: [\"*.example.com\"]\n{Port}\nresolution: DYNAMIC_DNS", "spec.hosts" },
        { "ServiceEntry", "SE18", "hosts: [a.example.com, b.example.com]\nports: [{number: 5432, name: pg, protocol: TCP}]\nresolution: DNS", "hosts: [a.example.com, b.example.com]\nports: [{number: 443, name: https, protocol: TLS}]\nresolution: DNS", "spec.ports[0].protocol" },
        { "Sidecar", "SC02", "workloadSelector: {labels: {app: api}}", "workloadSelector: {labels: {app: api}}\negress: [{hosts: [\"./*\"]}]", "spec" },
        { "Sidecar", "SC03", "ingress: [{port: {number: 9080, name: http, protocol: HTTP, targetPort: 8080}, defaultEndpoint: \"127.0.0.1:8080\"}]", "ingress: [{port: {number: 9080, name: http, protocol: HTTP}, defaultEndpoint: \"127.0.0.1:8080\"}]", "spec.ingress[0].port.targetPort" },
        { "Sidecar", "SC07", "egress: [{hosts: [\"./*\"]}, {port: {number: 80, name: http, protocol: HTTP}, hosts: [\"./*\"]}]", "egress: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [\"./*\"]}, {hosts: [\"./*\"]}]", "spec.egress[0]" },
        { "Sidecar", "SC10", "outboundTrafficPolicy: {mode: REGISTRY_ONLY, egressProxy: {host: egress.example.com, port: {number: 443}}}", "outboundTrafficPolicy: {mode: ALLOW_ANY, egressProxy: {host: egress.example.com, port: {number: 443}}}", "spec.outboundTrafficPolicy.egressProxy" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Violation_is_rejected_and_its_fix_passes(string kind, string check, string violating, string passing, string path)
    {
        var bad = SchemaCheckTests.ValidateAll("networking.istio.io/v1", kind, violating);
        var good = SchemaCheckTests.ValidateAll("networking.istio.io/v1", kind, passing);

        var finding = Assert.Single(bad);
        Assert.Equal((kind == "ServiceEntry" ? "MESH0305" : "MESH0306", FindingSeverity.Error, path), (finding.Id, finding.Severity, finding.Path));
        Assert.StartsWith(check + ":", finding.Message);
        Assert.Empty(good);
    }
}

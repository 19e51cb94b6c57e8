using Xunit;

namespace MeshDsl.Validation.Tests;

/// <summary>Istio's webhook-only Gateway checks (ISTIO-CHECKS.md §B.4): each rejects its violation and passes its fix.</summary>
public sealed class GatewayCheckTests
{
    private const string Http = "{port: {number: 80, name: http, protocol: HTTP}, hosts: [\"*\"]}";

    public static TheoryData<string, string, string, string> Cases => new()
    {
        // check, violating spec, passing spec, path of the finding
        { "GW02", "servers: []", $"servers: [{Http}]", "spec.servers" },
        { "GW03", "servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: []}]", $"servers: [{Http}]", "spec.servers[0].hosts" },
        { "GW04", "servers: [{port: {number: 70000, name: http, protocol: HTTP}, hosts: [\"*\"]}]", $"servers: [{Http}]", "spec.servers[0].port.number" },
        { "GW04", "servers: [{port: {number: 80, name: http, protocol: HTTP, targetPort: 8080}, hosts: [\"*\"]}]", $"servers: [{Http}]", "spec.servers[0].port.targetPort" },
        { "GW04", "servers: [{port: {number: 80, name: http, protocol: HTTPX}, hosts: [\"*\"]}]", $"servers: [{Http}]", "spec.servers[0].port.protocol" },
        { "GW05", $"servers: [{Http}, {{port: {{number: 8080, name: http, protocol: HTTP}}, hosts: [\"*\"]}}]", $"servers: [{Http}, {{port: {{number: 8080, name: http-alt, protocol: HTTP}}, hosts: [\"*\"]}}]", "spec.servers[1].port.name" },
        { "GW07", "servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: [\"*\"]}]", "servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: [\"*\"], tls: {mode: SIMPLE, credentialName: cert}}]", "spec.servers[0].tls" },
        { "GW07", "servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [\"*\"], tls: {mode: SIMPLE, credentialName: cert}}]", "servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [\"*\"], tls: {httpsRedirect: true}}]", "spec.servers[0].tls" },
        { "GW09", "servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: [\"*\"], tls: {mode: ISTIO_MUTUAL, credentialName: cert}}]", "servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: [\"*\"], tls: {mode: ISTIO_MUTUAL}}]", "spec.servers[0].tls.credentialName" },
        { "GW12", "servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: [\"*\"], tls: {mode: SIMPLE, serverCertificate: /etc/cert.pem}}]", "servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: [\"*\"], tls: {mode: SIMPLE, serverCertificate: /etc/cert.pem, privateKey: /etc/key.pem}}]", "spec.servers[0].tls" },
        { "GW12", "servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: [\"*\"], tls: {mode: MUTUAL, serverCertificate: /etc/cert.pem, privateKey: /etc/key.pem}}]", "servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: [\"*\"], tls: {mode: MUTUAL, serverCertificate: /etc/cert.pem, privateKey: /etc/key.pem, caCertificates: /etc/ca.pem}}]", "spec.servers[0].tls" },
        { "GW13", "servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: [\"*\"], tls: {mode: SIMPLE, credentialName: cert, caCrl: /etc/crl.pem}}]", "servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: [\"*\"], tls: {mode: SIMPLE, credentialName: cert}}]", "spec.servers[0].tls.caCrl" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Violation_is_rejected_and_its_fix_passes(string check, string violating, string passing, string path)
    {
        var bad = SchemaCheckTests.ValidateAll("networking.istio.io/v1", "Gateway", violating);
        var good = SchemaCheckTests.ValidateAll("networking.istio.io/v1", "Gateway", passing);

        var finding = Assert.Single(bad);
        Assert.Equal(("MESH0304", FindingSeverity.Error, path), (finding.Id, finding.Severity, finding.Path));
        Assert.StartsWith(check + ":", finding.Message);
        Assert.Empty(good);
    }

    [Fact]
    public void A_gateway_name_with_dots_is_rejected()
    {
        var document = YamlDocuments.Read("gw.yaml", $"apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {{name: web.gateway}}\nspec:\n  servers: [{Http}]\n")[0];

        var finding = Assert.Single(new DocumentValidator(CrdCatalog.Istio()).Validate(document.Root!));
        Assert.Equal(("MESH0304", "metadata.name"), (finding.Id, finding.Path));
        Assert.StartsWith("GW01:", finding.Message);
    }
}

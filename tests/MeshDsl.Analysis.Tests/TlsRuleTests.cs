using Xunit;

namespace MeshDsl.Analysis.Tests;

/// <summary>MESH1023–MESH1025: DestinationRule client TLS.</summary>
public sealed class TlsRuleTests
{
    private static string DestinationRule(string host, string trafficPolicy, string ns = "default") => $"""
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {"{"}name: upstream, namespace: {ns}{"}"}
        spec:
          host: {host}
          trafficPolicy: {trafficPolicy}

        """;

    private const string Reviews = """
        apiVersion: v1
        kind: Service
        metadata: {name: reviews, namespace: default}
        spec:
          ports: [{name: http, port: 9080}]
        ---

        """;

    [Fact]
    public void Skipping_verification_is_reported_at_every_level()
    {
        var yaml = DestinationRule("api.example.com", "{tls: {mode: SIMPLE, insecureSkipVerify: true}, portLevelSettings: [{port: {number: 8443}, tls: {mode: MUTUAL, credentialName: client, insecureSkipVerify: true}}]}");

        Assert.Equal(
            new[]
            {
                "spec.trafficPolicy.tls.insecureSkipVerify: DestinationRule default/upstream: spec.trafficPolicy.tls.insecureSkipVerify is true, so the upstream's certificate is not verified; remove it and set caCertificates (or credentialName) to the CA that signs the server",
                "spec.trafficPolicy.portLevelSettings[0].tls.insecureSkipVerify: DestinationRule default/upstream: spec.trafficPolicy.portLevelSettings[0].tls.insecureSkipVerify is true, so the upstream's certificate is not verified; remove it and set caCertificates (or credentialName) to the CA that signs the server",
            },
            Analyze.Rule("MESH1023", yaml));
    }

    [Theory]
    [InlineData("{tls: {mode: SIMPLE, insecureSkipVerify: false, caCertificates: /etc/ca.pem}}")]
    [InlineData("{tls: {mode: SIMPLE, caCertificates: /etc/ca.pem}}")]
    [InlineData("{tls: {mode: ISTIO_MUTUAL, insecureSkipVerify: true}}")]
    public void Verified_or_istio_mutual_tls_is_not_reported(string trafficPolicy)
    {
        Assert.Empty(Analyze.Rule("MESH1023", DestinationRule("api.example.com", trafficPolicy)));
    }

    [Fact]
    public void Skipping_verification_is_not_reported_when_the_flag_or_the_mode_is_not_known()
    {
        var yaml = DestinationRule("api.example.com", "{tls: {mode: SIMPLE, insecureSkipVerify: true}}");

        Assert.Empty(Partial.Rule("MESH1023", yaml, Partial.Unknown("spec", "trafficPolicy", "tls", "insecureSkipVerify")));
        Assert.Empty(Partial.Rule("MESH1023", yaml, Partial.Unknown("spec", "trafficPolicy", "tls", "mode")));
    }

    [Theory]
    [InlineData("reviews", "default")]
    [InlineData("reviews.default.svc.cluster.local", "other")]
    [InlineData("ratings.prod.svc.cluster.local", "default")]
    public void Disabling_tls_towards_a_mesh_service_is_reported(string host, string ns)
    {
        var findings = Analyze.Rule("MESH1024", Reviews + DestinationRule(host, "{tls: {mode: DISABLE}}", ns));

        Assert.Equal(
            new[] { $"spec.trafficPolicy.tls.mode: DestinationRule {ns}/upstream: spec.trafficPolicy.tls.mode is DISABLE for {host}, a service of the mesh, so sidecars send it plain text instead of mutual TLS (and fail against a STRICT PeerAuthentication); remove the tls block, or set mode: ISTIO_MUTUAL (KIA0207/KIA0208)" },
            findings);
    }

    [Theory]
    [InlineData("reviews", "other", "{tls: {mode: DISABLE}}")]
    [InlineData("api.example.com", "default", "{tls: {mode: DISABLE}}")]
    [InlineData("reviews", "default", "{tls: {mode: ISTIO_MUTUAL}}")]
    public void Disabling_tls_towards_an_outside_host_or_keeping_mtls_is_not_reported(string host, string ns, string trafficPolicy)
    {
        Assert.Empty(Analyze.Rule("MESH1024", Reviews + DestinationRule(host, trafficPolicy, ns)));
    }

    [Fact]
    public void Tls_disabled_in_a_subset_is_reported_and_an_unknown_mode_or_host_is_not()
    {
        var yaml = DestinationRule("reviews", "{}") + "  subsets: [{name: v1, labels: {version: v1}, trafficPolicy: {tls: {mode: DISABLE}}}]\n";

        Assert.Single(Analyze.Rule("MESH1024", yaml + "---\n" + Reviews));
        Assert.Empty(Partial.Rule("MESH1024", yaml + "---\n" + Reviews, Partial.Unknown("spec", "subsets", 0, "trafficPolicy", "tls", "mode")));
        Assert.Empty(Partial.Rule("MESH1024", yaml + "---\n" + Reviews, Partial.Unknown("spec", "host")));
        Assert.Empty(Partial.Rule("MESH1024", yaml + "---\n" + Reviews, Partial.Unknown("metadata", "namespace")));
    }

    [Theory]
    [InlineData("{tls: {mode: SIMPLE}}", "spec.trafficPolicy.tls")]
    [InlineData("{portLevelSettings: [{port: {number: 443}, tls: {mode: MUTUAL, clientCertificate: /c.pem, privateKey: /k.pem}}]}", "spec.trafficPolicy.portLevelSettings[0].tls")]
    public void Origination_without_a_ca_is_reported(string trafficPolicy, string path)
    {
        var findings = Analyze.Rule("MESH1025", DestinationRule("db.example.com", trafficPolicy));

        Assert.Equal(new[] { path }, findings.ConvertAll(f => f.Substring(0, f.IndexOf(':'))));
        Assert.EndsWith("set caCertificates (or credentialName, a Secret holding ca.crt) (IST0128/IST0129)", findings[0]);
    }

    [Theory]
    [InlineData("{tls: {mode: SIMPLE, caCertificates: /etc/ca.pem}}")]
    [InlineData("{tls: {mode: SIMPLE, credentialName: db-client}}")]
    [InlineData("{tls: {mode: SIMPLE, insecureSkipVerify: true}}")]
    [InlineData("{tls: {mode: ISTIO_MUTUAL}}")]
    public void Origination_with_a_ca_a_credential_or_skipped_verification_is_not_reported(string trafficPolicy)
    {
        Assert.Empty(Analyze.Rule("MESH1025", DestinationRule("db.example.com", trafficPolicy)));
    }

    [Fact]
    public void Tls_settings_that_may_hold_a_ca_are_not_reported()
    {
        var yaml = DestinationRule("db.example.com", "{tls: {mode: SIMPLE, insecureSkipVerify: false}}");

        Assert.Single(Analyze.Rule("MESH1025", yaml));
        Assert.Empty(Partial.Rule("MESH1025", yaml, Partial.Open("spec", "trafficPolicy", "tls")));
        Assert.Empty(Partial.Rule("MESH1025", yaml, Partial.Unknown("spec", "trafficPolicy", "tls", "insecureSkipVerify")));
        Assert.Empty(Partial.Rule("MESH1025", yaml, Partial.Unknown("spec", "trafficPolicy", "tls", "mode")));
    }
}

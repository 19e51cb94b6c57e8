using Xunit;

namespace MeshDsl.Analysis.Tests;

/// <summary>MESH1030–MESH1035: Gateway exposure and server TLS.</summary>
public sealed class GatewayRuleTests
{
    private static string Gateway(string servers) => Manifests.Gateway("web", "default", "{istio: ingressgateway}", servers);

    private const string Https = """
          - port: {number: 443, name: https, protocol: HTTPS}
            hosts: ["*.example.com"]
            tls: {mode: SIMPLE, credentialName: example-com-tls}
        """;

    private const string Http = """
          - port: {number: 80, name: http, protocol: HTTP}
            hosts: [app.example.com]
        """;

    [Theory]
    [InlineData("*")]
    [InlineData("*/*")]
    public void A_server_that_accepts_every_host_is_reported(string host)
    {
        Assert.Equal(
            new[] { $"spec.servers[1].hosts[1]: Gateway default/web: spec.servers[1].hosts[1] is '{host}', so a VirtualService in any namespace can bind any domain to this gateway; list the domains (app.example.com, *.example.com) or a namespace (frontend/*)" },
            Analyze.Rule("MESH1030", Gateway(Https + "\n" + Http.Replace("[app.example.com]", $"[app.example.com, \"{host}\"]"))));
    }

    [Fact]
    public void Named_hosts_and_namespace_wildcards_are_not_reported()
    {
        Assert.Empty(Analyze.Rule("MESH1030", Gateway(Https + "\n" + Http.Replace("[app.example.com]", "[\"frontend/*\", \"./*.example.com\"]"))));
    }

    [Fact]
    public void A_host_that_is_not_known_is_not_reported()
    {
        Assert.Empty(Partial.Rule("MESH1030", Gateway(Http.Replace("[app.example.com]", "[\"*\"]")), Partial.Unknown("spec", "servers", 0, "hosts", 0)));
    }

    [Fact]
    public void Plain_http_beside_https_without_a_redirect_is_reported()
    {
        Assert.Equal(
            new[] { "spec.servers[1]: Gateway default/web: spec.servers[1] serves 'app.example.com' over plain HTTP, and spec.servers[0] serves it over HTTPS; set tls.httpsRedirect: true on spec.servers[1] so clients are sent to HTTPS" },
            Analyze.Rule("MESH1032", Gateway(Https + "\n" + Http)));
        Assert.Single(Analyze.Rule("MESH1032", Gateway(Https + "\n" + Http.Replace("[app.example.com]", "[\"*\"]"))));
    }

    [Theory]
    [InlineData("[app.example.com]", "\n    tls: {httpsRedirect: true}")]
    [InlineData("[app.other.org]", "")]
    public void A_redirecting_or_http_only_host_is_not_reported(string hosts, string tls)
    {
        Assert.Empty(Analyze.Rule("MESH1032", Gateway(Https + "\n" + Http.Replace("[app.example.com]", hosts) + tls)));
    }

    [Fact]
    public void An_http_server_whose_redirect_may_be_set_is_not_reported()
    {
        var yaml = Gateway(Https + "\n" + Http + "\n    tls: {httpsRedirect: false}");

        Assert.Single(Analyze.Rule("MESH1032", yaml));
        Assert.Empty(Partial.Rule("MESH1032", yaml, Partial.Unknown("spec", "servers", 1, "tls", "httpsRedirect")));
        Assert.Empty(Partial.Rule("MESH1032", Gateway(Https + "\n" + Http), Partial.Open("spec", "servers", 1)));
    }

    [Theory]
    [InlineData("TLSV1_0", 1)]
    [InlineData("TLSV1_1", 1)]
    [InlineData("TLSV1_2", 0)]
    public void Tls_versions_below_1_2_are_reported(string version, int expected)
    {
        var yaml = Gateway(Https.Replace("credentialName: example-com-tls", $"credentialName: example-com-tls, minProtocolVersion: {version}"));

        Assert.Equal(expected, Analyze.Rule("MESH1033", yaml).Count);
    }

    [Fact]
    public void A_sidecar_ingress_listener_with_tls_1_0_is_reported_and_an_unknown_version_is_not()
    {
        const string sidecar = """
            apiVersion: networking.istio.io/v1
            kind: Sidecar
            metadata: {name: api, namespace: production}
            spec:
              ingress:
              - port: {number: 8443, protocol: HTTPS, name: https}
                defaultEndpoint: 127.0.0.1:8080
                tls: {mode: SIMPLE, credentialName: api-tls, minProtocolVersion: TLSV1_0}
            """;

        Assert.Equal(
            new[] { "spec.ingress[0].tls.minProtocolVersion: Sidecar production/api: spec.ingress[0].tls.minProtocolVersion is TLSV1_0, which RFC 8996 deprecates; set TLSV1_2 (or TLSV1_3)" },
            Analyze.Rule("MESH1033", sidecar));
        Assert.Empty(Partial.Rule("MESH1033", sidecar, Partial.Unknown("spec", "ingress", 0, "tls", "minProtocolVersion")));
    }

    private const string FileCertificate = """
          - port: {number: 443, name: https, protocol: HTTPS}
            hosts: [app.example.com]
            tls: {mode: SIMPLE, serverCertificate: /etc/certs/tls.crt, privateKey: /etc/certs/tls.key}
        """;

    [Fact]
    public void A_file_mounted_certificate_is_reported_and_a_credential_is_not()
    {
        Assert.Equal(
            new[] { "spec.servers[0].tls.serverCertificate: Gateway default/web: spec.servers[0].tls.serverCertificate reads the certificate from a file mounted into the gateway pod; put it in a Secret in the gateway's namespace and set credentialName, so istiod serves it over SDS and renewals need no restart" },
            Analyze.Rule("MESH1035", Gateway(FileCertificate)));
        Assert.Empty(Analyze.Rule("MESH1035", Gateway(Https)));
    }

    [Fact]
    public void Tls_settings_that_may_name_a_credential_are_not_reported()
    {
        Assert.Empty(Partial.Rule("MESH1035", Gateway(FileCertificate), Partial.Open("spec", "servers", 0, "tls")));
    }
}

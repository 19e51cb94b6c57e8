using Xunit;

namespace MeshDsl.Analysis.Tests;

/// <summary>MESH1104: http routes that apply only where a Gateway passes TLS through, so they never match.</summary>
public sealed class PassthroughRouteTests
{
    private const string Passthrough = """
          - port: {number: 443, name: tls, protocol: TLS}
            hosts: [api.partner.com]
            tls: {mode: PASSTHROUGH}
        """;

    private const string PlainHttp = """
          - port: {number: 80, name: http, protocol: HTTP}
            hosts: [api.partner.com]
        """;

    private const string Route = "  - route: [{destination: {host: api.partner.com, port: {number: 443}}}]";

    private static string Gateway(string servers) => Manifests.Gateway("egress", "edge", "{istio: egressgateway}", servers);

    private static string Partner(string gateways, string http = Route) => Manifests.Resource("networking.istio.io/v1", "VirtualService", "partner", "edge", $"""
        spec:
          hosts: [api.partner.com]
          gateways: {gateways}
          http:
        {http}
        """);

    // An http route whose match names the gateways it applies at.
    private static string At(string gateways) =>
        "  - match: [{gateways: " + gateways + ", port: 443}]\n    route: [{destination: {host: api.partner.com, port: {number: 443}}}]";

    [Fact]
    public void An_http_route_bound_only_to_a_passthrough_server_is_reported()
    {
        Assert.Equal(
            new[] { "spec.http[0]: VirtualService edge/partner: spec.http[0] applies only at Gateway edge/egress, whose server spec.servers[0] (port 443) passes api.partner.com through with tls.mode PASSTHROUGH: a passthrough server forwards the TLS stream without decrypting it, so this HTTP route never matches; route that traffic with a tls route matching sniHosts (api.partner.com)" },
            Analyze.Rule("MESH1104", Gateway(Passthrough) + Partner("[egress]")));
        Assert.Single(Analyze.Rule("MESH1104", Gateway(Passthrough.Replace("protocol: TLS", "protocol: HTTPS")) + Partner("[edge/egress]")));
    }

    [Fact]
    public void Only_the_routes_whose_matches_name_the_passthrough_gateway_are_reported()
    {
        var http = At("[mesh]") + "\n" + At("[egress]");

        Assert.Equal(new[] { "spec.http[1]" }, Analyze.Rule("MESH1104", Gateway(Passthrough) + Partner("[mesh, egress]", http)).ConvertAll(f => f.Substring(0, f.IndexOf(':'))));
    }

    [Fact]
    public void The_message_names_the_passthrough_server_on_the_port_the_route_matches()
    {
        var servers = Passthrough + "\n" + Passthrough.Replace("443, name: tls", "8443, name: tls-alt");

        Assert.Contains("whose server spec.servers[1] (port 8443) passes", Assert.Single(Analyze.Rule("MESH1104", Gateway(servers) + Partner("[egress]", At("[egress]").Replace("443", "8443")))));
    }

    [Theory]
    [InlineData(Passthrough, "[mesh, egress]")] // the route also applies to the sidecars
    [InlineData(Passthrough, "[]")] // no gateways: bound to the mesh
    [InlineData(Passthrough + "\n" + PlainHttp, "[egress]")] // an HTTP server serves the host too
    [InlineData("  - port: {number: 443, name: https, protocol: HTTPS}\n    hosts: [api.partner.com]\n    tls: {mode: SIMPLE, credentialName: partner-cert}", "[egress]")] // TLS terminated: HTTP
    [InlineData("  - port: {number: 443, name: tls, protocol: TLS}\n    hosts: [api.partner.com]\n    tls: {mode: AUTO_PASSTHROUGH}", "[egress]")] // routed by SNI, VirtualServices not used
    [InlineData("  - port: {number: 443, name: https, protocol: HTTPS}\n    hosts: [api.partner.com]\n    tls: {credentialName: partner-cert}", "[egress]")] // no explicit mode
    public void Routes_that_can_match_or_servers_that_are_not_an_explicit_passthrough_are_not_reported(string servers, string gateways)
    {
        Assert.Empty(Analyze.Rule("MESH1104", Gateway(servers) + Partner(gateways)));
    }

    [Fact]
    public void A_gateway_declared_twice_counts_an_http_server_in_either_declaration()
    {
        var yaml = Gateway(Passthrough) + Gateway(PlainHttp) + Partner("[egress]");

        Assert.Empty(Analyze.Rule("MESH1104", yaml));
        Assert.Empty(Analyze.Rule("MESH1104", Gateway(PlainHttp) + Gateway(Passthrough) + Partner("[egress]")));
    }

    [Fact]
    public void A_route_whose_gateways_or_servers_are_not_known_is_not_reported()
    {
        var yaml = Gateway(Passthrough) + Partner("[egress]");

        Assert.Single(Analyze.Rule("MESH1104", yaml));
        Assert.Empty(Analyze.Rule("MESH1104", Partner("[egress]"))); // the Gateway is not in the set
        Assert.Empty(Partial.Rule("MESH1104", yaml, Partial.Unknown("spec", "servers", 0, "tls", "mode")));
        Assert.Empty(Partial.Rule("MESH1104", yaml, Partial.Unknown("spec", "servers", 0, "port", "protocol")));
        Assert.Empty(Partial.Rule("MESH1104", yaml, Partial.Open("spec", "servers")));
        Assert.Empty(Partial.Rule("MESH1104", yaml, (facts, r) => facts.MarkUnknown(Partial.At(r[1].Root, "spec", "gateways", 0))));
        Assert.Empty(Partial.Rule("MESH1104", yaml, (facts, r) => facts.MarkOpen(Partial.At(r[1].Root, "spec", "http", 0))));
        Assert.Empty(Partial.Rule("MESH1104", Gateway(Passthrough) + Partner("[mesh, egress]", At("[egress]")), (facts, r) => facts.MarkUnknown(Partial.At(r[1].Root, "spec", "http", 0, "match", 0, "gateways", 0))));
    }
}

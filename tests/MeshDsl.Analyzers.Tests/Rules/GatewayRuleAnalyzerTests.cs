using System.Threading.Tasks;
using Xunit;

namespace MeshDsl.Analyzers.Tests.Rules;

/// <summary>
/// The Gateways rules on builder chains (docs/rules/MESH1030-1035, 1102-1104): each reported at the call that wrote
/// the node, and silent on the corrected chain. Each theory fills one snippet, and its rows carry the markup.
/// </summary>
public sealed class GatewayRuleAnalyzerTests
{
    [Theory]
    [InlineData(""".{|MESH1030:Hosts("*")|}""")] // "*" as a plain argument: reported
    [InlineData(""".{|MESH1030:Hosts(new[] { "app.example.com", "*" })|}""")] // "*" in an explicit array: reported
    [InlineData(""".{|MESH1030:Hosts(["*"])|}""")] // "*" in a collection expression: reported
    [InlineData(""".{|MESH1030:Hosts(new System.Collections.Generic.List<string> { "*" })|}""")] // "*" in a list initializer: reported
    [InlineData(""".Hosts("app.example.com", "frontend/*")""")] // domains and a namespace: not reported
    public Task Mesh1030_server_hosts_are_reported_at_the_hosts_call_when_they_hold_a_star(string hosts) =>
        Verify.Analyzer(Edge(WebGateway(HttpServer(hosts))), "MESH1030");

    [Theory]
    [InlineData(""".{|MESH1031:Hosts("*")|}""")] // host "*": reported
    [InlineData(""".Hosts("app.example.com")""")] // a named host: not reported
    public Task Mesh1031_hosts_of_a_gateway_bound_virtual_service_are_reported_at_the_hosts_call_when_one_is_a_star(string hosts) =>
        Verify.Analyzer(Edge(App(hosts, """.Gateways("shop/web-gateway")""")), "MESH1031");

    [Theory]
    [InlineData($$""".{|MESH1032:Servers(s => s.{{Http80}}.Hosts("app.example.com"))|}""")] // no redirect: reported at its Servers call
    [InlineData($$""".Servers(s => s.{{Http80}}.Tls(t => t.HttpsRedirect(true)).Hosts("app.example.com"))""")] // redirects to https: not reported
    public Task Mesh1032_plain_http_beside_https_is_reported_at_its_servers_call_unless_it_redirects(string plainHttp) =>
        Verify.Analyzer(Edge(WebGateway(HttpsServer(""".CredentialName("app-tls")""") + plainHttp)), "MESH1032");

    [Theory]
    [InlineData(""".{|MESH1033:MinProtocolVersion(TLSProtocol.Tlsv11)|}""")] // TLS 1.1: reported
    [InlineData(""".MinProtocolVersion(TLSProtocol.Tlsv12)""")] // TLS 1.2: not reported
    public Task Mesh1033_a_minimum_tls_version_is_reported_at_its_call_when_below_1_2(string minimum) =>
        Verify.Analyzer(Edge(WebGateway(HttpsServer(""".CredentialName("app-tls")""" + minimum))), "MESH1033");

    [Theory]
    // read from files: reported at the first file call
    [InlineData(""".{|MESH1035:ServerCertificate("/etc/istio/ingressgateway-certs/tls.crt")|}.PrivateKey("/etc/istio/ingressgateway-certs/tls.key")""")]
    [InlineData(""".CredentialName("app-tls")""")] // from a credential name: not reported
    public Task Mesh1035_a_server_certificate_is_reported_at_the_first_file_call_when_read_from_files(string certificate) =>
        Verify.Analyzer(Edge(WebGateway(HttpsServer(certificate))), "MESH1035");

    [Theory]
    [InlineData(""".{|MESH1102:Gateways("web-gw")|}""")] // a gateway nobody declares: reported
    [InlineData(""".Gateways("web-gateway", "mesh")""")] // the declared gateway and the mesh: not reported
    public Task Mesh1102_a_gateways_call_is_reported_when_it_names_an_undeclared_gateway(string gateways) =>
        Verify.Analyzer(Edge(WebGateway(HttpServer(""".Hosts("app.example.com")""")), App(""".Hosts("app.example.com")""", gateways)), "MESH1102");

    [Theory]
    [InlineData("app.example.com", """.{|MESH1103:Gateways("shop/web-gateway")|}""")] // the gateway serves another host: reported
    [InlineData("*.example.com", """.Gateways("shop/web-gateway")""")] // the gateway serves a wildcard over it: not reported
    public Task Mesh1103_a_gateways_call_is_reported_when_the_gateway_does_not_serve_the_route_host(string served, string gateways) =>
        Verify.Analyzer(Edge(WebGateway(HttpServer($$""".Hosts("{{served}}")""")), App(""".Hosts("api.example.com")""", gateways)), "MESH1103");

    [Theory]
    [InlineData($$""".{|MESH1104:Http(r => r.Route(d => d.{{ToPartner}}).Timeout("10s"))|}""")] // an http route: reported at its Http call
    [InlineData($$""".Tls(t => t.Match(m => m.Port(443).SniHosts("api.partner.com")).Route(d => d.{{ToPartner}}))""")] // a tls route on sniHosts: not reported
    public Task Mesh1104_an_http_route_is_reported_at_its_http_call_when_the_gateway_passes_tls_through(string route) =>
        Verify.Analyzer(Edge(PassthroughGateway, Partner(""".Gateways("egress")""", route)), "MESH1104");

    [Fact]
    public Task Mesh1104_only_the_http_route_whose_match_names_the_passthrough_gateway_is_reported() => Verify.Analyzer(
        Edge(
            PassthroughGateway,
            Partner(
                """.Gateways("mesh", "egress")""",
                $$"""
                .Http(r => r.Match(m => m.Gateways("mesh").Port(80)).Route(d => d.{{ToPartner}}).Timeout("10s"))
                        .{|MESH1104:Http(r => r.Match(m => m.Gateways("egress").Port(443)).Route(d => d.{{ToPartner}}).Timeout("10s"))|}
                """)),
        "MESH1104");

    private const string ToPartner = """Destination(x => x.Host("api.partner.com").Port(p => p.Number(443)))""";

    private const string PassthroughGateway = """
            static Gateway Egress = Gateway.Create("egress", gw => gw
                .Namespace("shop")
                .Selector("istio", "egressgateway")
                .Servers(s => s
                    .Port(p => p.Number(443).Name("tls").Protocol("TLS"))
                    .Hosts("api.partner.com")
                    .Tls(t => t.Mode(ServerTLSMode.Passthrough))));
        """;

    private static string Partner(string gateways, string routes) => $$"""
            static VirtualService Partner = VirtualService.Create("partner", vs => vs
                .Namespace("shop")
                .Hosts("api.partner.com")
                {{gateways}}
                {{routes}});
        """;

    private const string Http80 = """Port(p => p.Number(80).Name("http").Protocol("HTTP"))""";

    private static string Edge(params string[] members) => Snippet.Class("Edge", members);

    private static string WebGateway(string servers) => $$"""
            static Gateway Web = Gateway.Create("web-gateway", gw => gw
                .Namespace("shop")
                .Selector("istio", "ingressgateway")
                {{servers}});
        """;

    private static string HttpServer(string hosts) => $$""".Servers(s => s.{{Http80}}{{hosts}})""";

    private static string HttpsServer(string tls) =>
        $$""".Servers(s => s.Port(p => p.Number(443).Name("https").Protocol("HTTPS")).Hosts("app.example.com").Tls(t => t.Mode(ServerTLSMode.Simple){{tls}}))""";

    private static string App(string hosts, string gateways) => $$"""
            static VirtualService App = VirtualService.Create("app", vs => vs
                .Namespace("shop")
                {{hosts}}
                {{gateways}}
                .Http(r => r.Route(d => d.Destination(x => x.Host("frontend")))));
        """;
}

using System.Threading.Tasks;
using Xunit;

namespace MeshDsl.Analyzers.Tests.Rules;

/// <summary>The Gateways rules on builder chains (docs/rules/MESH1030-1035, 1102, 1103): each reported at the call that wrote the node, and silent on the corrected chain.</summary>
public sealed class GatewayRuleAnalyzerTests
{
    [Fact]
    public Task Mesh1030_a_server_host_star_is_reported_at_the_hosts_call() => Verify.Analyzer("""
        class Edge
        {
            static Gateway Web = Gateway.Create("web-gateway", gw => gw
                .Namespace("shop")
                .Selector("istio", "ingressgateway")
                .Servers(s => s.Port(p => p.Number(80).Name("http").Protocol("HTTP")).{|MESH1030:Hosts("*")|}));
        }
        """, "MESH1030");

    [Fact]
    public Task Mesh1030_server_hosts_limited_to_domains_and_a_namespace_are_not_reported() => Verify.Analyzer("""
        class Edge
        {
            static Gateway Web = Gateway.Create("web-gateway", gw => gw
                .Namespace("shop")
                .Selector("istio", "ingressgateway")
                .Servers(s => s.Port(p => p.Number(80).Name("http").Protocol("HTTP")).Hosts("app.example.com", "frontend/*")));
        }
        """, "MESH1030");

    [Fact]
    public Task Mesh1031_a_gateway_bound_virtual_service_with_host_star_is_reported_at_the_hosts_call() => Verify.Analyzer("""
        class Edge
        {
            static VirtualService App = VirtualService.Create("app", vs => vs
                .Namespace("shop")
                .Gateways("shop/web-gateway")
                .{|MESH1031:Hosts("*")|}
                .Http(r => r.Route(d => d.Destination(x => x.Host("frontend")))));
        }
        """, "MESH1031");

    [Fact]
    public Task Mesh1031_a_gateway_bound_virtual_service_with_named_hosts_is_not_reported() => Verify.Analyzer("""
        class Edge
        {
            static VirtualService App = VirtualService.Create("app", vs => vs
                .Namespace("shop")
                .Gateways("shop/web-gateway")
                .Hosts("app.example.com")
                .Http(r => r.Route(d => d.Destination(x => x.Host("frontend")))));
        }
        """, "MESH1031");

    [Fact]
    public Task Mesh1032_plain_http_beside_https_without_redirect_is_reported_at_the_http_servers_call() => Verify.Analyzer("""
        class Edge
        {
            static Gateway Web = Gateway.Create("web-gateway", gw => gw
                .Namespace("shop")
                .Selector("istio", "ingressgateway")
                .Servers(s => s
                    .Port(p => p.Number(443).Name("https").Protocol("HTTPS"))
                    .Tls(t => t.Mode(ServerTLSMode.Simple).CredentialName("app-tls"))
                    .Hosts("app.example.com"))
                .{|MESH1032:Servers(s => s
                    .Port(p => p.Number(80).Name("http").Protocol("HTTP"))
                    .Hosts("app.example.com"))|});
        }
        """, "MESH1032");

    [Fact]
    public Task Mesh1032_plain_http_that_redirects_to_https_is_not_reported() => Verify.Analyzer("""
        class Edge
        {
            static Gateway Web = Gateway.Create("web-gateway", gw => gw
                .Namespace("shop")
                .Selector("istio", "ingressgateway")
                .Servers(s => s
                    .Port(p => p.Number(443).Name("https").Protocol("HTTPS"))
                    .Tls(t => t.Mode(ServerTLSMode.Simple).CredentialName("app-tls"))
                    .Hosts("app.example.com"))
                .Servers(s => s
                    .Port(p => p.Number(80).Name("http").Protocol("HTTP"))
                    .Tls(t => t.HttpsRedirect(true))
                    .Hosts("app.example.com")));
        }
        """, "MESH1032");

    [Fact]
    public Task Mesh1033_a_minimum_tls_version_below_1_2_is_reported_at_its_call() => Verify.Analyzer("""
        class Edge
        {
            static Gateway Web = Gateway.Create("web-gateway", gw => gw
                .Namespace("shop")
                .Selector("istio", "ingressgateway")
                .Servers(s => s
                    .Port(p => p.Number(443).Name("https").Protocol("HTTPS"))
                    .Hosts("app.example.com")
                    .Tls(t => t.Mode(ServerTLSMode.Simple).CredentialName("app-tls").{|MESH1033:MinProtocolVersion(TLSProtocol.Tlsv11)|})));
        }
        """, "MESH1033");

    [Fact]
    public Task Mesh1033_a_minimum_tls_version_of_1_2_is_not_reported() => Verify.Analyzer("""
        class Edge
        {
            static Gateway Web = Gateway.Create("web-gateway", gw => gw
                .Namespace("shop")
                .Selector("istio", "ingressgateway")
                .Servers(s => s
                    .Port(p => p.Number(443).Name("https").Protocol("HTTPS"))
                    .Hosts("app.example.com")
                    .Tls(t => t.Mode(ServerTLSMode.Simple).CredentialName("app-tls").MinProtocolVersion(TLSProtocol.Tlsv12))));
        }
        """, "MESH1033");

    [Fact]
    public Task Mesh1035_a_certificate_read_from_files_is_reported_at_the_first_file_call() => Verify.Analyzer("""
        class Edge
        {
            static Gateway Web = Gateway.Create("web-gateway", gw => gw
                .Namespace("shop")
                .Selector("istio", "ingressgateway")
                .Servers(s => s
                    .Port(p => p.Number(443).Name("https").Protocol("HTTPS"))
                    .Hosts("app.example.com")
                    .Tls(t => t
                        .Mode(ServerTLSMode.Simple)
                        .{|MESH1035:ServerCertificate("/etc/istio/ingressgateway-certs/tls.crt")|}
                        .PrivateKey("/etc/istio/ingressgateway-certs/tls.key"))));
        }
        """, "MESH1035");

    [Fact]
    public Task Mesh1035_a_certificate_from_a_credential_name_is_not_reported() => Verify.Analyzer("""
        class Edge
        {
            static Gateway Web = Gateway.Create("web-gateway", gw => gw
                .Namespace("shop")
                .Selector("istio", "ingressgateway")
                .Servers(s => s
                    .Port(p => p.Number(443).Name("https").Protocol("HTTPS"))
                    .Hosts("app.example.com")
                    .Tls(t => t.Mode(ServerTLSMode.Simple).CredentialName("app-tls"))));
        }
        """, "MESH1035");

    [Fact]
    public Task Mesh1102_a_gateway_that_is_not_declared_is_reported_at_the_gateways_call() => Verify.Analyzer("""
        class Edge
        {
            static Gateway Web = Gateway.Create("web-gateway", gw => gw
                .Namespace("shop")
                .Selector("istio", "ingressgateway")
                .Servers(s => s.Port(p => p.Number(80).Name("http").Protocol("HTTP")).Hosts("app.example.com")));

            static VirtualService App = VirtualService.Create("app", vs => vs
                .Namespace("shop")
                .Hosts("app.example.com")
                .{|MESH1102:Gateways("web-gw")|}
                .Http(r => r.Route(d => d.Destination(x => x.Host("frontend")))));
        }
        """, "MESH1102");

    [Fact]
    public Task Mesh1102_a_declared_gateway_is_not_reported() => Verify.Analyzer("""
        class Edge
        {
            static Gateway Web = Gateway.Create("web-gateway", gw => gw
                .Namespace("shop")
                .Selector("istio", "ingressgateway")
                .Servers(s => s.Port(p => p.Number(80).Name("http").Protocol("HTTP")).Hosts("app.example.com")));

            static VirtualService App = VirtualService.Create("app", vs => vs
                .Namespace("shop")
                .Hosts("app.example.com")
                .Gateways("web-gateway", "mesh")
                .Http(r => r.Route(d => d.Destination(x => x.Host("frontend")))));
        }
        """, "MESH1102");

    [Fact]
    public Task Mesh1103_a_virtual_service_host_its_gateway_does_not_serve_is_reported_at_the_gateways_call() => Verify.Analyzer("""
        class Edge
        {
            static Gateway Web = Gateway.Create("web-gateway", gw => gw
                .Namespace("shop")
                .Selector("istio", "ingressgateway")
                .Servers(s => s.Port(p => p.Number(80).Name("http").Protocol("HTTP")).Hosts("app.example.com")));

            static VirtualService Api = VirtualService.Create("api", vs => vs
                .Namespace("shop")
                .Hosts("api.example.com")
                .{|MESH1103:Gateways("shop/web-gateway")|}
                .Http(r => r.Route(d => d.Destination(x => x.Host("api")))));
        }
        """, "MESH1103");

    [Fact]
    public Task Mesh1103_a_virtual_service_host_its_gateway_serves_is_not_reported() => Verify.Analyzer("""
        class Edge
        {
            static Gateway Web = Gateway.Create("web-gateway", gw => gw
                .Namespace("shop")
                .Selector("istio", "ingressgateway")
                .Servers(s => s.Port(p => p.Number(80).Name("http").Protocol("HTTP")).Hosts("*.example.com")));

            static VirtualService Api = VirtualService.Create("api", vs => vs
                .Namespace("shop")
                .Hosts("api.example.com")
                .Gateways("shop/web-gateway")
                .Http(r => r.Route(d => d.Destination(x => x.Host("api")))));
        }
        """, "MESH1103");

    [Fact]
    public Task Mesh1030_a_host_star_in_an_explicit_array_is_reported_at_the_hosts_call() => Verify.Analyzer("""
        class Edge
        {
            static Gateway Web = Gateway.Create("web-gateway", gw => gw
                .Namespace("shop")
                .Servers(s => s.Port(p => p.Number(80).Name("http").Protocol("HTTP")).{|MESH1030:Hosts(new[] { "app.example.com", "*" })|}));
        }
        """, "MESH1030");

    [Fact]
    public Task Mesh1030_a_host_star_in_a_collection_expression_is_reported_at_the_hosts_call() => Verify.Analyzer("""
        class Edge
        {
            static Gateway Web = Gateway.Create("web-gateway", gw => gw
                .Namespace("shop")
                .Servers(s => s.Port(p => p.Number(80).Name("http").Protocol("HTTP")).{|MESH1030:Hosts(["*"])|}));
        }
        """, "MESH1030");

    [Fact]
    public Task Mesh1030_a_host_star_in_a_list_initializer_is_reported_at_the_hosts_call() => Verify.Analyzer("""
        class Edge
        {
            static Gateway Web = Gateway.Create("web-gateway", gw => gw
                .Namespace("shop")
                .Servers(s => s.Port(p => p.Number(80).Name("http").Protocol("HTTP")).{|MESH1030:Hosts(new System.Collections.Generic.List<string> { "*" })|}));
        }
        """, "MESH1030");
}

using System.Threading.Tasks;
using Xunit;

namespace MeshDsl.Analyzers.Tests.Rules;

/// <summary>The Routing rules on builder chains (docs/rules/MESH1006-1009, 1101): each reported at the call that wrote the node, and silent on the corrected chain.</summary>
public sealed class RoutingRuleAnalyzerTests
{
    [Fact]
    public Task Mesh1006_a_mirror_without_percentage_is_reported_at_its_mirror_call() => Verify.Analyzer("""
        class Routes
        {
            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Namespace("shop")
                .Hosts("reviews")
                .Http(r => r
                    .Route(d => d.Destination(x => x.Host("reviews").Subset("v1")))
                    .{|MESH1006:Mirror(m => m.Host("reviews").Subset("v2"))|})
                .Http(r => r
                    .Route(d => d.Destination(x => x.Host("reviews").Subset("v1")))
                    .{|MESH1006:Mirrors(m => m.Destination(x => x.Host("reviews").Subset("v3")))|}));
        }
        """, "MESH1006");

    [Fact]
    public Task Mesh1006_a_mirror_with_a_percentage_is_not_reported() => Verify.Analyzer("""
        class Routes
        {
            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Namespace("shop")
                .Hosts("reviews")
                .Http(r => r
                    .Route(d => d.Destination(x => x.Host("reviews").Subset("v1")))
                    .Mirror(m => m.Host("reviews").Subset("v2"))
                    .MirrorPercentage(p => p.Value(10)))
                .Http(r => r
                    .Route(d => d.Destination(x => x.Host("reviews").Subset("v1")))
                    .Mirrors(m => m.Destination(x => x.Host("reviews").Subset("v3")).Percentage(p => p.Value(5)))));
        }
        """, "MESH1006");

    [Fact]
    public Task Mesh1007_a_catch_all_rule_before_other_rules_is_reported_at_its_http_call() => Verify.Analyzer("""
        class Routes
        {
            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Namespace("shop")
                .Hosts("reviews")
                .{|MESH1007:Http(r => r.Match(m => m.Uri(u => u.Prefix("/"))).Route(d => d.Destination(x => x.Host("reviews").Subset("v1"))))|}
                .Http(r => r.Match(m => m.Headers("end-user", s => s.Exact("jason"))).Route(d => d.Destination(x => x.Host("reviews").Subset("v2")))));
        }
        """, "MESH1007");

    [Fact]
    public Task Mesh1007_a_catch_all_rule_placed_last_is_not_reported() => Verify.Analyzer("""
        class Routes
        {
            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Namespace("shop")
                .Hosts("reviews")
                .Http(r => r.Match(m => m.Headers("end-user", s => s.Exact("jason"))).Route(d => d.Destination(x => x.Host("reviews").Subset("v2"))))
                .Http(r => r.Match(m => m.Uri(u => u.Prefix("/"))).Route(d => d.Destination(x => x.Host("reviews").Subset("v1")))));
        }
        """, "MESH1007");

    [Fact]
    public Task Mesh1008_a_match_shadowed_by_an_earlier_prefix_is_reported_at_its_match_call() => Verify.Analyzer("""
        class Routes
        {
            static VirtualService Api = VirtualService.Create("api", vs => vs
                .Namespace("shop")
                .Hosts("api")
                .Http(r => r.Match(m => m.Uri(u => u.Prefix("/api"))).Route(d => d.Destination(x => x.Host("api").Subset("v1"))))
                .Http(r => r.{|MESH1008:Match(m => m.Uri(u => u.Prefix("/api/v2")))|}.Route(d => d.Destination(x => x.Host("api").Subset("v2")))));
        }
        """, "MESH1008");

    [Fact]
    public Task Mesh1008_the_more_specific_prefix_first_is_not_reported() => Verify.Analyzer("""
        class Routes
        {
            static VirtualService Api = VirtualService.Create("api", vs => vs
                .Namespace("shop")
                .Hosts("api")
                .Http(r => r.Match(m => m.Uri(u => u.Prefix("/api/v2"))).Route(d => d.Destination(x => x.Host("api").Subset("v2"))))
                .Http(r => r.Match(m => m.Uri(u => u.Prefix("/api"))).Route(d => d.Destination(x => x.Host("api").Subset("v1")))));
        }
        """, "MESH1008");

    [Fact]
    public Task Mesh1009_a_destination_without_weight_beside_weighted_ones_is_reported_at_its_route_call() => Verify.Analyzer("""
        class Routes
        {
            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Namespace("shop")
                .Hosts("reviews")
                .Http(r => r
                    .Route(d => d.Destination(x => x.Host("reviews").Subset("v1")).Weight(100))
                    .{|MESH1009:Route(d => d.Destination(x => x.Host("reviews").Subset("v2")))|})
                .Tcp(t => t
                    .Route(d => d.Destination(x => x.Host("reviews").Subset("v1")).Weight(100))
                    .{|MESH1009:Route(d => d.Destination(x => x.Host("reviews").Subset("v2")).Weight(0))|}));
        }
        """, "MESH1009");

    [Fact]
    public Task Mesh1009_destinations_that_all_have_a_weight_are_not_reported() => Verify.Analyzer("""
        class Routes
        {
            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Namespace("shop")
                .Hosts("reviews")
                .Http(r => r
                    .Route(d => d.Destination(x => x.Host("reviews").Subset("v1")).Weight(90))
                    .Route(d => d.Destination(x => x.Host("reviews").Subset("v2")).Weight(10)))
                .Tcp(t => t
                    .Route(d => d.Destination(x => x.Host("reviews").Subset("v1")).Weight(80))
                    .Route(d => d.Destination(x => x.Host("reviews").Subset("v2")).Weight(20))));
        }
        """, "MESH1009");

    [Fact]
    public Task Mesh1101_a_route_to_an_undeclared_host_is_reported_at_its_host_call() => Verify.Analyzer("""
        class Mesh
        {
            static ServiceEntry Payments = ServiceEntry.Create("payments", se => se
                .Namespace("shop")
                .Hosts("payments.example.com")
                .Ports(p => p.Number(443).Name("https").Protocol("HTTPS"))
                .Resolution(ServiceEntryResolution.Dns));

            static VirtualService Checkout = VirtualService.Create("checkout", vs => vs
                .Namespace("shop")
                .Hosts("payments.example.com")
                .Http(r => r.Route(d => d.Destination(x => x.{|MESH1101:Host("payment.example.com")|}))));
        }
        """, "MESH1101");

    [Fact]
    public Task Mesh1101_a_route_to_a_declared_host_is_not_reported() => Verify.Analyzer("""
        class Mesh
        {
            static ServiceEntry Payments = ServiceEntry.Create("payments", se => se
                .Namespace("shop")
                .Hosts("payments.example.com")
                .Ports(p => p.Number(443).Name("https").Protocol("HTTPS"))
                .Resolution(ServiceEntryResolution.Dns));

            static VirtualService Checkout = VirtualService.Create("checkout", vs => vs
                .Namespace("shop")
                .Hosts("payments.example.com")
                .Http(r => r.Route(d => d.Destination(x => x.Host("payments.example.com").Port(p => p.Number(443))))));
        }
        """, "MESH1101");

    [Fact]
    public Task Mesh1101_a_port_the_service_entry_does_not_expose_and_an_undefined_subset_are_reported() => Verify.Analyzer("""
        class Mesh
        {
            static ServiceEntry Payments = ServiceEntry.Create("payments", se => se
                .Namespace("shop")
                .Hosts("payments.example.com")
                .Ports(p => p.Number(443).Name("https").Protocol("HTTPS"))
                .Resolution(ServiceEntryResolution.Dns));

            static DestinationRule PaymentsRule = DestinationRule.Create("payments", dr => dr
                .Namespace("shop")
                .Host("payments.example.com")
                .Subsets(s => s.Name("v1").Labels("version", "v1")));

            static VirtualService Checkout = VirtualService.Create("checkout", vs => vs
                .Namespace("shop")
                .Hosts("payments.example.com")
                .Http(r => r.Route(d => d.Destination(x => x
                    .Host("payments.example.com")
                    .Port(p => p.{|MESH1101:Number(8443)|})
                    .{|MESH1101:Subset("v2")|}))));
        }
        """, "MESH1101");

    [Fact]
    public Task Mesh1101_a_host_listed_in_meshdsl_external_hosts_in_editorconfig_is_not_reported() => Verify.AnalyzerWithOptions(
        """
        class Mesh
        {
            static ServiceEntry Payments = ServiceEntry.Create("payments", se => se
                .Namespace("shop")
                .Hosts("payments.example.com")
                .Ports(p => p.Number(443).Name("https").Protocol("HTTPS"))
                .Resolution(ServiceEntryResolution.Dns));

            static VirtualService Checkout = VirtualService.Create("checkout", vs => vs
                .Namespace("shop")
                .Hosts("payments.example.com")
                .Http(r => r.Route(d => d.Destination(x => x.Host("fraud.partner.example")))));
        }
        """,
        "meshdsl_external_hosts = fraud.partner.example, ledger.partner.example\n",
        "MESH1101");

    [Fact]
    public Task Mesh1101_a_host_listed_in_msbuild_external_hosts_is_not_reported() => ConfiguredVerify.AnalyzerWithGlobalConfig(
        """
        class Mesh
        {
            static ServiceEntry Payments = ServiceEntry.Create("payments", se => se
                .Namespace("shop")
                .Hosts("payments.example.com")
                .Ports(p => p.Number(443).Name("https").Protocol("HTTPS"))
                .Resolution(ServiceEntryResolution.Dns));

            static VirtualService Checkout = VirtualService.Create("checkout", vs => vs
                .Namespace("shop")
                .Hosts("payments.example.com")
                .Http(r => r.Route(d => d.Destination(x => x.Host("fraud.partner.example")))));
        }
        """,
        "build_property.MeshDslExternalHosts = fraud.partner.example;ledger.partner.example\n",
        "MESH1101");

    [Fact]
    public Task Mesh1009_a_destination_given_as_a_model_object_without_weight_is_reported_at_its_route_call() => Verify.Analyzer("""
        class Routes
        {
            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Namespace("shop")
                .Hosts("reviews")
                .Http(r => r
                    .Route(d => d.Destination(x => x.Host("reviews").Subset("v1")).Weight(100))
                    .{|MESH1009:Route(new HTTPRouteDestination { Destination = new Destination { Host = "reviews", Subset = "v2" } })|}));
        }
        """, "MESH1009");
}

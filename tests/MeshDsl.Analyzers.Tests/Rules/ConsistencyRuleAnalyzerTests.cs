using System.Threading.Tasks;
using Xunit;

namespace MeshDsl.Analyzers.Tests.Rules;

/// <summary>
/// The Consistency rules on builder chains (docs/rules/MESH1015, 1109, 1111): set rules, so the resources are
/// several Create calls in one compilation and the findings arrive when the compilation ends.
/// </summary>
public sealed class ConsistencyRuleAnalyzerTests
{
    [Fact]
    public Task Mesh1015_two_destination_rules_setting_a_policy_and_a_subset_for_one_host_are_reported() => Verify.Analyzer("""
        class Rules
        {
            static DestinationRule ReviewsTls = DestinationRule.Create("reviews-tls", dr => dr
                .Namespace("shop")
                .Host("reviews")
                .TrafficPolicy(tp => tp.Tls(t => t.Mode(ClientTLSMode.IstioMutual)))
                .Subsets(s => s.Name("v1").Labels("version", "v1")));

            static DestinationRule ReviewsLb = DestinationRule.Create("reviews-lb", dr => dr
                .Namespace("shop")
                .Host("reviews.shop.svc.cluster.local")
                .{|MESH1015:TrafficPolicy(tp => tp.LoadBalancer(l => l.Simple(SimpleLB.LeastRequest)))|}
                .Subsets(s => s.{|MESH1015:Name("v1")|}.Labels("version", "v1")));
        }
        """, "MESH1015");

    [Fact]
    public Task Mesh1015_one_destination_rule_per_host_is_not_reported() => Verify.Analyzer("""
        class Rules
        {
            static DestinationRule Reviews = DestinationRule.Create("reviews", dr => dr
                .Namespace("shop")
                .Host("reviews")
                .TrafficPolicy(tp => tp
                    .Tls(t => t.Mode(ClientTLSMode.IstioMutual))
                    .LoadBalancer(l => l.Simple(SimpleLB.LeastRequest)))
                .Subsets(s => s.Name("v1").Labels("version", "v1")));

            static DestinationRule Ratings = DestinationRule.Create("ratings", dr => dr
                .Namespace("shop")
                .Host("ratings")
                .TrafficPolicy(tp => tp.Tls(t => t.Mode(ClientTLSMode.IstioMutual)))
                .Subsets(s => s.Name("v1").Labels("version", "v1")));
        }
        """, "MESH1015");

    [Fact]
    public Task Mesh1109_two_mesh_virtual_services_for_one_host_are_reported_at_the_hosts_call() => Verify.Analyzer("""
        class Routes
        {
            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Namespace("shop")
                .Hosts("reviews")
                .Http(r => r.Route(d => d.Destination(x => x.Host("reviews").Subset("v1")))));

            static VirtualService ReviewsCanary = VirtualService.Create("reviews-canary", vs => vs
                .Namespace("shop")
                .{|MESH1109:Hosts("reviews.shop.svc.cluster.local")|}
                .Http(r => r.Route(d => d.Destination(x => x.Host("reviews").Subset("v2")))));
        }
        """, "MESH1109");

    [Fact]
    public Task Mesh1109_one_virtual_service_per_host_is_not_reported() => Verify.Analyzer("""
        class Routes
        {
            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Namespace("shop")
                .Hosts("reviews")
                .Http(r => r
                    .Match(m => m.Headers("x-canary", s => s.Exact("1")))
                    .Route(d => d.Destination(x => x.Host("reviews").Subset("v2"))))
                .Http(r => r.Route(d => d.Destination(x => x.Host("reviews").Subset("v1")))));

            static VirtualService Ratings = VirtualService.Create("ratings", vs => vs
                .Namespace("shop")
                .Hosts("ratings")
                .Http(r => r.Route(d => d.Destination(x => x.Host("ratings")))));
        }
        """, "MESH1109");

    [Fact]
    public Task Mesh1111_every_selectorless_sidecar_of_a_namespace_is_reported_at_its_create_call() => Verify.Analyzer("""
        class Scopes
        {
            static Sidecar Default = Sidecar.{|MESH1111:Create("default", sc => sc
                .Namespace("shop")
                .Egress(e => e.Hosts("./*", "istio-system/*")))|};

            static Sidecar Narrow = Sidecar.{|MESH1111:Create("narrow", sc => sc
                .Namespace("shop")
                .Egress(e => e.Hosts("./*")))|};
        }
        """, "MESH1111");

    [Fact]
    public Task Mesh1111_one_default_and_one_selected_sidecar_are_not_reported() => Verify.Analyzer("""
        class Scopes
        {
            static Sidecar Default = Sidecar.Create("default", sc => sc
                .Namespace("shop")
                .Egress(e => e.Hosts("./*", "istio-system/*")));

            static Sidecar Cart = Sidecar.Create("cart", sc => sc
                .Namespace("shop")
                .WorkloadSelector(w => w.Labels("app", "cart"))
                .Egress(e => e.Hosts("./*")));
        }
        """, "MESH1111");
}

using System.Threading.Tasks;
using Xunit;

namespace MeshDsl.Analyzers.Tests.Rules;

/// <summary>
/// The Consistency rules on builder chains (docs/rules/MESH1015, 1109, 1111): set rules, so the resources are
/// several Create calls in one compilation and the findings arrive when the compilation ends. Each theory fills
/// one snippet of two resources, and its rows carry the markup.
/// </summary>
public sealed class ConsistencyRuleAnalyzerTests
{
    [Theory]
    // a second rule for reviews (by its full name) with its own policy and subset v1: reported at both calls
    [InlineData(
        """.Tls(t => t.Mode(ClientTLSMode.IstioMutual))""",
        "reviews.shop.svc.cluster.local",
        """.{|MESH1015:TrafficPolicy(tp => tp.LoadBalancer(l => l.Simple(SimpleLB.LeastRequest)))|}.Subsets(s => s.{|MESH1015:Name("v1")|}.Labels("version", "v1"))""")]
    // one rule per host, the reviews policy in one rule: not reported
    [InlineData(
        """.Tls(t => t.Mode(ClientTLSMode.IstioMutual)).LoadBalancer(l => l.Simple(SimpleLB.LeastRequest))""",
        "ratings",
        """.TrafficPolicy(tp => tp.Tls(t => t.Mode(ClientTLSMode.IstioMutual))).Subsets(s => s.Name("v1").Labels("version", "v1"))""")]
    public Task Mesh1015_destination_rules_of_one_host_are_reported_at_the_fields_both_set(string reviewsPolicy, string otherHost, string otherRule) =>
        Verify.Analyzer(Snippet.Class("Rules", $$"""
                static DestinationRule Reviews = DestinationRule.Create("reviews", dr => dr
                    .Namespace("shop")
                    .Host("reviews")
                    .TrafficPolicy(tp => tp{{reviewsPolicy}})
                    .Subsets(s => s.Name("v1").Labels("version", "v1")));

                static DestinationRule Other = DestinationRule.Create("other", dr => dr
                    .Namespace("shop")
                    .Host("{{otherHost}}")
                    {{otherRule}});
            """), "MESH1015");

    [Theory]
    [InlineData(ToReviewsV1, """.{|MESH1109:Hosts("reviews.shop.svc.cluster.local")|}""", ToReviewsV2)] // reviews again, by its full name: reported at the Hosts call
    [InlineData(CanaryToReviewsV2 + ToReviewsV1, """.Hosts("ratings")""", ToRatings)] // one virtual service per host: not reported
    public Task Mesh1109_mesh_virtual_services_are_reported_at_the_hosts_call_when_they_share_a_host(string reviewsRoutes, string otherHosts, string otherRoutes) =>
        Verify.Analyzer(Snippet.Class("Routes", $$"""
                static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                    .Namespace("shop")
                    .Hosts("reviews")
                    {{reviewsRoutes}});

                static VirtualService Other = VirtualService.Create("other", vs => vs
                    .Namespace("shop")
                    {{otherHosts}}
                    {{otherRoutes}});
            """), "MESH1109");

    [Theory]
    [InlineData(true, "narrow", "")] // two sidecars without selector: each reported at its Create call
    [InlineData(false, "cart", """.WorkloadSelector(w => w.Labels("app", "cart"))""")] // one default and one selected: not reported
    public Task Mesh1111_every_selectorless_sidecar_of_a_namespace_is_reported_at_its_create_call(bool reported, string otherName, string otherSelector) =>
        Verify.Analyzer(
            Snippet.Class(
                "Scopes",
                Sidecar("Default", Snippet.MarkedIf(reported, "MESH1111", """Create("default", sc => sc.Namespace("shop").Egress(e => e.Hosts("./*", "istio-system/*")))""")),
                Sidecar("Other", Snippet.MarkedIf(reported, "MESH1111", $$"""Create("{{otherName}}", sc => sc.Namespace("shop"){{otherSelector}}.Egress(e => e.Hosts("./*")))"""))),
            "MESH1111");

    private const string ToReviewsV1 = """.Http(r => r.Route(d => d.Destination(x => x.Host("reviews").Subset("v1"))))""";
    private const string ToReviewsV2 = """.Http(r => r.Route(d => d.Destination(x => x.Host("reviews").Subset("v2"))))""";
    private const string CanaryToReviewsV2 = """.Http(r => r.Match(m => m.Headers("x-canary", s => s.Exact("1"))).Route(d => d.Destination(x => x.Host("reviews").Subset("v2"))))""";
    private const string ToRatings = """.Http(r => r.Route(d => d.Destination(x => x.Host("ratings"))))""";

    /// <summary>produces: <c>static Sidecar Default = Sidecar.Create(...);</c>, with <paramref name="create"/> as the Create call.</summary>
    private static string Sidecar(string field, string create) => $"    static Sidecar {field} = Sidecar.{create};";
}

using System.Threading.Tasks;
using Xunit;

namespace MeshDsl.Analyzers.Tests.Rules;

/// <summary>
/// The Routing rules on builder chains (docs/rules/MESH1006-1009, 1101): each reported at the call that wrote the
/// node, and silent on the corrected chain. Each theory fills one snippet, and its rows carry the markup.
/// </summary>
public sealed class RoutingRuleAnalyzerTests
{
    [Theory]
    // neither mirror has a percentage: both reported
    [InlineData(
        """.{|MESH1006:Mirror(m => m.Host("reviews").Subset("v2"))|}""",
        """.{|MESH1006:Mirrors(m => m.Destination(x => x.Host("reviews").Subset("v3")))|}""")]
    // both mirrors have a percentage: not reported
    [InlineData(
        """.Mirror(m => m.Host("reviews").Subset("v2")).MirrorPercentage(p => p.Value(10))""",
        """.Mirrors(m => m.Destination(x => x.Host("reviews").Subset("v3")).Percentage(p => p.Value(5)))""")]
    public Task Mesh1006_a_mirror_is_reported_at_its_mirror_call_when_it_has_no_percentage(string mirror, string mirrors) =>
        Verify.Analyzer(Snippet.Routes("reviews", ToV1(mirror) + ToV1(mirrors)), "MESH1006");

    [Theory]
    [InlineData(".{|MESH1007:" + CatchAllToV1 + "|}." + JasonToV2)] // the catch-all first: reported at its Http call
    [InlineData("." + JasonToV2 + "." + CatchAllToV1)] // the catch-all last: not reported
    public Task Mesh1007_a_catch_all_rule_is_reported_at_its_http_call_when_other_rules_follow(string routes) =>
        Verify.Analyzer(Snippet.Routes("reviews", routes), "MESH1007");

    [Theory]
    [InlineData(ApiPrefix + ApiV1, "{|MESH1008:" + ApiV2Prefix + "|}" + ApiV2)] // "/api/v2" after "/api": reported at its Match call
    [InlineData(ApiV2Prefix + ApiV2, ApiPrefix + ApiV1)] // the more specific prefix first: not reported
    public Task Mesh1008_a_match_is_reported_at_its_match_call_when_an_earlier_prefix_shadows_it(string first, string second) =>
        Verify.Analyzer(Snippet.Routes("api", $".Http(r => r.{first}).Http(r => r.{second})"), "MESH1008");

    [Theory]
    // v2 without a weight (or with 0) beside a weighted v1: reported at its Route call, on http and on tcp
    [InlineData(
        """.Route(d => d.Destination(x => x.Host("reviews").Subset("v1")).Weight(100)).{|MESH1009:Route(d => d.Destination(x => x.Host("reviews").Subset("v2")))|}""",
        """.Tcp(t => t.Route(d => d.Destination(x => x.Host("reviews").Subset("v1")).Weight(100)).{|MESH1009:Route(d => d.Destination(x => x.Host("reviews").Subset("v2")).Weight(0))|})""")]
    // every destination weighted: not reported
    [InlineData(
        """.Route(d => d.Destination(x => x.Host("reviews").Subset("v1")).Weight(90)).Route(d => d.Destination(x => x.Host("reviews").Subset("v2")).Weight(10))""",
        """.Tcp(t => t.Route(d => d.Destination(x => x.Host("reviews").Subset("v1")).Weight(80)).Route(d => d.Destination(x => x.Host("reviews").Subset("v2")).Weight(20)))""")]
    // a model object without weight beside a weighted v1: reported at its Route call
    [InlineData(
        """.Route(d => d.Destination(x => x.Host("reviews").Subset("v1")).Weight(100)).{|MESH1009:Route(new HTTPRouteDestination { Destination = new Destination { Host = "reviews", Subset = "v2" } })|}""",
        "")]
    public Task Mesh1009_a_destination_is_reported_at_its_route_call_when_it_has_no_weight_beside_weighted_ones(string http, string tcp) =>
        Verify.Analyzer(Snippet.Routes("reviews", $".Http(r => r{http}){tcp}"), "MESH1009");

    [Theory]
    [InlineData(""".{|MESH1101:Host("payment.example.com")|}""")] // a host nothing declares: reported at its Host call
    [InlineData(""".Host("payments.example.com").Port(p => p.Number(443))""")] // the service entry's host and port: not reported
    public Task Mesh1101_a_route_destination_is_reported_at_its_host_call_when_the_host_is_undeclared(string destination) =>
        Verify.Analyzer(Checkout(destination), "MESH1101");

    [Fact]
    public Task Mesh1101_a_port_the_service_entry_does_not_expose_and_an_undefined_subset_are_reported() => Verify.Analyzer(
        Checkout(
            """.Host("payments.example.com").Port(p => p.{|MESH1101:Number(8443)|}).{|MESH1101:Subset("v2")|}""",
            """
                static DestinationRule PaymentsRule = DestinationRule.Create("payments", dr => dr
                    .Namespace("shop")
                    .Host("payments.example.com")
                    .Subsets(s => s.Name("v1").Labels("version", "v1")));
            """),
        "MESH1101");

    [Fact]
    public Task Mesh1101_a_host_listed_in_meshdsl_external_hosts_in_editorconfig_is_not_reported() => Verify.AnalyzerWithOptions(
        Checkout(""".Host("fraud.partner.example")"""),
        "meshdsl_external_hosts = fraud.partner.example, ledger.partner.example\n",
        "MESH1101");

    [Fact]
    public Task Mesh1101_a_host_listed_in_msbuild_external_hosts_is_not_reported() => ConfiguredVerify.AnalyzerWithGlobalConfig(
        Checkout(""".Host("fraud.partner.example")"""),
        "build_property.MeshDslExternalHosts = fraud.partner.example;ledger.partner.example\n",
        "MESH1101");

    private const string CatchAllToV1 = """Http(r => r.Match(m => m.Uri(u => u.Prefix("/"))).Route(d => d.Destination(x => x.Host("reviews").Subset("v1"))))""";
    private const string JasonToV2 = """Http(r => r.Match(m => m.Headers("end-user", s => s.Exact("jason"))).Route(d => d.Destination(x => x.Host("reviews").Subset("v2"))))""";

    private const string ApiPrefix = """Match(m => m.Uri(u => u.Prefix("/api")))""";
    private const string ApiV2Prefix = """Match(m => m.Uri(u => u.Prefix("/api/v2")))""";
    private const string ApiV1 = """.Route(d => d.Destination(x => x.Host("api").Subset("v1")))""";
    private const string ApiV2 = """.Route(d => d.Destination(x => x.Host("api").Subset("v2")))""";

    /// <summary>produces: <c>.Http(r => r.Route(d => d.Destination(x => x.Host("reviews").Subset("v1")))<paramref name="then"/>)</c></summary>
    private static string ToV1(string then) => $$""".Http(r => r.Route(d => d.Destination(x => x.Host("reviews").Subset("v1"))){{then}})""";

    /// <summary>A service entry for payments.example.com:443, <paramref name="rules"/>, and a checkout route to <paramref name="destination"/>.</summary>
    private static string Checkout(string destination, string rules = "") => $$"""
        class Mesh
        {
            static ServiceEntry Payments = ServiceEntry.Create("payments", se => se
                .Namespace("shop")
                .Hosts("payments.example.com")
                .Ports(p => p.Number(443).Name("https").Protocol("HTTPS"))
                .Resolution(ServiceEntryResolution.Dns));
        {{rules}}
            static VirtualService Checkout = VirtualService.Create("checkout", vs => vs
                .Namespace("shop")
                .Hosts("payments.example.com")
                .Http(r => r.Route(d => d.Destination(x => x{{destination}}))));
        }
        """;
}

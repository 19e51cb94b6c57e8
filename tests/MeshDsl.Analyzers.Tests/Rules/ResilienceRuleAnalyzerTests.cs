using System.Threading.Tasks;
using Xunit;

namespace MeshDsl.Analyzers.Tests.Rules;

/// <summary>
/// The Resilience rules on builder chains (docs/rules/MESH1001-1005, 1020, 1021): each reported at the call that wrote
/// the node, and silent on the corrected chain. Each theory fills one snippet, and its rows carry the markup.
/// </summary>
public sealed class ResilienceRuleAnalyzerTests
{
    [Theory]
    [InlineData(""".{|MESH1001:Http(r => r.Route(d => d.Destination(x => x.Host("reviews"))))|}""")] // no timeout: reported
    [InlineData(""".{|MESH1001:Http(new HTTPRouteBuilder().Route(d => d.Destination(x => x.Host("reviews"))).Build())|}""")] // from a standalone builder: reported
    [InlineData(""".Http(r => r.Route(d => d.Destination(x => x.Host("reviews"))).Timeout("10s"))""")] // with a timeout: not reported
    public Task Mesh1001_a_route_is_reported_at_its_http_call_when_it_has_no_timeout(string route) =>
        Verify.Analyzer(Snippet.Routes("reviews", route), "MESH1001");

    [Fact]
    public Task Mesh1001_a_route_built_in_statement_lambdas_is_reported_at_its_http_call() => Verify.Analyzer("""
        class Routes
        {
            static VirtualService Reviews = VirtualService.Create("reviews", vs =>
            {
                vs.Namespace("shop");
                vs.Hosts("reviews");
                vs.{|MESH1001:Http(r => { r.Route(d => d.Destination(x => x.Host("reviews"))); })|};
            });
        }
        """, "MESH1001");

    [Theory]
    [InlineData(""".{|MESH1002:Retries(x => x.Attempts(3).RetryOn("5xx"))|}""")] // no per-try timeout: reported
    [InlineData(""".{|MESH1002:Retries(new HTTPRetry { Attempts = 3 })|}""")] // set as a model object: reported
    [InlineData(""".Retries(x => x.Attempts(3).RetryOn("5xx").PerTryTimeout("2s"))""")] // with a per-try timeout: not reported
    public Task Mesh1002_retries_are_reported_at_the_retries_call_when_they_have_no_per_try_timeout(string retries) =>
        Verify.Analyzer(Snippet.Routes("reviews", RouteTo("reviews", """.Timeout("10s")""" + retries)), "MESH1002");

    [Theory]
    [InlineData("", """.Timeout("3s").{|MESH1003:Retries(x => x.Attempts(2).PerTryTimeout("2s"))|}""")] // 2 x 2s beyond 3s: reported
    [InlineData("", """.Timeout("10s").Retries(x => x.Attempts(2).PerTryTimeout("2s"))""")] // 2 x 2s within 10s: not reported
    // the same budget from const fields: compared, and reported
    [InlineData("""const string RouteTimeout = "3s"; const string TryTimeout = "2s";""", """.Timeout(RouteTimeout).{|MESH1003:Retries(x => x.Attempts(2).PerTryTimeout(TryTimeout))|}""")]
    public Task Mesh1003_a_retry_budget_is_reported_at_the_retries_call_when_beyond_the_route_timeout(string fields, string timeouts) =>
        Verify.Analyzer(Snippet.Routes("reviews", RouteTo("reviews", timeouts), fields), "MESH1003");

    [Theory]
    [InlineData(""".Timeout("10s").{|MESH1004:Fault(f => f.Abort(a => a.HttpStatus(503).Percentage(p => p.Value(10))))|}""")] // beside a timeout: reported
    [InlineData(""".Fault(f => f.Abort(a => a.HttpStatus(503).Percentage(p => p.Value(10))))""")] // no timeout or retries: not reported
    public Task Mesh1004_fault_injection_is_reported_at_the_fault_call_when_beside_a_timeout(string policies) =>
        Verify.Analyzer(Snippet.Routes("ratings", RouteTo("ratings", policies)), "MESH1004");

    [Theory]
    [InlineData(""".{|MESH1005:Delay(d => d.FixedDelay("5s"))|}.{|MESH1005:Abort(a => a.HttpStatus(503))|}""")] // no percentages: both reported
    [InlineData(""".Delay(d => d.FixedDelay("5s").Percentage(p => p.Value(10))).Abort(a => a.HttpStatus(503).Percentage(p => p.Value(1)))""")] // with percentages: not reported
    public Task Mesh1005_a_delay_and_an_abort_are_reported_at_their_calls_when_they_have_no_percentage(string faults) =>
        Verify.Analyzer(Snippet.Routes("ratings", RouteTo("ratings", $".Fault(f => f{faults})")), "MESH1005");

    [Theory]
    [InlineData(true, "")] // no outlier detection anywhere: reported at Create
    [InlineData(false, """.TrafficPolicy(tp => tp.OutlierDetection(o => o.Consecutive5xxErrors(5).Interval("30s").BaseEjectionTime("30s")))""")] // in the subset's policy: not reported
    public Task Mesh1020_a_destination_rule_is_reported_at_its_create_call_when_it_has_no_outlier_detection(bool reported, string subsetPolicy) =>
        Verify.Analyzer(ReviewsRule(Snippet.MarkedIf(reported, "MESH1020", ReviewsCreate($$"""
            .TrafficPolicy(tp => tp.ConnectionPool(c => c.Tcp(t => t.MaxConnections(100))))
                    .Subsets(s => s.Name("v1").Labels("version", "v1"){{subsetPolicy}})
            """))), "MESH1020");

    [Theory]
    [InlineData(true, """.Tcp(t => t.ConnectTimeout("1s"))""")] // a connect timeout but no limits: reported at Create
    [InlineData(false, """.Tcp(t => t.MaxConnections(100)).Http(h => h.Http1MaxPendingRequests(50))""")] // connection and pending-request limits: not reported
    public Task Mesh1021_a_destination_rule_is_reported_at_its_create_call_when_it_has_no_connection_pool_limits(bool reported, string pool) =>
        Verify.Analyzer(ReviewsRule(Snippet.MarkedIf(reported, "MESH1021", ReviewsCreate($$"""
            .TrafficPolicy(tp => tp
                        .OutlierDetection(o => o.Consecutive5xxErrors(5))
                        .ConnectionPool(c => c{{pool}}))
            """))), "MESH1021");

    /// <summary>produces: <c>.Http(r => r.Route(d => d.Destination(x => x.Host("reviews")))<paramref name="then"/>)</c></summary>
    private static string RouteTo(string host, string then) => $$""".Http(r => r.Route(d => d.Destination(x => x.Host("{{host}}"))){{then}})""";

    private static string ReviewsRule(string create) => $$"""
        class Rules
        {
            static DestinationRule Reviews = DestinationRule.{{create}};
        }
        """;

    private static string ReviewsCreate(string policies) => $$"""
        Create("reviews", dr => dr
                .Namespace("shop")
                .Host("reviews")
                {{policies}})
        """;
}

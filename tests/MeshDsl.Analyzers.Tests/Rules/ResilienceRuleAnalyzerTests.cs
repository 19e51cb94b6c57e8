using System.Threading.Tasks;
using Xunit;

namespace MeshDsl.Analyzers.Tests.Rules;

/// <summary>The Resilience rules on builder chains (docs/rules/MESH1001-1005, 1020, 1021): each reported at the call that wrote the node, and silent on the corrected chain.</summary>
public sealed class ResilienceRuleAnalyzerTests
{
    [Fact]
    public Task Mesh1001_a_route_without_timeout_is_reported_at_its_http_call() => Verify.Analyzer("""
        class Routes
        {
            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Namespace("shop")
                .Hosts("reviews")
                .{|MESH1001:Http(r => r.Route(d => d.Destination(x => x.Host("reviews"))))|});
        }
        """, "MESH1001");

    [Fact]
    public Task Mesh1001_a_route_with_a_timeout_is_not_reported() => Verify.Analyzer("""
        class Routes
        {
            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Namespace("shop")
                .Hosts("reviews")
                .Http(r => r.Route(d => d.Destination(x => x.Host("reviews"))).Timeout("10s")));
        }
        """, "MESH1001");

    [Fact]
    public Task Mesh1002_retries_without_a_per_try_timeout_are_reported_at_the_retries_call() => Verify.Analyzer("""
        class Routes
        {
            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Namespace("shop")
                .Hosts("reviews")
                .Http(r => r
                    .Route(d => d.Destination(x => x.Host("reviews")))
                    .Timeout("10s")
                    .{|MESH1002:Retries(x => x.Attempts(3).RetryOn("5xx"))|}));
        }
        """, "MESH1002");

    [Fact]
    public Task Mesh1002_retries_with_a_per_try_timeout_are_not_reported() => Verify.Analyzer("""
        class Routes
        {
            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Namespace("shop")
                .Hosts("reviews")
                .Http(r => r
                    .Route(d => d.Destination(x => x.Host("reviews")))
                    .Timeout("10s")
                    .Retries(x => x.Attempts(3).RetryOn("5xx").PerTryTimeout("2s"))));
        }
        """, "MESH1002");

    [Fact]
    public Task Mesh1003_a_retry_budget_beyond_the_route_timeout_is_reported_at_the_retries_call() => Verify.Analyzer("""
        class Routes
        {
            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Namespace("shop")
                .Hosts("reviews")
                .Http(r => r
                    .Route(d => d.Destination(x => x.Host("reviews")))
                    .Timeout("3s")
                    .{|MESH1003:Retries(x => x.Attempts(2).PerTryTimeout("2s"))|}));
        }
        """, "MESH1003");

    [Fact]
    public Task Mesh1003_a_retry_budget_within_the_route_timeout_is_not_reported() => Verify.Analyzer("""
        class Routes
        {
            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Namespace("shop")
                .Hosts("reviews")
                .Http(r => r
                    .Route(d => d.Destination(x => x.Host("reviews")))
                    .Timeout("10s")
                    .Retries(x => x.Attempts(2).PerTryTimeout("2s"))));
        }
        """, "MESH1003");

    [Fact]
    public Task Mesh1004_fault_injection_beside_a_timeout_is_reported_at_the_fault_call() => Verify.Analyzer("""
        class Routes
        {
            static VirtualService Ratings = VirtualService.Create("ratings", vs => vs
                .Namespace("shop")
                .Hosts("ratings")
                .Http(r => r
                    .Route(d => d.Destination(x => x.Host("ratings")))
                    .Timeout("10s")
                    .{|MESH1004:Fault(f => f.Abort(a => a.HttpStatus(503).Percentage(p => p.Value(10))))|}));
        }
        """, "MESH1004");

    [Fact]
    public Task Mesh1004_fault_injection_on_a_route_without_timeout_or_retries_is_not_reported() => Verify.Analyzer("""
        class Routes
        {
            static VirtualService Ratings = VirtualService.Create("ratings", vs => vs
                .Namespace("shop")
                .Hosts("ratings")
                .Http(r => r
                    .Route(d => d.Destination(x => x.Host("ratings")))
                    .Fault(f => f.Abort(a => a.HttpStatus(503).Percentage(p => p.Value(10))))));
        }
        """, "MESH1004");

    [Fact]
    public Task Mesh1005_a_delay_and_an_abort_without_percentage_are_reported_at_their_calls() => Verify.Analyzer("""
        class Routes
        {
            static VirtualService Ratings = VirtualService.Create("ratings", vs => vs
                .Namespace("shop")
                .Hosts("ratings")
                .Http(r => r
                    .Route(d => d.Destination(x => x.Host("ratings")))
                    .Fault(f => f
                        .{|MESH1005:Delay(d => d.FixedDelay("5s"))|}
                        .{|MESH1005:Abort(a => a.HttpStatus(503))|})));
        }
        """, "MESH1005");

    [Fact]
    public Task Mesh1005_a_delay_and_an_abort_with_percentage_are_not_reported() => Verify.Analyzer("""
        class Routes
        {
            static VirtualService Ratings = VirtualService.Create("ratings", vs => vs
                .Namespace("shop")
                .Hosts("ratings")
                .Http(r => r
                    .Route(d => d.Destination(x => x.Host("ratings")))
                    .Fault(f => f
                        .Delay(d => d.FixedDelay("5s").Percentage(p => p.Value(10)))
                        .Abort(a => a.HttpStatus(503).Percentage(p => p.Value(1))))));
        }
        """, "MESH1005");

    [Fact]
    public Task Mesh1020_a_destination_rule_without_outlier_detection_is_reported_at_its_create_call() => Verify.Analyzer("""
        class Rules
        {
            static DestinationRule Reviews = DestinationRule.{|MESH1020:Create("reviews", dr => dr
                .Namespace("shop")
                .Host("reviews")
                .TrafficPolicy(tp => tp.ConnectionPool(c => c.Tcp(t => t.MaxConnections(100))))
                .Subsets(s => s.Name("v1").Labels("version", "v1")))|};
        }
        """, "MESH1020");

    [Fact]
    public Task Mesh1020_outlier_detection_in_a_subset_policy_is_not_reported() => Verify.Analyzer("""
        class Rules
        {
            static DestinationRule Reviews = DestinationRule.Create("reviews", dr => dr
                .Namespace("shop")
                .Host("reviews")
                .TrafficPolicy(tp => tp.ConnectionPool(c => c.Tcp(t => t.MaxConnections(100))))
                .Subsets(s => s
                    .Name("v1")
                    .Labels("version", "v1")
                    .TrafficPolicy(tp => tp.OutlierDetection(o => o.Consecutive5xxErrors(5).Interval("30s").BaseEjectionTime("30s")))));
        }
        """, "MESH1020");

    [Fact]
    public Task Mesh1021_a_destination_rule_without_connection_pool_limits_is_reported_at_its_create_call() => Verify.Analyzer("""
        class Rules
        {
            static DestinationRule Reviews = DestinationRule.{|MESH1021:Create("reviews", dr => dr
                .Namespace("shop")
                .Host("reviews")
                .TrafficPolicy(tp => tp
                    .OutlierDetection(o => o.Consecutive5xxErrors(5))
                    .ConnectionPool(c => c.Tcp(t => t.ConnectTimeout("1s")))))|};
        }
        """, "MESH1021");

    [Fact]
    public Task Mesh1021_connection_pool_limits_are_not_reported() => Verify.Analyzer("""
        class Rules
        {
            static DestinationRule Reviews = DestinationRule.Create("reviews", dr => dr
                .Namespace("shop")
                .Host("reviews")
                .TrafficPolicy(tp => tp
                    .OutlierDetection(o => o.Consecutive5xxErrors(5))
                    .ConnectionPool(c => c
                        .Tcp(t => t.MaxConnections(100))
                        .Http(h => h.Http1MaxPendingRequests(50)))));
        }
        """, "MESH1021");

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

    [Fact]
    public Task Mesh1001_a_route_from_a_standalone_builder_is_reported_at_its_http_call() => Verify.Analyzer("""
        class Routes
        {
            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Namespace("shop")
                .Hosts("reviews")
                .{|MESH1001:Http(new HTTPRouteBuilder().Route(d => d.Destination(x => x.Host("reviews"))).Build())|});
        }
        """, "MESH1001");

    [Fact]
    public Task Mesh1002_retries_set_as_a_model_object_are_reported_at_the_retries_call() => Verify.Analyzer("""
        class Routes
        {
            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Namespace("shop")
                .Hosts("reviews")
                .Http(r => r
                    .Route(d => d.Destination(x => x.Host("reviews")))
                    .Timeout("10s")
                    .{|MESH1002:Retries(new HTTPRetry { Attempts = 3 })|}));
        }
        """, "MESH1002");

    [Fact]
    public Task Mesh1003_durations_from_const_fields_are_compared() => Verify.Analyzer("""
        class Routes
        {
            const string RouteTimeout = "3s";
            const string TryTimeout = "2s";

            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Namespace("shop")
                .Hosts("reviews")
                .Http(r => r
                    .Route(d => d.Destination(x => x.Host("reviews")))
                    .Timeout(RouteTimeout)
                    .{|MESH1003:Retries(x => x.Attempts(2).PerTryTimeout(TryTimeout))|}));
        }
        """, "MESH1003");
}

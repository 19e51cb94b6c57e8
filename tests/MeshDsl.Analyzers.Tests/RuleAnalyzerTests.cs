using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace MeshDsl.Analyzers.Tests;

/// <summary>The mesh rules on builder chains: reported at the call that wrote the field, silent on what is not known.</summary>
public sealed class RuleAnalyzerTests
{
    [Fact]
    public Task A_route_without_timeout_is_reported_at_its_http_call() => Verify.Analyzer("""
        class Routes
        {
            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Namespace("default")
                .Hosts("reviews")
                .{|MESH1001:Http(r => r.Route(d => d.Destination(x => x.Host("reviews"))))|});
        }
        """, "MESH1001");

    [Fact]
    public Task A_finding_after_many_placed_nodes_is_still_reported_at_its_call()
    {
        // Twenty routes place 160 nodes before the last one: the places are kept in chunks, and a lookup reads them all.
        var routes = string.Concat(Enumerable.Range(1, 20).Select(i =>
            $"\n            .Http(r => r.Name(\"r{i}\").Route(d => d.Destination(x => x.Host(\"reviews\"))).Timeout(\"1s\"))"));
        return Verify.Analyzer($$"""
            class Routes
            {
                static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                    .Hosts("reviews"){{routes}}
                    .{|MESH1001:Http(r => r.Route(d => d.Destination(x => x.Host("reviews"))))|});
            }
            """, "MESH1001");
    }

    [Fact]
    public Task A_route_with_a_timeout_is_not_reported() => Verify.Analyzer("""
        class Routes
        {
            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Hosts("reviews")
                .Http(r => r.Route(d => d.Destination(x => x.Host("reviews"))).Timeout("10s")));
        }
        """, "MESH1001");

    [Fact]
    public Task Resources_are_found_in_any_code_block_and_not_in_generated_code() => Verify.Analyzer("""
        using System.Collections.Generic;

        class Routes
        {
            static IEnumerable<VirtualService> Build()
            {
                VirtualService Local(string host) => VirtualService.Create(host, vs => vs
                    .Hosts(host)
                    .{|MESH1001:Http(r => r.Route(d => d.Destination(x => x.Host("ratings"))))|});

                System.Func<VirtualService> later = () => VirtualService.Create("details", vs => vs
                    .Hosts("details")
                    .{|MESH1001:Http(r => r.Route(d => d.Destination(x => x.Host("details"))))|});

                yield return Local("ratings");
                yield return later();
            }
        }

        [System.CodeDom.Compiler.GeneratedCode("a tool", "1.0")]
        class GeneratedRoutes
        {
            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Hosts("reviews")
                .Http(r => r.Route(d => d.Destination(x => x.Host("reviews")))));
        }
        """, "MESH1001");

    [Fact]
    public Task A_timeout_that_is_not_a_constant_still_counts_as_set() => Verify.Analyzer("""
        class Routes
        {
            static string Timeout() => System.Environment.GetEnvironmentVariable("T") ?? "5s";

            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Hosts("reviews")
                .Http(r => r.Route(d => d.Destination(x => x.Host("reviews"))).Timeout(Timeout())));
        }
        """, "MESH1001");

    [Fact]
    public Task A_route_built_by_code_the_analyzer_cannot_follow_is_not_reported() => Verify.Analyzer("""
        static class RouteDefaults
        {
            public static HTTPRouteBuilder WithDefaults(this HTTPRouteBuilder route) => route;
        }

        class Routes
        {
            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Hosts("reviews")
                .Http(r => r.Route(d => d.Destination(x => x.Host("reviews"))).WithDefaults()));
        }
        """, "MESH1001");

    [Fact]
    public Task A_call_on_an_enclosing_lambdas_builder_leaves_the_route_open() => Verify.Analyzer("""
        class Routes
        {
            // vs.Hosts inside the route's lambda writes to the VirtualService, not to the route: what else the route
            // lambda does is not followed, so the route is not known to lack a timeout.
            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Hosts("reviews")
                .Http(r => { r.Route(d => d.Destination(x => x.Host("reviews"))); vs.Hosts("ratings"); }));
        }
        """, "MESH1001");

    [Fact]
    public Task Retries_without_per_try_timeout_and_a_budget_beyond_the_timeout_are_reported() => Verify.Analyzer("""
        class Routes
        {
            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Hosts("reviews")
                .Http(r => r
                    .Route(d => d.Destination(x => x.Host("reviews")))
                    .Timeout("10s")
                    .{|MESH1002:Retries(x => x.Attempts(3))|})
                .Http(r => r
                    .Route(d => d.Destination(x => x.Host("reviews")))
                    .Timeout("3s")
                    .{|MESH1003:Retries(x => x.Attempts(2).PerTryTimeout("2s"))|}));
        }
        """, "MESH1002", "MESH1003");

    [Fact]
    public Task An_allow_all_rule_and_disabled_mtls_are_reported() => Verify.Analyzer("""
        class Policies
        {
            static AuthorizationPolicy Open = AuthorizationPolicy.Create("open", ap => ap
                .Namespace("shop")
                .Action(AuthorizationPolicyAction.Allow)
                .{|MESH1042:Rules(r => { })|});

            static PeerAuthentication Plain = PeerAuthentication.Create("plain", pa => pa
                .Namespace("shop")
                .Mtls(m => m.{|MESH1041:Mode(MutualTLSMode.Disable)|}));
        }
        """, "MESH1041", "MESH1042");

    [Fact]
    public Task Permissive_mtls_is_reported_only_in_namespaces_configured_as_production() => Verify.AnalyzerWithOptions(
        """
        class Policies
        {
            static PeerAuthentication Prod = PeerAuthentication.Create("p", pa => pa
                .Namespace("payments")
                .Mtls(m => m.{|MESH1049:Mode(MutualTLSMode.Permissive)|}));

            static PeerAuthentication Dev = PeerAuthentication.Create("d", pa => pa
                .Namespace("dev")
                .Mtls(m => m.Mode(MutualTLSMode.Permissive)));
        }
        """,
        "meshdsl_production_namespaces = payments, orders\n",
        "MESH1049");

    [Fact]
    public Task Two_members_of_an_at_most_one_of_group_are_an_error_at_the_second() => Verify.Analyzer("""
        class Routes
        {
            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Hosts("reviews")
                .Http(r => r
                    .Match(m => m.Uri(u => u.Exact("/a").{|MESH0208:Prefix("/b")|}))
                    .Route(d => d.Destination(x => x.Host("reviews")))
                    .Timeout("10s")));
        }
        """, "MESH1001");
}

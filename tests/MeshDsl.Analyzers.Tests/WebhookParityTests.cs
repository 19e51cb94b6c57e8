using System.Threading.Tasks;
using Xunit;

namespace MeshDsl.Analyzers.Tests;

/// <summary>Istio's webhook checks for HTTP routes (MESH0302) while typing: reported on known values only.</summary>
public sealed class WebhookParityTests
{
    [Fact]
    public Task A_route_with_two_actions_and_an_invalid_retry_policy_is_an_error_at_the_call() => Verify.Analyzer("""
        class Routes
        {
            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Hosts("reviews")
                .Http(r => r
                    .Route(d => d.Destination(x => x.Host("reviews")))
                    .{|MESH0302:Redirect(x => x.Uri("/v2"))|}
                    .Timeout("10s"))
                .Http(r => r
                    .Route(d => d.Destination(x => x.Host("reviews")))
                    .Timeout("10s")
                    .Retries(x => x.Attempts(2).PerTryTimeout("2s").{|MESH0302:RetryOn("5xx,teapot")|})));
        }
        """, "MESH1001");

    [Fact]
    public Task A_value_that_is_not_a_constant_is_not_judged() => Verify.Analyzer("""
        class Routes
        {
            static string Policy() => System.Environment.GetEnvironmentVariable("RETRY_ON") ?? "5xx";

            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Hosts("reviews")
                .Http(r => r
                    .Route(d => d.Destination(x => x.Host("reviews")))
                    .Timeout("10s")
                    .Retries(x => x.Attempts(2).PerTryTimeout("2s").RetryOn(Policy()))));
        }
        """, "MESH1001");
}

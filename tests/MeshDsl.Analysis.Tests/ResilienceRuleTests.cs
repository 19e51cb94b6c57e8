using Xunit;

namespace MeshDsl.Analysis.Tests;

/// <summary>MESH1001–MESH1003 and MESH1020–MESH1021 on YAML documents.</summary>
public sealed class ResilienceRuleTests
{
    private const string Route = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: reviews, namespace: default}
        spec:
          hosts: [reviews]
          http:
          - route: [{destination: {host: reviews}}]
        """;

    [Fact]
    public void A_forwarding_route_without_timeout_is_reported_and_one_with_a_timeout_is_not()
    {
        Assert.Equal(
            new[] { "spec.http[0]: spec.http[0] forwards traffic without a timeout; set one (for example timeout: 10s) so a slow upstream cannot hold callers indefinitely" },
            Analyze.Rule("MESH1001", Route));
        Assert.Empty(Analyze.Rule("MESH1001", Route + "\n    timeout: 10s"));
    }

    [Fact]
    public void A_redirect_route_needs_no_timeout()
    {
        Assert.Empty(Analyze.Rule("MESH1001", Route.Replace("- route: [{destination: {host: reviews}}]", "- redirect: {uri: /v2}")));
    }

    [Theory]
    [InlineData("retries: {attempts: 3}", 1)]
    [InlineData("retries: {attempts: 3, perTryTimeout: 2s}", 0)]
    [InlineData("retries: {attempts: 0}", 0)]
    public void Retries_need_a_per_try_timeout(string retries, int expected)
    {
        Assert.Equal(expected, Analyze.Rule("MESH1002", Route + "\n    timeout: 10s\n    " + retries).Count);
    }

    [Theory]
    [InlineData("10s", "retries: {attempts: 3, perTryTimeout: 2s}", 0)]
    [InlineData("6s", "retries: {attempts: 3, perTryTimeout: 2s}", 1)]
    [InlineData("2s", "retries: {attempts: 1, perTryTimeout: 2s}", 1)]
    [InlineData("4s", "retries: {attempts: 1, perTryTimeout: 2s}", 0)]
    public void The_retry_budget_must_fit_the_timeout(string timeout, string retries, int expected)
    {
        var findings = Analyze.Rule("MESH1003", Route + $"\n    timeout: {timeout}\n    " + retries);

        Assert.Equal(expected, findings.Count);
        if (expected > 0)
        {
            Assert.Contains("more than the route timeout " + timeout, findings[0]);
        }
    }

    [Theory]
    [InlineData("trafficPolicy: {loadBalancer: {simple: ROUND_ROBIN}}", true, true)]
    [InlineData("trafficPolicy: {outlierDetection: {consecutive5xxErrors: 5}}", false, true)]
    [InlineData("trafficPolicy: {connectionPool: {tcp: {maxConnections: 100}}}", true, false)]
    [InlineData("trafficPolicy: {connectionPool: {tcp: {connectTimeout: 1s}}}", true, true)]
    [InlineData("subsets: [{name: v1, labels: {version: v1}, trafficPolicy: {outlierDetection: {interval: 5s}, connectionPool: {http: {http2MaxRequests: 10}}}}]", false, false)]
    [InlineData("trafficPolicy: {portLevelSettings: [{port: {number: 80}, outlierDetection: {interval: 5s}}]}", false, true)]
    public void Destination_rules_need_outlier_detection_and_pool_limits_somewhere(string spec, bool noOutlier, bool noPool)
    {
        var yaml = $"apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {{name: reviews, namespace: default}}\nspec:\n  host: reviews\n  {spec}\n";

        Assert.Equal(noOutlier, Analyze.Rule("MESH1020", yaml).Count == 1);
        Assert.Equal(noPool, Analyze.Rule("MESH1021", yaml).Count == 1);
    }
}

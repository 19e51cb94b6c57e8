using Xunit;

namespace MeshDsl.Analysis.Tests;

/// <summary>MESH1004–MESH1009: faults, mirrors, weights and shadowed rules within one VirtualService.</summary>
public sealed class RoutingRuleTests
{
    private const string Head = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: reviews, namespace: default}
        spec:
          hosts: [reviews]

        """;

    private static string Http(string rules) => Head + "  http:\n" + rules;

    // ---- MESH1004 ------------------------------------------------------------------------------------------

    [Fact]
    public void A_fault_on_a_route_with_timeout_and_retries_is_reported()
    {
        var yaml = Http("""
              - fault: {abort: {httpStatus: 503, percentage: {value: 10}}}
                timeout: 5s
                retries: {attempts: 3, perTryTimeout: 1s}
                route: [{destination: {host: reviews}}]
            """);

        Assert.Equal(
            new[] { "spec.http[0].fault: spec.http[0] injects faults and also sets timeout and retries, which Istio does not enable while faults are injected; test them on a route without fault, or drop them here" },
            Analyze.Rule("MESH1004", yaml));
    }

    [Theory]
    [InlineData("route: [{destination: {host: reviews}}]")]
    [InlineData("retries: {attempts: 0}")]
    public void A_fault_without_timeout_or_working_retries_is_not_reported(string more)
    {
        Assert.Empty(Analyze.Rule("MESH1004", Http($"  - fault: {{abort: {{httpStatus: 503, percentage: {{value: 10}}}}}}\n    {more}\n")));
        Assert.Empty(Analyze.Rule("MESH1004", Http("  - timeout: 5s\n    route: [{destination: {host: reviews}}]\n")));
    }

    [Fact]
    public void Retries_whose_attempts_are_not_known_are_not_reported()
    {
        var yaml = Http("  - fault: {delay: {fixedDelay: 1s, percentage: {value: 5}}}\n    retries: {attempts: 3}\n");

        Assert.Empty(Partial.Rule("MESH1004", yaml, Partial.Unknown("spec", "http", 0, "retries", "attempts")));
    }

    // ---- MESH1005 ------------------------------------------------------------------------------------------

    [Fact]
    public void A_delay_or_abort_without_percentage_is_reported()
    {
        var yaml = Http("  - fault: {delay: {fixedDelay: 5s}, abort: {httpStatus: 503}}\n    route: [{destination: {host: reviews}}]\n");

        Assert.Equal(
            new[]
            {
                "spec.http[0].fault.delay: spec.http[0].fault.delay has no percentage, so no request is delayed; set percentage (for example percentage: {value: 10}), or remove the delay",
                "spec.http[0].fault.abort: spec.http[0].fault.abort has no percentage, so no request is aborted; set percentage (for example percentage: {value: 10}), or remove the abort",
            },
            Analyze.Rule("MESH1005", yaml));
        Assert.Single(Analyze.Rule("MESH1005", Http("  - fault: {delay: {fixedDelay: 5s, percent: 0}}\n")));
    }

    [Theory]
    [InlineData("{delay: {fixedDelay: 5s, percentage: {value: 10}}}")]
    [InlineData("{delay: {fixedDelay: 5s, percent: 10}}")]
    [InlineData("{abort: {httpStatus: 503, percentage: {value: 1}}}")]
    public void A_fault_with_a_percentage_is_not_reported(string fault)
    {
        Assert.Empty(Analyze.Rule("MESH1005", Http($"  - fault: {fault}\n")));
    }

    [Fact]
    public void A_fault_that_may_hold_more_is_not_reported()
    {
        var yaml = Http("  - fault: {delay: {fixedDelay: 5s}, abort: {httpStatus: 503}}\n");

        Assert.Empty(Partial.Rule("MESH1005", yaml, (facts, resources) =>
        {
            facts.MarkOpen(Partial.At(resources[0].Root, "spec", "http", 0, "fault", "delay"));
            facts.MarkOpen(Partial.At(resources[0].Root, "spec", "http", 0, "fault", "abort"));
        }));
    }

    // ---- MESH1006 ------------------------------------------------------------------------------------------

    [Fact]
    public void Mirrors_without_percentage_are_reported()
    {
        var yaml = Http("""
              - route: [{destination: {host: reviews}}]
                mirror: {host: reviews-shadow}
              - route: [{destination: {host: reviews}}]
                mirrors: [{destination: {host: a}, percentage: {value: 5}}, {destination: {host: b}}]
            """);

        Assert.Equal(
            new[]
            {
                "spec.http[0].mirror: spec.http[0].mirror has no mirrorPercentage, so every request is also sent to the mirror; set mirrorPercentage (for example {value: 10}) unless mirroring all traffic is intended",
                "spec.http[1].mirrors[1]: spec.http[1].mirrors[1] has no percentage, so every request is also sent to it; set percentage (for example {value: 10}) unless mirroring all traffic is intended",
            },
            Analyze.Rule("MESH1006", yaml));
    }

    [Fact]
    public void A_mirror_with_a_percentage_is_not_reported_nor_one_whose_route_may_hold_more()
    {
        Assert.Empty(Analyze.Rule("MESH1006", Http("  - route: [{destination: {host: reviews}}]\n    mirror: {host: shadow}\n    mirrorPercentage: {value: 5}\n")));
        Assert.Empty(Partial.Rule("MESH1006", Http("  - route: [{destination: {host: reviews}}]\n    mirror: {host: shadow}\n"), Partial.Open("spec", "http", 0)));
    }

    // ---- MESH1007 ------------------------------------------------------------------------------------------

    [Fact]
    public void A_rule_without_match_before_others_is_reported()
    {
        var yaml = Http("""
              - route: [{destination: {host: reviews, subset: v1}}]
              - match: [{headers: {end-user: {exact: jason}}}]
                route: [{destination: {host: reviews, subset: v2}}]
            """);

        Assert.Equal(
            new[] { "spec.http[0]: spec.http[0] has no match, so it takes every request and spec.http[1] is never used; move it last, or give it a narrower match (IST0130)" },
            Analyze.Rule("MESH1007", yaml));
    }

    [Theory]
    [InlineData("[{uri: {prefix: /}}]", "has match[0] (uri prefix '/'), which every request meets")]
    [InlineData("[{uri: {exact: /login}}, {name: all, uri: {regex: '.*'}}]", "has match[1] (uri regex '.*'), which every request meets")]
    [InlineData("[]", "has an empty match list")]
    public void An_always_true_match_before_others_is_reported(string match, string why)
    {
        var yaml = Http($"  - match: {match}\n    route: [{{destination: {{host: a}}}}]\n  - route: [{{destination: {{host: b}}}}]\n  - route: [{{destination: {{host: c}}}}]\n");

        Assert.Equal(
            new[] { $"spec.http[0]: spec.http[0] {why}, so it takes every request and spec.http[1] to spec.http[2] are never used; move it last, or give it a narrower match (IST0130)" },
            Analyze.Rule("MESH1007", yaml));
    }

    [Theory]
    [InlineData("  - match: [{uri: {prefix: /api}}]\n    route: [{destination: {host: a}}]\n  - route: [{destination: {host: b}}]\n")]
    [InlineData("  - match: [{uri: {prefix: /}, method: {exact: GET}}]\n    route: [{destination: {host: a}}]\n  - route: [{destination: {host: b}}]\n")]
    [InlineData("  - route: [{destination: {host: b}}]\n")]
    public void A_catch_all_last_or_a_real_match_is_not_reported(string rules)
    {
        Assert.Empty(Analyze.Rule("MESH1007", Http(rules)));
    }

    [Fact]
    public void A_tcp_rule_without_match_before_others_is_reported()
    {
        var yaml = Head + "  tcp:\n  - route: [{destination: {host: db}}]\n  - match: [{port: 5432}]\n    route: [{destination: {host: pg}}]\n";

        Assert.Single(Analyze.Rule("MESH1007", yaml));
    }

    [Fact]
    public void A_rule_whose_match_is_not_known_is_not_reported()
    {
        var noMatch = Http("  - route: [{destination: {host: a}}]\n  - route: [{destination: {host: b}}]\n");
        var prefix = Http("  - match: [{uri: {prefix: /}}]\n    route: [{destination: {host: a}}]\n  - route: [{destination: {host: b}}]\n");

        Assert.Empty(Partial.Rule("MESH1007", noMatch, Partial.Open("spec", "http", 0)));
        Assert.Empty(Partial.Rule("MESH1007", prefix, Partial.Unknown("spec", "http", 0, "match", 0, "uri", "prefix")));
        Assert.Empty(Partial.Rule("MESH1007", prefix, Partial.Open("spec", "http", 0, "match", 0)));
    }

    // ---- MESH1008 ------------------------------------------------------------------------------------------

    [Fact]
    public void A_match_under_an_earlier_bare_prefix_is_reported()
    {
        var yaml = Http("""
              - match: [{uri: {prefix: /api}}]
                route: [{destination: {host: a}}]
              - match: [{uri: {prefix: /api/v2}, headers: {x-beta: {exact: "1"}}}, {uri: {exact: /health}}]
                route: [{destination: {host: b}}]
              - match: [{uri: {exact: /api}}]
                route: [{destination: {host: c}}]
            """);

        Assert.Equal(
            new[]
            {
                "spec.http[1].match[0]: spec.http[1].match[0] (uri prefix '/api/v2') is never used: spec.http[0].match[0] comes first and matches uri prefix '/api' with no other condition; move spec.http[1] before spec.http[0] (IST0131)",
                "spec.http[2].match[0]: spec.http[2].match[0] (uri exact '/api') is never used: spec.http[0].match[0] comes first and matches uri prefix '/api' with no other condition; move spec.http[2] before spec.http[0] (IST0131)",
            },
            Analyze.Rule("MESH1008", yaml));
    }

    [Theory]
    [InlineData("[{uri: {prefix: /api}, method: {exact: GET}}]", "[{uri: {prefix: /api/v2}}]")]
    [InlineData("[{uri: {prefix: /api}}]", "[{uri: {prefix: /ap}}]")]
    [InlineData("[{uri: {prefix: /api}}]", "[{uri: {prefix: /API/v2}, ignoreUriCase: true}]")]
    [InlineData("[{uri: {exact: /api}}]", "[{uri: {prefix: /api}}]")]
    [InlineData("[{uri: {regex: /api.*}}]", "[{uri: {prefix: /api/v2}}]")]
    public void A_later_match_the_earlier_one_does_not_cover_is_not_reported(string first, string second)
    {
        var yaml = Http($"  - match: {first}\n    route: [{{destination: {{host: a}}}}]\n  - match: {second}\n    route: [{{destination: {{host: b}}}}]\n");

        Assert.Empty(Analyze.Rule("MESH1008", yaml));
    }

    [Fact]
    public void Covers_within_one_rule_or_through_an_open_match_are_not_reported()
    {
        Assert.Empty(Analyze.Rule("MESH1008", Http("  - match: [{uri: {prefix: /api}}, {uri: {prefix: /api/v2}}]\n    route: [{destination: {host: a}}]\n")));

        var yaml = Http("  - match: [{uri: {prefix: /api}}]\n    route: [{destination: {host: a}}]\n  - match: [{uri: {prefix: /api/v2}}]\n    route: [{destination: {host: b}}]\n");
        Assert.Single(Analyze.Rule("MESH1008", yaml));
        Assert.Empty(Partial.Rule("MESH1008", yaml, Partial.Open("spec", "http", 0, "match", 0)));
        Assert.Empty(Partial.Rule("MESH1008", yaml, Partial.Unknown("spec", "http", 1, "match", 0, "uri", "prefix")));
        Assert.Empty(Partial.Rule("MESH1008", yaml, Partial.Open("spec", "http", 1, "match", 0)));
    }

    // ---- MESH1009 ------------------------------------------------------------------------------------------

    [Fact]
    public void A_destination_without_weight_beside_weighted_ones_is_reported()
    {
        var yaml = Http("  - route: [{destination: {host: reviews, subset: v1}, weight: 90}, {destination: {host: reviews, subset: v2}}, {destination: {host: reviews, subset: v3}, weight: 0}]\n");

        Assert.Equal(
            new[]
            {
                "spec.http[0].route[1]: spec.http[0].route[1] has no weight while other destinations of the route have one, so it gets no traffic; give it a weight, or remove it",
                "spec.http[0].route[2]: spec.http[0].route[2] has weight 0 while other destinations of the route have one, so it gets no traffic; give it a weight, or remove it",
            },
            Analyze.Rule("MESH1009", yaml));
        Assert.Single(Analyze.Rule("MESH1009", Head + "  tcp:\n  - route: [{destination: {host: a}, weight: 50}, {destination: {host: b}}]\n"));
    }

    [Theory]
    [InlineData("[{destination: {host: reviews}}]")]
    [InlineData("[{destination: {host: reviews, subset: v1}, weight: 50}, {destination: {host: reviews, subset: v2}, weight: 50}]")]
    [InlineData("[{destination: {host: reviews, subset: v1}}, {destination: {host: reviews, subset: v2}}]")]
    public void Single_fully_weighted_or_unweighted_destinations_are_not_reported(string route)
    {
        Assert.Empty(Analyze.Rule("MESH1009", Http($"  - route: {route}\n")));
    }

    [Fact]
    public void A_weight_that_is_not_known_is_not_reported()
    {
        var yaml = Http("  - route: [{destination: {host: reviews, subset: v1}, weight: 90}, {destination: {host: reviews, subset: v2}, weight: 0}]\n");

        Assert.Empty(Partial.Rule("MESH1009", yaml, Partial.Unknown("spec", "http", 0, "route", 1, "weight")));
        Assert.Empty(Partial.Rule("MESH1009", Http("  - route: [{destination: {host: a}, weight: 90}, {destination: {host: b}}]\n"), Partial.Open("spec", "http", 0, "route", 1)));
    }
}

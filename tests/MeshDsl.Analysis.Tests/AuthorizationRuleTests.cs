using Xunit;

namespace MeshDsl.Analysis.Tests;

/// <summary>MESH1043–MESH1045 and MESH1054: match polarity, host matches without a port, default deny.</summary>
public sealed class AuthorizationRuleTests
{
    private static string Policy(string name, string ns, string spec) => Manifests.AuthorizationPolicy(name, ns, spec);

    private static string Operation(string action, string operation, string when = "[]") =>
        Policy("api", "production", $"{{action: {action}, rules: [{{to: [{{operation: {operation}}}], when: {when}}}]}}");

    [Theory]
    [InlineData("ALLOW", "{notPaths: [/admin*]}", "spec.rules[0].to[0].operation.notPaths")]
    [InlineData("ALLOW", "{methods: [GET], notMethods: [DELETE]}", "spec.rules[0].to[0].operation.notMethods")]
    [InlineData("DENY", "{paths: [/admin*]}", "spec.rules[0].to[0].operation.paths")]
    [InlineData("DENY", "{hosts: [admin.example.com, \"admin.example.com:*\"]}", "spec.rules[0].to[0].operation.hosts")]
    public void Negative_allow_and_positive_deny_matches_are_reported(string action, string operation, string path)
    {
        var findings = Analyze.Rule("MESH1043", Operation(action, operation));

        Assert.Equal(new[] { path }, findings.ConvertAll(f => f.Substring(0, f.IndexOf(':'))));
        Assert.Contains($"is {(action == "ALLOW" ? "an ALLOW" : "a DENY")} policy that matches", findings[0]);
    }

    [Theory]
    [InlineData("ALLOW", "{paths: [/api/*], methods: [GET]}", "[]")]
    [InlineData("DENY", "{notPaths: [/public/*]}", "[]")]
    [InlineData("DENY", "{methods: [DELETE]}", "[{key: source.ip, values: [10.0.0.1]}]")]
    [InlineData("CUSTOM", "{notPaths: [/health]}", "[]")]
    public void Positive_allow_negative_deny_and_ip_conditions_are_not_reported(string action, string operation, string when)
    {
        Assert.Empty(Analyze.Rule("MESH1043", Operation(action, operation, when)));
    }

    [Fact]
    public void Conditions_follow_the_same_polarity_for_header_values()
    {
        Assert.Equal(
            new[] { "spec.rules[0].when[0].values" },
            Analyze.Rule("MESH1043", Operation("DENY", "{methods: [GET]}", "[{key: \"request.headers[x-user]\", values: [admin]}]")).ConvertAll(f => f.Substring(0, f.IndexOf(':'))));
        Assert.Single(Analyze.Rule("MESH1043", Operation("ALLOW", "{methods: [GET]}", "[{key: source.ip, notValues: [10.0.0.1]}]")));
    }

    [Fact]
    public void Polarity_is_not_judged_when_the_action_is_not_known()
    {
        Assert.Empty(Partial.Rule("MESH1043", Operation("ALLOW", "{notPaths: [/admin*]}"), Partial.Unknown("spec", "action")));
    }

    [Fact]
    public void A_deny_host_without_its_port_variant_is_a_warning()
    {
        Assert.Equal(
            new[] { "spec.rules[0].to[0].operation.hosts[0]: AuthorizationPolicy production/api: spec.rules[0].to[0].operation.hosts lists 'admin.example.com' without 'admin.example.com:*', so a request with Host: admin.example.com:80 does not match it and escapes the policy; add 'admin.example.com:*' to hosts" },
            Analyze.Rule("MESH1044", Operation("DENY", "{hosts: [admin.example.com]}")));
        Assert.Empty(Analyze.Rule("MESH1054", Operation("DENY", "{hosts: [admin.example.com]}")));
    }

    [Fact]
    public void An_allow_host_without_its_port_variant_is_info()
    {
        var findings = Analyze.Rule("MESH1054", Operation("ALLOW", "{hosts: [api.example.com, \"*.internal\"]}"));

        Assert.Equal(new[] { "spec.rules[0].to[0].operation.hosts[0]" }, findings.ConvertAll(f => f.Substring(0, f.IndexOf(':'))));
        Assert.Contains("and is refused", findings[0]);
        Assert.Contains("escapes the policy", Analyze.Rule("MESH1054", Operation("ALLOW", "{notHosts: [admin.example.com]}"))[0]);
        Assert.Empty(Analyze.Rule("MESH1044", Operation("ALLOW", "{hosts: [api.example.com]}")));
    }

    [Theory]
    [InlineData("{hosts: [admin.example.com, \"admin.example.com:*\"]}")]
    [InlineData("{hosts: [\"admin.example.com:443\"]}")]
    [InlineData("{hosts: [\"*.example.com\"]}")]
    public void Hosts_with_their_port_variant_a_port_or_a_wildcard_are_not_reported(string operation)
    {
        Assert.Empty(Analyze.Rule("MESH1044", Operation("DENY", operation)));
    }

    [Fact]
    public void A_host_list_that_may_hold_the_port_variant_is_not_reported()
    {
        var yaml = Operation("DENY", "{hosts: [admin.example.com, other.example.com]}");

        Assert.Empty(Partial.Rule("MESH1044", yaml, Partial.Open("spec", "rules", 0, "to", 0, "operation", "hosts")));
        Assert.Empty(Partial.Rule("MESH1044", yaml, Partial.Unknown("spec", "rules", 0, "to", 0, "operation", "hosts", 1)));
        Assert.Empty(Partial.Rule("MESH1054", Operation("ALLOW", "{hosts: [api.example.com]}"), Partial.Open("spec", "rules", 0, "to", 0, "operation", "hosts")));
    }

    private static readonly string AllowApi = Policy("api-access", "production", "{rules: [{from: [{source: {namespaces: [production]}}]}]}");

    [Fact]
    public void A_namespace_with_allow_policies_and_no_baseline_is_reported_once()
    {
        var yaml = AllowApi + Policy("web-access", "production", "{action: ALLOW, rules: [{to: [{operation: {methods: [GET]}}]}]}");

        Assert.Equal(
            new[] { "metadata.namespace: namespace 'production' has ALLOW policies (AuthorizationPolicy production/api-access first) but no allow-nothing baseline, so a workload they do not select accepts every request; add an AuthorizationPolicy with an empty spec (spec: {}) in 'production', or one in the root namespace 'istio-system' for the whole mesh" },
            Analyze.Rule("MESH1045", yaml));
    }

    [Theory]
    [InlineData("deny-all", "production", "{}")]
    [InlineData("allow-nothing", "istio-system", "{}")]
    [InlineData("allow-nothing", "production", "{action: ALLOW}")]
    [InlineData("allow-nothing", "production", "null")]
    public void A_baseline_in_the_namespace_or_the_root_namespace_satisfies_the_rule(string name, string ns, string spec)
    {
        Assert.Empty(Analyze.Rule("MESH1045", AllowApi + Policy(name, ns, spec)));
    }

    [Theory]
    [InlineData("other", "{}")]
    [InlineData("production", "{selector: {matchLabels: {app: api}}}")]
    [InlineData("production", "{action: DENY, rules: [{}]}")]
    public void A_baseline_elsewhere_a_workload_baseline_or_a_deny_all_does_not_count(string ns, string spec)
    {
        Assert.Single(Analyze.Rule("MESH1045", AllowApi + Policy("baseline", ns, spec)));
    }

    [Fact]
    public void A_policy_that_may_be_a_baseline_silences_the_rule()
    {
        var yaml = Policy("maybe-baseline", "production", "{action: DENY}") + AllowApi;

        Assert.Single(Analyze.Rule("MESH1045", yaml));
        Assert.Empty(Partial.Rule("MESH1045", yaml, Partial.Unknown("spec", "action")));
    }

    [Fact]
    public void A_policy_whose_namespace_is_not_known_is_not_reported_nor_a_baseline_elsewhere()
    {
        Assert.Empty(Partial.Rule("MESH1045", AllowApi, Partial.Unknown("metadata", "namespace")));
        Assert.Empty(Partial.Rule("MESH1045", Policy("maybe-baseline", "other", "{}") + AllowApi, Partial.Unknown("metadata", "namespace")));
    }
}

using Xunit;

namespace MeshDsl.Analysis.Tests;

/// <summary>MESH1040–MESH1042, MESH1047–MESH1049: PeerAuthentication, allow-all and dry-run policies, JWKS over HTTP.</summary>
public sealed class SecurityRuleTests
{
    private static readonly AnalysisOptions Production = new() { ProductionNamespaces = new[] { "production" } };

    private static string PeerAuthentication(string ns, string spec) => $"""
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: {"{"}name: default, namespace: {ns}{"}"}
        spec: {spec}
        """;

    private static string AuthorizationPolicy(string spec, string annotations = "{}") => $"""
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {"{"}name: api, namespace: production, annotations: {annotations}{"}"}
        spec: {spec}
        """;

    [Theory]
    [InlineData("{mtls: {mode: PERMISSIVE}}", "PERMISSIVE")]
    [InlineData("{mtls: {mode: DISABLE}}", "DISABLE")]
    [InlineData("{}", "UNSET")]
    public void A_mesh_wide_policy_that_is_not_strict_is_reported(string spec, string mode)
    {
        Assert.Equal(
            new[] { $"spec.mtls.mode: PeerAuthentication istio-system/default is the mesh-wide mTLS policy and its mode is {mode}; set mode: STRICT once every workload has a sidecar" },
            Analyze.Rule("MESH1040", PeerAuthentication("istio-system", spec)));
    }

    [Theory]
    [InlineData("istio-system", "{mtls: {mode: STRICT}}")]
    [InlineData("istio-system", "{selector: {matchLabels: {app: api}}, mtls: {mode: PERMISSIVE}}")]
    [InlineData("production", "{mtls: {mode: PERMISSIVE}}")]
    public void A_strict_selected_or_namespace_policy_is_not_mesh_wide_trouble(string ns, string spec)
    {
        Assert.Empty(Analyze.Rule("MESH1040", PeerAuthentication(ns, spec)));
    }

    [Fact]
    public void A_mesh_wide_policy_whose_mode_or_spec_is_not_known_is_not_reported()
    {
        Assert.Empty(Partial.Rule("MESH1040", PeerAuthentication("istio-system", "{mtls: {mode: PERMISSIVE}}"), Partial.Unknown("spec", "mtls", "mode")));
        Assert.Empty(Partial.Rule("MESH1040", PeerAuthentication("istio-system", "{}"), Partial.Open("spec")));
    }

    [Fact]
    public void Disabling_mtls_for_a_namespace_is_reported_and_strict_is_not()
    {
        Assert.Equal(
            new[] { "spec.mtls.mode: PeerAuthentication production/default disables mTLS; use STRICT, or PERMISSIVE only while clients without sidecars are migrated" },
            Analyze.Rule("MESH1041", PeerAuthentication("production", "{mtls: {mode: DISABLE}}")));
        Assert.Empty(Analyze.Rule("MESH1041", PeerAuthentication("production", "{mtls: {mode: STRICT}}")));
        // The mesh-wide policy is MESH1040's.
        Assert.Empty(Analyze.Rule("MESH1041", PeerAuthentication("istio-system", "{mtls: {mode: DISABLE}}")));
    }

    [Fact]
    public void A_mode_that_is_not_known_is_not_reported_as_disabled()
    {
        Assert.Empty(Partial.Rule("MESH1041", PeerAuthentication("production", "{mtls: {mode: DISABLE}}"), Partial.Unknown("spec", "mtls", "mode")));
    }

    [Fact]
    public void Permissive_mtls_is_reported_only_in_production_namespaces()
    {
        var yaml = PeerAuthentication("production", "{mtls: {mode: PERMISSIVE}}");

        Assert.Equal(
            new[] { "spec.mtls.mode: PeerAuthentication production/default is PERMISSIVE in production namespace 'production'; set mode: STRICT" },
            Analyze.Rule("MESH1049", yaml, Production));
        Assert.Empty(Analyze.Rule("MESH1049", yaml));
        Assert.Empty(Analyze.Rule("MESH1049", PeerAuthentication("production", "{mtls: {mode: STRICT}}"), Production));
        Assert.Empty(Partial.Rule("MESH1049", yaml, Partial.Unknown("spec", "mtls", "mode"), Production));
    }

    [Fact]
    public void An_allow_policy_with_an_empty_rule_is_reported()
    {
        Assert.Equal(
            new[] { "spec.rules[1]: AuthorizationPolicy production/api allows every request: rule spec.rules[1] is empty ({}); remove it, or say who may call what (from, to, when)" },
            Analyze.Rule("MESH1042", AuthorizationPolicy("{rules: [{from: [{source: {namespaces: [production]}}]}, {}]}")));
    }

    [Theory]
    [InlineData("{rules: [{from: [{source: {namespaces: [production]}}]}]}")]
    [InlineData("{action: DENY, rules: [{}]}")]
    [InlineData("{}")]
    public void Allow_policies_with_conditions_deny_policies_and_allow_nothing_are_not_allow_all(string spec)
    {
        Assert.Empty(Analyze.Rule("MESH1042", AuthorizationPolicy(spec)));
    }

    [Fact]
    public void An_empty_looking_rule_that_may_hold_more_or_an_unknown_action_is_not_reported()
    {
        var yaml = AuthorizationPolicy("{action: ALLOW, rules: [{}]}");

        Assert.Empty(Partial.Rule("MESH1042", yaml, Partial.Open("spec", "rules", 0)));
        Assert.Empty(Partial.Rule("MESH1042", yaml, Partial.Unknown("spec", "action")));
    }

    [Theory]
    [InlineData("\"true\"", 1)]
    [InlineData("\"True\"", 1)]
    [InlineData("\"false\"", 0)]
    public void A_dry_run_policy_is_reported(string value, int expected)
    {
        var findings = Analyze.Rule("MESH1047", AuthorizationPolicy("{rules: [{from: [{source: {namespaces: [production]}}]}]}", $"{{istio.io/dry-run: {value}}}"));

        Assert.Equal(expected, findings.Count);
        if (expected > 0)
        {
            Assert.StartsWith("metadata.annotations.istio.io/dry-run: AuthorizationPolicy production/api is in dry-run", findings[0]);
        }
    }

    [Fact]
    public void A_dry_run_annotation_whose_value_is_not_known_is_not_reported()
    {
        var yaml = AuthorizationPolicy("{}", "{istio.io/dry-run: \"true\"}");

        Assert.Empty(Partial.Rule("MESH1047", yaml, Partial.Unknown("metadata", "annotations", "istio.io/dry-run")));
    }

    private const string RequestAuthentication = """
        apiVersion: security.istio.io/v1
        kind: RequestAuthentication
        metadata: {name: jwt, namespace: production}
        spec:
          jwtRules:
          - issuer: https://auth.example.com
            jwksUri: https://auth.example.com/jwks.json
          - issuer: http://legacy.example.com
            jwksUri: http://legacy.example.com/jwks.json
        """;

    [Fact]
    public void A_jwks_uri_over_plain_http_is_reported_and_https_is_not()
    {
        Assert.Equal(
            new[] { "spec.jwtRules[1].jwksUri: RequestAuthentication production/jwt fetches signing keys from http://legacy.example.com/jwks.json over plain HTTP (spec.jwtRules[1].jwksUri); use an https:// URL" },
            Analyze.Rule("MESH1048", RequestAuthentication));
    }

    [Fact]
    public void A_jwks_uri_that_is_not_known_is_not_reported()
    {
        Assert.Empty(Partial.Rule("MESH1048", RequestAuthentication, Partial.Unknown("spec", "jwtRules", 1, "jwksUri")));
    }
}

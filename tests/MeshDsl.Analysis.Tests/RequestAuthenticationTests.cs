using Xunit;

namespace MeshDsl.Analysis.Tests;

/// <summary>MESH1046: a RequestAuthentication that no AuthorizationPolicy backs with a request-principal requirement.</summary>
public sealed class RequestAuthenticationTests
{
    private static string Jwt(string ns = "production", string selector = "selector: {matchLabels: {app: api}}") =>
        Manifests.Resource("security.istio.io/v1", "RequestAuthentication", "jwt", ns, $"""
            spec:
              {selector}
              jwtRules:
              - issuer: https://auth.example.com
                jwksUri: https://auth.example.com/.well-known/jwks.json
            """);

    private static string Policy(string name, string ns, string spec) => Manifests.AuthorizationPolicy(name, ns, spec);

    // Lets the frontend in by its mTLS identity: nothing about tokens.
    private static readonly string ByNamespace = Policy("api-access", "production", "{selector: {matchLabels: {app: api}}, action: ALLOW, rules: [{from: [{source: {namespaces: [frontend]}}]}]}");

    [Fact]
    public void A_request_authentication_no_policy_backs_is_reported()
    {
        Assert.Equal(
            new[] { "spec.jwtRules: RequestAuthentication production/jwt validates JWTs for the workloads app=api in namespace 'production', but a request without a token passes it (only an invalid token is rejected), and no AuthorizationPolicy for those workloads requires a request principal: AuthorizationPolicy production/api-access admits requests by rules that do not read the token; add an ALLOW policy with the same selector whose rules require from.source.requestPrincipals ([\"*\"]: any valid token), or a DENY policy with notRequestPrincipals: [\"*\"]" },
            Analyze.Rule("MESH1046", Jwt() + ByNamespace));
    }

    [Fact]
    public void Without_an_allow_policy_every_request_is_admitted_and_an_allow_nothing_baseline_refuses_them()
    {
        var elsewhere = Policy("billing-access", "billing", "{rules: [{from: [{source: {namespaces: [billing]}}]}]}");
        var baseline = Policy("allow-nothing", "production", "{}");

        Assert.EndsWith(
            "requires a request principal: no ALLOW policy applies to them, so every request is admitted; add an ALLOW policy with the same selector whose rules require from.source.requestPrincipals ([\"*\"]: any valid token), or a DENY policy with notRequestPrincipals: [\"*\"]",
            Assert.Single(Analyze.Rule("MESH1046", Jwt() + elsewhere)));
        Assert.Empty(Analyze.Rule("MESH1046", Jwt() + elsewhere + baseline));
        Assert.Single(Analyze.Rule("MESH1046", Jwt() + baseline + ByNamespace));
    }

    [Theory]
    [InlineData("istio-system", "", "every workload in every namespace")]
    [InlineData("production", "", "every workload in namespace 'production'")]
    public void A_namespace_or_mesh_wide_request_authentication_names_its_scope(string ns, string selector, string scope)
    {
        Assert.Contains($"validates JWTs for {scope}, but", Assert.Single(Analyze.Rule("MESH1046", Jwt(ns, selector) + ByNamespace)));
    }

    [Theory]
    [InlineData("production", "{selector: {matchLabels: {app: api}}, rules: [{from: [{source: {requestPrincipals: ['*']}}]}]}")]
    [InlineData("production", "{action: DENY, rules: [{from: [{source: {notRequestPrincipals: ['*']}}]}]}")]
    [InlineData("production", "{selector: {matchLabels: {app: api}}, rules: [{when: [{key: 'request.auth.claims[iss]', values: [https://auth.example.com]}]}]}")]
    [InlineData("istio-system", "{rules: [{from: [{source: {requestPrincipals: ['https://auth.example.com/*']}}]}]}")]
    [InlineData("production", "{action: CUSTOM, provider: {name: oauth2-proxy}, rules: [{to: [{operation: {paths: ['/api/*']}}]}]}")]
    public void A_policy_that_requires_a_token_for_the_same_workloads_is_enforcement(string ns, string spec)
    {
        Assert.Empty(Analyze.Rule("MESH1046", Jwt() + ByNamespace + Policy("require-jwt", ns, spec)));
    }

    [Theory]
    [InlineData("production", "{selector: {matchLabels: {app: web}}, rules: [{from: [{source: {requestPrincipals: ['*']}}]}]}")]
    [InlineData("billing", "{rules: [{from: [{source: {requestPrincipals: ['*']}}]}]}")]
    public void A_token_requirement_for_other_workloads_does_not_count(string ns, string spec)
    {
        Assert.Single(Analyze.Rule("MESH1046", Jwt() + ByNamespace + Policy("require-jwt", ns, spec)));
    }

    [Fact]
    public void Nothing_is_reported_without_any_authorization_policy_in_the_set_or_for_a_gateway_target()
    {
        Assert.Empty(Analyze.Rule("MESH1046", Jwt()));
        Assert.Empty(Analyze.Rule("MESH1046", Jwt(selector: "targetRefs: [{kind: Gateway, group: gateway.networking.k8s.io, name: web}]") + ByNamespace));
    }

    [Fact]
    public void A_policy_or_a_scope_that_is_not_known_may_be_the_enforcement()
    {
        var yaml = Jwt() + ByNamespace;

        Assert.Empty(Partial.Rule("MESH1046", yaml, Partial.Unknown("spec", "selector", "matchLabels", "app")));
        Assert.Empty(Partial.Rule("MESH1046", yaml, (facts, r) => facts.MarkOpen(Partial.At(r[1].Root, "spec", "rules"))));
        Assert.Empty(Partial.Rule("MESH1046", yaml, (facts, r) => facts.MarkOpen(Partial.At(r[1].Root, "spec", "rules", 0, "from", 0, "source"))));
        Assert.Empty(Partial.Rule("MESH1046", yaml, (facts, r) => facts.MarkUnknown(Partial.At(r[1].Root, "spec", "action"))));
    }

    [Fact]
    public void A_token_requirement_whose_scope_is_not_known_may_cover_the_workloads()
    {
        const string RequireJwt = "{rules: [{from: [{source: {requestPrincipals: ['*']}}]}]}";
        var otherNamespace = Jwt() + ByNamespace + Policy("require-jwt", "billing", RequireJwt);
        var otherWorkloads = Jwt() + ByNamespace + Policy("require-jwt", "production", "{selector: {matchLabels: {app: web}}, " + RequireJwt.Substring(1));

        Assert.Single(Analyze.Rule("MESH1046", otherNamespace));
        Assert.Empty(Partial.Rule("MESH1046", otherNamespace, (facts, r) => facts.MarkUnknown(Partial.At(r[2].Root, "metadata", "namespace"))));
        Assert.Single(Analyze.Rule("MESH1046", otherWorkloads));
        Assert.Empty(Partial.Rule("MESH1046", otherWorkloads, (facts, r) => facts.MarkUnknown(Partial.At(r[2].Root, "spec", "selector", "matchLabels", "app"))));
    }
}

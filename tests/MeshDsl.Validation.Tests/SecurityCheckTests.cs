using Xunit;

namespace MeshDsl.Validation.Tests;

/// <summary>Istio's webhook-only AuthorizationPolicy and RequestAuthentication checks (ISTIO-CHECKS.md §B.7, §B.8).</summary>
public sealed class SecurityCheckTests
{
    public static TheoryData<string, string, string, string, string, FindingSeverity> Cases => new()
    {
        // kind, check, violating spec, passing spec, path, severity
        { "AuthorizationPolicy", "AP02", "action: CUSTOM\nprovider: {name: ext-authz}", "action: CUSTOM\nprovider: {name: ext-authz}\nrules: [{}]", "spec.rules", FindingSeverity.Error },
        { "AuthorizationPolicy", "AP03", "action: CUSTOM\nrules: [{}]", "action: CUSTOM\nprovider: {name: ext-authz}\nrules: [{}]", "spec.provider", FindingSeverity.Error },
        { "AuthorizationPolicy", "AP05", "action: ALLOW\nprovider: {name: ext-authz}\nrules: [{}]", "action: ALLOW\nrules: [{}]", "spec.provider", FindingSeverity.Error },
        { "AuthorizationPolicy", "AP06", "action: DENY", "action: DENY\nrules: [{from: [{source: {namespaces: [test]}}]}]", "spec.rules", FindingSeverity.Error },
        { "AuthorizationPolicy", "AP07", "rules: [{from: []}]", "rules: [{from: [{source: {namespaces: [prod]}}]}]", "spec.rules[0].from", FindingSeverity.Error },
        { "AuthorizationPolicy", "AP07", "rules: [{to: [{operation: {}}]}]", "rules: [{to: [{operation: {methods: [GET]}}]}]", "spec.rules[0].to[0].operation", FindingSeverity.Error },
        { "AuthorizationPolicy", "AP09", "rules: [{to: [{operation: {ports: [\"http\"]}}]}]", "rules: [{to: [{operation: {ports: [\"8080\"]}}]}]", "spec.rules[0].to[0].operation.ports", FindingSeverity.Error },
        { "AuthorizationPolicy", "AP10", "rules: [{when: [{key: destination.namespace, values: [a]}]}]", "rules: [{when: [{key: source.namespace, values: [a]}]}]", "spec.rules[0].when[0].key", FindingSeverity.Error },
        { "AuthorizationPolicy", "AP10", "rules: [{when: [{key: \"request.headers[x-id]\"}]}]", "rules: [{when: [{key: \"request.headers[x-id]\", values: [a]}]}]", "spec.rules[0].when[0]", FindingSeverity.Error },
        { "AuthorizationPolicy", "AP11", "action: DENY\nrules: [{to: [{operation: {paths: [/admin]}}]}]", "action: DENY\nrules: [{to: [{operation: {paths: [/admin], ports: [\"8080\"]}}]}]", "spec.rules[0]", FindingSeverity.Warning },
        { "RequestAuthentication", "RA03", "jwtRules: [{audiences: [api]}]", "jwtRules: [{issuer: https://auth.example.com, audiences: [api]}]", "spec.jwtRules[0]", FindingSeverity.Error },
        { "RequestAuthentication", "RA04", "jwtRules: [{issuer: a, jwksUri: \"https://\"}]", "jwtRules: [{issuer: a, jwksUri: https://auth.example.com/jwks.json}]", "spec.jwtRules[0].jwksUri", FindingSeverity.Error },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Violation_is_reported_and_its_fix_passes(string kind, string check, string violating, string passing, string path, FindingSeverity severity)
    {
        var bad = SchemaCheckTests.ValidateAll("security.istio.io/v1", kind, violating);
        var good = SchemaCheckTests.ValidateAll("security.istio.io/v1", kind, passing);

        var finding = Assert.Single(bad);
        var id = kind == "AuthorizationPolicy" ? "MESH0307" : "MESH0308";
        Assert.Equal((id, severity, path), (finding.Id, finding.Severity, finding.Path));
        Assert.StartsWith(check + ":", finding.Message);
        Assert.Empty(good);
    }
}

using Xunit;

namespace MeshDsl.Validation.Tests;

/// <summary>Istio's webhook-only PeerAuthentication check (ISTIO-CHECKS.md §B.9): it warns on its violation and passes its fix.</summary>
public sealed class PeerAuthenticationCheckTests
{
    public static TheoryData<string, string, string, string> Cases => new()
    {
        // check, violating spec, passing spec, path
        { "PA04", "selector: {}\nmtls: {mode: STRICT}", "selector: {matchLabels: {app: api}}\nmtls: {mode: STRICT}", "spec.selector" },
        { "PA04", "selector: {matchLabels: {}}\nmtls: {mode: STRICT}", "mtls: {mode: STRICT}", "spec.selector" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Violation_is_reported_and_its_fix_passes(string check, string violating, string passing, string path)
        => WebhookCheckAssert.ReportedAndFixed("MESH0309", "security.istio.io/v1 PeerAuthentication", check, violating, passing, path, FindingSeverity.Warning);
}

using System.IO;
using System.Linq;
using Xunit;

namespace MeshDsl.Validation.Tests;

/// <summary>Istio's own 324 resources: exactly the known-bad ones are reported.</summary>
public sealed class CorpusTests
{
    /// <summary>
    /// The schema rejects the two Gateways without <c>servers[].port</c> and warns on the two VirtualServices
    /// with the removed <c>websocketUpgrade</c>. Istio's webhook check VS05 also rejects
    /// <c>missing-gateway.yaml</c> (istioctl analyze test data: a VirtualService with hosts and no routes),
    /// as Istio itself would, and Istio's admission warning AP11 (a DENY rule with only HTTP attributes denies
    /// all TCP traffic) comes up 8 times in 4 AuthorizationPolicies (docs/decisions/0015). Istio warns on every
    /// EnvoyFilter (EF01, 8 documents), and its webhook rejects the 3 config patches without a patch in
    /// <c>45dc50ee37.yaml</c> (EF03, "Envoy filter: missing patch"): operator manifest-generate test input, never applied.
    /// </summary>
    [Fact]
    public void Exactly_the_two_portless_gateways_fail_and_the_two_websocket_routes_warn()
    {
        var validator = new DocumentValidator(CrdCatalog.Istio());
        var files = Directory.GetFiles(Paths.Shared("istio", "corpus"), "*.yaml", SearchOption.AllDirectories);
        var documents = files.SelectMany(f => YamlDocuments.Read(f, File.ReadAllText(f))).ToList();
        var findings = documents.SelectMany(d => validator.Validate(d.Root!).Select(f => (Document: d, Finding: f))).ToList();

        Assert.Equal(324, documents.Count);
        Assert.All(documents, d => Assert.NotNull(d.Root));
        var semantic = Assert.Single(findings, f => f.Finding.Id == "MESH0302");
        Assert.EndsWith("feeaf16041.yaml", semantic.Document.File);
        Assert.StartsWith("VS05:", semantic.Finding.Message);
        findings.Remove(semantic);
        var tcpWarnings = findings.Where(f => f.Finding.Id == "MESH0307").ToList();
        Assert.Equal(8, tcpWarnings.Count);
        Assert.All(tcpWarnings, w => Assert.Equal(FindingSeverity.Warning, w.Finding.Severity));
        Assert.All(tcpWarnings, w => Assert.StartsWith("AP11:", w.Finding.Message));
        findings.RemoveAll(f => f.Finding.Id == "MESH0307");
        var envoyFilters = findings.Where(f => f.Finding.Id == "MESH0311").ToList();
        var everyFilterWarning = envoyFilters.Where(f => f.Finding.Message.StartsWith("EF01:", System.StringComparison.Ordinal)).ToList();
        Assert.Equal(8, everyFilterWarning.Count);
        Assert.Equal(documents.Count(d => d.Root is MeshDsl.Documents.DocumentMap m && (m["kind"] as MeshDsl.Documents.DocumentScalar)?.Text == "EnvoyFilter"), everyFilterWarning.Select(w => w.Document).Distinct().Count());
        Assert.All(everyFilterWarning, w => Assert.Equal((FindingSeverity.Warning, "kind"), (w.Finding.Severity, w.Finding.Path)));
        var missingPatches = envoyFilters.Except(everyFilterWarning).ToList();
        Assert.Equal(new[] { "spec.configPatches[0]", "spec.configPatches[1]", "spec.configPatches[2]" }, missingPatches.Select(e => e.Finding.Path));
        Assert.All(missingPatches, e => Assert.EndsWith("45dc50ee37.yaml", e.Document.File));
        Assert.All(missingPatches, e => Assert.Equal((FindingSeverity.Error, "EF03: a config patch needs a patch"), (e.Finding.Severity, e.Finding.Message)));
        findings.RemoveAll(f => f.Finding.Id == "MESH0311");
        var errors = findings.Where(f => f.Finding.Severity == FindingSeverity.Error).ToList();
        var warnings = findings.Where(f => f.Finding.Severity == FindingSeverity.Warning).ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(("MESH0203", "spec.servers[0].port"), (e.Finding.Id, e.Finding.Path)));
        Assert.All(errors, e => Assert.Contains("Gateway", e.Document.File));
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(("MESH0202", "spec.http[0].websocketUpgrade"), (w.Finding.Id, w.Finding.Path)));
        Assert.Equal(4, findings.Select(f => f.Document.File).Distinct().Count());
    }
}

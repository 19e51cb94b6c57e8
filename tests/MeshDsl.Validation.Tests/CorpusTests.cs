using System.IO;
using System.Linq;
using Xunit;

namespace MeshDsl.Validation.Tests;

/// <summary>Istio's own 324 resources: exactly the known-bad ones are reported.</summary>
public sealed class CorpusTests
{
    [Fact]
    public void Exactly_the_two_portless_gateways_fail_and_the_two_websocket_routes_warn()
    {
        var validator = new DocumentValidator(CrdCatalog.Istio());
        var files = Directory.GetFiles(Paths.Shared("istio", "corpus"), "*.yaml", SearchOption.AllDirectories);
        var documents = files.SelectMany(f => YamlDocuments.Read(f, File.ReadAllText(f))).ToList();
        var findings = documents.SelectMany(d => validator.Validate(d.Root!).Select(f => (Document: d, Finding: f))).ToList();

        Assert.Equal(324, documents.Count);
        Assert.All(documents, d => Assert.NotNull(d.Root));
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

using System;
using System.IO;
using System.Linq;
using MeshDsl.Documents;
using MeshDsl.Testing;
using MeshDsl.Validation;
using Xunit;
using Xunit.Abstractions;

namespace MeshDsl.Analysis.Tests;

/// <summary>
/// Every rule over Istio's 324 corpus resources, taken as one set: the rules must not throw on real-world shapes.
/// The counts are printed, not asserted, until an expected report is committed.
/// </summary>
public sealed class CorpusAnalysisTests
{
    private readonly ITestOutputHelper _output;

    public CorpusAnalysisTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Every_rule_runs_over_the_corpus()
    {
        var files = Directory.GetFiles(RepositoryPaths.Shared("istio", "corpus"), "*.yaml", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal);
        var resources = files
            .SelectMany(f => YamlDocuments.Read(f, File.ReadAllText(f)))
            .Select(d => d.Root)
            .OfType<DocumentMap>()
            .Select(root => new AnalyzedResource(root))
            .ToList();

        var findings = MeshAnalysis.Run(resources, AnalysisOptions.Default, Facts.Complete);

        Assert.NotEmpty(resources);
        foreach (var rule in MeshAnalysis.Rules)
        {
            _output.WriteLine($"{rule.Descriptor.Id} {findings.Count(f => f.Rule == rule.Descriptor),4}  {rule.Descriptor.Title}");
        }
    }
}

extern alias MeshDslAnalyzers;

using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using MeshDsl.Cli.Import;
using MeshDsl.Testing;
using MeshDsl.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;
using MeshRuleAnalyzer = MeshDslAnalyzers::MeshDsl.Analyzers.MeshRuleAnalyzer;

namespace MeshDsl.Cli.Tests;

/// <summary>
/// Issue 6: imported code raises no MeshDsl analyzer error the YAML did not deserve. The inputs are the corpus
/// documents that validate without a finding, so no error is deserved; the warnings are the rules' real findings,
/// and they are exactly what the same rules find in the YAML: one rule engine, two front ends.
/// </summary>
public sealed class ImportedCodeAnalysisTests
{
    private readonly ITestOutputHelper _output;

    public ImportedCodeAnalysisTests(ITestOutputHelper output) => _output = output;

    private static System.Collections.Generic.SortedDictionary<string, int> Counts(System.Collections.Generic.IEnumerable<string> ids) =>
        new(ids.GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count()), System.StringComparer.Ordinal);

    [Fact]
    public async Task The_imported_corpus_raises_no_analyzer_error_and_the_same_findings_as_its_yaml()
    {
        var validator = new DocumentValidator(CrdCatalog.Istio());
        var documents = ImportTestFiles.CorpusDocuments()
            .Where(d => d.Root is not null && validator.Validate(d.Root).Count == 0)
            .ToList();
        var imported = MeshImport.Run(documents, new ImportOptions(), BuilderCatalog.Istio);
        var compilation = ImportedCode.Compilation(imported.Files)
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MeshRuleAnalyzer()));

        var diagnostics = await compilation.GetAnalyzerDiagnosticsAsync();

        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || d.Id == "MESH0098").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
        var inCode = Counts(diagnostics.Select(d => d.Id));
        var inYaml = Counts(Analysis.MeshAnalysis.Run(
                documents.Select(d => new Analysis.AnalyzedResource((Documents.DocumentMap)d.Root!)).ToList(),
                Analysis.AnalysisOptions.Default,
                Analysis.Facts.Complete)
            .Select(f => f.Rule.Id));
        _output.WriteLine($"findings per rule, imported C# | YAML: {string.Join(", ", inCode.Select(c => $"{c.Key} {c.Value}"))}");
        Assert.NotEmpty(inCode);
        Assert.Equal(inYaml, inCode);
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace MeshDsl.Generator.Tests;

/// <summary>An AdditionalFile in memory, with the item metadata MSBuild would give it.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text, IReadOnlyDictionary<string, string> metadata)
    {
        Path = path;
        _text = SourceText.From(text);
        Metadata = metadata;
    }

    public override string Path { get; }

    public IReadOnlyDictionary<string, string> Metadata { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;

    public static InMemoryAdditionalText Crd(string path, string text, string? @namespace = null)
    {
        var metadata = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.MeshDslCrd"] = "true" };
        if (@namespace is not null)
        {
            metadata["build_metadata.AdditionalFiles.MeshDslNamespace"] = @namespace;
        }

        return new InMemoryAdditionalText(path, text, metadata);
    }

    public static InMemoryAdditionalText TypeNames(string path, string text) =>
        new(path, text, new Dictionary<string, string> { ["build_metadata.AdditionalFiles.MeshDslTypeNames"] = "true" });
}

internal sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _byPath;

    public TestOptionsProvider(IEnumerable<InMemoryAdditionalText> files, IReadOnlyDictionary<string, string>? global = null)
    {
        _byPath = files.ToDictionary(f => f.Path, f => f.Metadata);
        GlobalOptions = new Options(global ?? new Dictionary<string, string>());
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        new Options(_byPath.TryGetValue(textFile.Path, out var metadata) ? metadata : new Dictionary<string, string>());

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly IReadOnlyDictionary<string, string> _values;

        public Options(IReadOnlyDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}

/// <summary>Runs the generator in process, as the compiler would, and compiles what it produced.</summary>
internal static class GeneratorHarness
{
    public static readonly string[] AllTrackingNames =
    {
        TrackingNames.CrdFiles, TrackingNames.CrdDocuments, TrackingNames.ParsedCrds, TrackingNames.NamingTable,
        TrackingNames.KindMappings, TrackingNames.AssembledTypes, TrackingNames.EmitUnits,
    };

    public static CSharpCompilation EmptyCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Generated",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest))),
            Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(MeshDsl.ObjectMeta).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                // As the SDK does: MeshDsl.dll targets net8.0 and is compiled against net10.0 here.
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

    public static GeneratorDriver CreateDriver(IEnumerable<InMemoryAdditionalText> files) =>
        CSharpGeneratorDriver.Create(
            new[] { new CrdGenerator().AsSourceGenerator() },
            files.Cast<AdditionalText>(),
            new CSharpParseOptions(LanguageVersion.Latest),
            new TestOptionsProvider(files),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(params InMemoryAdditionalText[] files)
    {
        var compilation = EmptyCompilation();
        var driver = CreateDriver(files).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return new GeneratorRun(driver, driver.GetRunResult(), output);
    }

    public static string RepositoryRoot => MeshDsl.Testing.RepositoryPaths.Root;

    public static string SharedPath(params string[] parts) => MeshDsl.Testing.RepositoryPaths.Shared(parts);

    public static string FixturePath(string name) => Path.Combine(RepositoryRoot, "tests", "fixtures", "crds", name);
}

internal sealed record GeneratorRun(GeneratorDriver Driver, GeneratorDriverRunResult Result, Compilation Output)
{
    public ImmutableArray<Diagnostic> GeneratorDiagnostics => Result.Diagnostics;

    public IEnumerable<GeneratedSourceResult> Sources => Result.Results.SelectMany(r => r.GeneratedSources);

    /// <summary>Compiler diagnostics of the generated code (warnings and errors).</summary>
    public IReadOnlyList<Diagnostic> CompileProblems => Output.GetDiagnostics()
        .Where(d => d.Severity >= DiagnosticSeverity.Warning)
        .ToList();

    public string Source(string hintName) => Sources.Single(s => s.HintName == hintName).SourceText.ToString();
}

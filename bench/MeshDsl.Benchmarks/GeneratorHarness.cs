using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using MeshDsl.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace MeshDsl.Benchmarks;

/// <summary>An AdditionalFile held in memory.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text, System.Text.Encoding.UTF8);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Per-file analyzer-config options, as MSBuild's generated .editorconfig would give them.</summary>
internal sealed class MetadataOptionsProvider : AnalyzerConfigOptionsProvider
{
    private static readonly DictionaryOptions Empty = new(ImmutableDictionary<string, string>.Empty);
    private readonly Dictionary<string, DictionaryOptions> _byPath;

    public MetadataOptionsProvider(IEnumerable<(string Path, ImmutableDictionary<string, string> Options)> files) =>
        _byPath = files.ToDictionary(f => f.Path, f => new DictionaryOptions(f.Options), StringComparer.Ordinal);

    public override AnalyzerConfigOptions GlobalOptions => Empty;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _byPath.TryGetValue(textFile.Path, out var options) ? options : Empty;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values;

        public DictionaryOptions(ImmutableDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}

/// <summary>The inputs of one generator run: CRD files and naming tables, with their metadata.</summary>
internal sealed class GeneratorInputs
{
    public const string CrdKey = "build_metadata.AdditionalFiles.MeshDslCrd";
    public const string NamespaceKey = "build_metadata.AdditionalFiles.MeshDslNamespace";
    public const string TypeNamesKey = "build_metadata.AdditionalFiles.MeshDslTypeNames";

    private readonly List<(AdditionalText Text, ImmutableDictionary<string, string> Options)> _files = new();

    public IReadOnlyList<AdditionalText> Texts => _files.Select(f => f.Text).ToList();

    public GeneratorInputs AddCrd(string path, string text, string @namespace = "MeshDsl.Istio")
    {
        _files.Add((new InMemoryAdditionalText(path, text), ImmutableDictionary<string, string>.Empty
            .Add(CrdKey, "true")
            .Add(NamespaceKey, @namespace)));
        return this;
    }

    public GeneratorInputs AddNamingTable(string path, string text)
    {
        _files.Add((new InMemoryAdditionalText(path, text), ImmutableDictionary<string, string>.Empty.Add(TypeNamesKey, "true")));
        return this;
    }

    public AnalyzerConfigOptionsProvider OptionsProvider() =>
        new MetadataOptionsProvider(_files.Select(f => (f.Text.Path, f.Options)));

    /// <summary>The Istio bundle and naming table, read from disk once.</summary>
    public static GeneratorInputs Istio() =>
        new GeneratorInputs()
            .AddCrd(RepoPaths.IstioCrd, File.ReadAllText(RepoPaths.IstioCrd))
            .AddNamingTable(RepoPaths.IstioTypeNames, File.ReadAllText(RepoPaths.IstioTypeNames));
}

/// <summary>Creates drivers the way the compiler does, minus MSBuild: one generator, in-memory inputs.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>An empty compilation: the generator never reads it.</summary>
    public static CSharpCompilation EmptyCompilation(string name = "MeshDsl.Benchmarks.Consumer") =>
        CSharpCompilation.Create(name, options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> texts, AnalyzerConfigOptionsProvider options, bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            new[] { new CrdGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackSteps));

    public static GeneratorRunResult Run(GeneratorInputs inputs, bool trackSteps = false) =>
        CreateDriver(inputs.Texts, inputs.OptionsProvider(), trackSteps).RunGenerators(EmptyCompilation()).GetRunResult().Results.Single();

    public static long TotalChars(GeneratorRunResult result) => result.GeneratedSources.Sum(s => (long)s.SourceText.Length);
}

/// <summary>Where the repository, Istio's CRD bundle and the naming table are.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepoRoot => Root.Value;

    /// <summary><c>&lt;repo&gt;/../shared/istio/1.30.3/crd-all.gen.yaml</c>, read in place (MESHDSL_ISTIO_CRD overrides it).</summary>
    public static string IstioCrd =>
        Environment.GetEnvironmentVariable("MESHDSL_ISTIO_CRD") is { Length: > 0 } overridden
            ? Path.GetFullPath(overridden)
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "istio", "1.30.3", "crd-all.gen.yaml"));

    public static string IstioTypeNames => Path.Combine(RepoRoot, "src", "MeshDsl.Istio", "istio-type-names.yaml");

    // BenchmarkDotNet runs the benchmarks from a generated project under bin/, so walk up from both the
    // working directory and the assembly's folder to the directory holding MeshDsl.sln.
    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("MESHDSL_REPO") is { Length: > 0 } repo)
        {
            return Path.GetFullPath(repo);
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "MeshDsl.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("MeshDsl.sln not found above the working directory or the benchmark assembly; set MESHDSL_REPO.");
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using MeshDsl.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MeshDsl.Analyzers.Tests;

/// <summary>
/// A sample project under samples/, compiled as its build compiles it: its top-level .cs files, the local reference
/// assemblies, and the analyzer options its csproj sets (MeshDslRootNamespace, MeshDslProductionNamespaces,
/// MeshDslExternalHosts, which the build hands to the analyzer as <c>build_property.*</c>).
/// </summary>
internal sealed class SampleProject
{
    private static readonly string[] AnalyzerProperties = { "MeshDslRootNamespace", "MeshDslProductionNamespaces", "MeshDslExternalHosts" };

    // The .NET SDK's default NoWarn: the net8.0 MeshDsl assemblies against .NET 10's reference assemblies unify with CS1701.
    private static readonly ImmutableDictionary<string, ReportDiagnostic> SdkNoWarn = ImmutableDictionary<string, ReportDiagnostic>.Empty
        .Add("CS1701", ReportDiagnostic.Suppress)
        .Add("CS1702", ReportDiagnostic.Suppress);

    private SampleProject(string name)
    {
        Directory = Path.Combine(RepositoryPaths.Root, "samples", name);
        Project = XDocument.Load(Path.Combine(Directory, name + ".csproj"));
    }

    public string Directory { get; }

    private XDocument Project { get; }

    public static SampleProject Load(string name) => new(name);

    /// <summary>The value of a property the csproj sets, or null.</summary>
    public string? Property(string name) =>
        Project.Root!.Elements("PropertyGroup").Elements(name).Select(e => e.Value.Trim()).LastOrDefault();

    /// <summary>The diagnostic ids the csproj lists in WarningsNotAsErrors (without the inherited <c>$(WarningsNotAsErrors)</c>).</summary>
    public IReadOnlyList<string> WarningsNotAsErrors() =>
        (Property("WarningsNotAsErrors") ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(id => !id.StartsWith("$(", StringComparison.Ordinal))
            .OrderBy(id => id, StringComparer.Ordinal)
            .ToList();

    /// <summary>Compiles the sample, runs <see cref="MeshRuleAnalyzer"/> and returns the compiler's and the analyzer's diagnostics.</summary>
    public async Task<(ImmutableArray<Diagnostic> Compiler, ImmutableArray<Diagnostic> Analyzer)> DiagnoseAsync()
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = System.IO.Directory.GetFiles(Directory, "*.cs", SearchOption.TopDirectoryOnly)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parseOptions, path))
            .ToList();
        var compilation = CSharpCompilation.Create(
            Path.GetFileName(Directory),
            trees,
            Verify.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(SdkNoWarn));

        var globalOptions = AnalyzerProperties
            .Where(name => Property(name) is not null)
            .ToDictionary(name => "build_property." + name, name => Property(name)!);
        var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new ProjectOptionsProvider(globalOptions));
        // Serial analysis: the analyzer hands the set rules its resources in the order it folded them, so under
        // concurrent analysis a finding about two resources (MESH1109) lands on either of them from run to run.
        var exceptions = new List<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new MeshRuleAnalyzer()),
            new CompilationWithAnalyzersOptions(analyzerOptions, (exception, _, _) => exceptions.Add(exception), concurrentAnalysis: false, logAnalyzerExecutionTime: false));

        var analyzer = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        if (exceptions.Count > 0)
        {
            throw new AggregateException("MeshRuleAnalyzer threw", exceptions);
        }

        return (compilation.GetDiagnostics(), analyzer);
    }

    /// <summary>"MESH1001 Routing.cs:13": the id, and the file (relative to the sample) and line where the diagnostic starts.</summary>
    public string Describe(Diagnostic diagnostic)
    {
        if (!diagnostic.Location.IsInSource)
        {
            return diagnostic.Id + " (no location)";
        }

        var span = diagnostic.Location.GetLineSpan();
        var file = Path.GetRelativePath(Directory, span.Path).Replace('\\', '/');
        return $"{diagnostic.Id} {file}:{span.StartLinePosition.Line + 1}";
    }

    // The csproj's analyzer properties, as MSBuild passes CompilerVisibleProperty values: global, the same for every file.
    private sealed class ProjectOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private static readonly AnalyzerConfigOptions None = new Options(new Dictionary<string, string>());

        private readonly AnalyzerConfigOptions _global;

        public ProjectOptionsProvider(Dictionary<string, string> global) => _global = new Options(global);

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => None;
    }

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public Options(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            _values.TryGetValue(key, out value);
    }
}

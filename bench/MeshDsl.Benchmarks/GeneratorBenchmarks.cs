using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MeshDsl.Benchmarks;

/// <summary>
/// The generator over Istio's 15 kinds, in-process. <see cref="GenerateIstio"/> creates a fresh driver every
/// invocation (warm process and JIT, cold generator cache): full generation. The Rerun* benchmarks re-run one
/// driver that has already generated, after a change that changes nothing the generator uses.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _editedCompilation = null!;
    private IReadOnlyList<AdditionalText> _texts = null!;
    private AnalyzerConfigOptionsProvider _options = null!;
    private AdditionalText _crd = null!;
    private AdditionalText _crdResaved = null!;
    private GeneratorDriver _ranDriver = null!;

    [GlobalSetup]
    public void Setup()
    {
        var inputs = GeneratorInputs.Istio();
        _texts = inputs.Texts;
        _options = inputs.OptionsProvider();
        _compilation = GeneratorHarness.EmptyCompilation();
        _editedCompilation = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("internal static class Edited { }", GeneratorHarness.ParseOptions));

        // The same path and content in a new AdditionalText: what the compiler sees after the file is saved unchanged.
        _crd = _texts[0];
        _crdResaved = new InMemoryAdditionalText(_crd.Path, File.ReadAllText(RepoPaths.IstioCrd));

        _ranDriver = GeneratorHarness.CreateDriver(_texts, _options).RunGenerators(_compilation);
        var result = _ranDriver.GetRunResult().Results.Single();
        if (result.Exception is not null || result.GeneratedSources.Length == 0 || result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException($"The generator did not generate Istio cleanly: {result.GeneratedSources.Length} sources, {result.Exception?.Message ?? string.Join("; ", result.Diagnostics)}");
        }
    }

    /// <summary>Full generation: a new driver (empty cache) over the CRD bundle and the naming table.</summary>
    [Benchmark(Baseline = true)]
    public GeneratorDriver GenerateIstio() =>
        GeneratorHarness.CreateDriver(_texts, _options).RunGenerators(_compilation);

    /// <summary>Incremental: the driver that already generated, re-run after an edit of C# source (the generator reads no C#).</summary>
    [Benchmark]
    public GeneratorDriver RerunAfterCSharpEdit() => _ranDriver.RunGenerators(_editedCompilation);

    /// <summary>Incremental: the driver that already generated, re-run after the CRD file was replaced by an identical copy.</summary>
    [Benchmark]
    public GeneratorDriver RerunAfterCrdResaved() =>
        _ranDriver.ReplaceAdditionalText(_crd, _crdResaved).RunGenerators(_compilation);
}

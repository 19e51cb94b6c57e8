using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using MeshDsl.Generator.Assemble;
using MeshDsl.Generator.Emit;
using MeshDsl.Generator.Input;
using MeshDsl.Generator.Map;
using MeshDsl.Generator.Parse;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using YamlDotNet.Core;

namespace MeshDsl.Benchmarks;

/// <summary>
/// Where full generation's time goes: each stage of the pipeline run on its own (warm, median of N runs,
/// with its allocations), next to the whole run through a fresh driver.
/// </summary>
internal static class StageProfile
{
    public static int Run(string[] args)
    {
        var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(31);
        var warmups = args.SkipWhile(a => a != "--warmups").Skip(1).Select(int.Parse).FirstOrDefault(40);
        var inputs = GeneratorInputs.Istio();
        var texts = inputs.Texts;
        var options = inputs.OptionsProvider();
        var compilation = GeneratorHarness.EmptyCompilation();

        // The first run in this process: the generator, YamlDotNet and the driver are JIT-compiled on the way, as
        // in a compiler process that loads the generator (UseSharedCompilation=false: every build).
        var cold = Stopwatch.StartNew();
        GeneratorHarness.CreateDriver(texts, options).RunGenerators(compilation);
        cold.Stop();
        var file = new CrdFile(RepoPaths.IstioCrd, File.ReadAllText(RepoPaths.IstioCrd), "MeshDsl.Istio");
        var namingFile = new NamingTableFile(RepoPaths.IstioTypeNames, File.ReadAllText(RepoPaths.IstioTypeNames));

        // The stages' inputs, computed once (each stage below is timed on its own).
        var documents = DocumentSplitter.Split(file).ToList();
        var parsed = documents.Select(CrdParser.Parse).ToList();
        var crds = parsed.Where(p => p.Crd is not null).Select(p => p.Crd!).ToList();
        var namingTable = NamingTable.Read(new[] { namingFile });
        var mappings = crds.Select(c => KindMapper.Map(c, namingTable)).ToImmutableArray();
        var assembled = TypeAssembler.Assemble(mappings);
        var units = assembled.Units.ToList();
        var sources = units.Select(EmitOne).Where(s => s is not null).Select(s => s!).ToList();
        Console.WriteLine($"{documents.Count} documents, {crds.Count} CRDs, {mappings.Length} kinds, {units.Count} emit units, {sources.Count} sources, {sources.Sum(s => (long)s.Length):N0} chars; {warmups} warm-up and {runs} timed runs per row (median)");
        Console.WriteLine();

        var rows = new List<(string Name, double Ms, double MB)>();
        void Measure(string name, Action action)
        {
            // Enough warm-up runs for tiered JIT to reach its optimized code (30 calls, then a background re-JIT).
            for (var i = 0; i < warmups; i++)
            {
                action();
            }

            Thread.Sleep(200);
            var times = new List<double>();
            long allocated = 0;
            for (var i = 0; i < runs; i++)
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                action();
                watch.Stop();
                allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            rows.Add((name, times[times.Count / 2], allocated / (1024.0 * 1024.0)));
        }

        Measure("whole run: fresh CSharpGeneratorDriver + RunGenerators", () => GeneratorHarness.CreateDriver(texts, options).RunGenerators(compilation));
        Measure("  split into documents (DocumentSplitter)", () => DocumentSplitter.Split(file));
        Measure("  YAML: YamlDotNet parser events only (no tree)", () => { foreach (var d in documents) { ScanEvents(d.Text); } });
        Measure("  YAML: events -> YamlValue tree (YamlTreeReader)", () => { foreach (var d in documents) { YamlTreeReader.Read(d.Text, d.StartLine); } });
        Measure("  parse: YAML tree + schema model (CrdParser.Parse)", () => { foreach (var d in documents) { CrdParser.Parse(d); } });
        Measure("  naming table (NamingTable.Read)", () => NamingTable.Read(new[] { namingFile }));
        Measure("  map kinds (KindMapper.Map)", () => { foreach (var c in crds) { KindMapper.Map(c, namingTable); } });
        Measure("  assemble (TypeAssembler.Assemble)", () => TypeAssembler.Assemble(mappings));
        Measure("  emit C# (Model/Enum/ResourceEmitter)", () => { foreach (var u in units) { EmitOne(u); } });
        Measure("  (Roslyn) parse the generated C# (CSharpSyntaxTree.ParseText)", () => { foreach (var s in sources) { CSharpSyntaxTree.ParseText(s, GeneratorHarness.ParseOptions); } });
        Measure("  (Roslyn) SourceText.From of the generated C#", () => { foreach (var s in sources) { Microsoft.CodeAnalysis.Text.SourceText.From(s, System.Text.Encoding.UTF8); } });

        Console.WriteLine($"First run in this process (cold: JIT of the generator, YamlDotNet and the driver): {cold.Elapsed.TotalMilliseconds:N0} ms");
        Console.WriteLine();
        Console.WriteLine("| stage | median ms | allocated MB |");
        Console.WriteLine("| --- | ---: | ---: |");
        foreach (var (name, ms, mb) in rows)
        {
            Console.WriteLine($"| {name} | {ms:N1} | {mb:N1} |");
        }

        var stages = rows.Where(r => r.Name.StartsWith("  split", StringComparison.Ordinal) || r.Name.StartsWith("  parse", StringComparison.Ordinal) || r.Name.StartsWith("  naming", StringComparison.Ordinal) || r.Name.StartsWith("  map", StringComparison.Ordinal) || r.Name.StartsWith("  assemble", StringComparison.Ordinal) || r.Name.StartsWith("  emit", StringComparison.Ordinal)).Sum(r => r.Ms);
        Console.WriteLine();
        Console.WriteLine($"Generator stages (split + parse + naming + map + assemble + emit): {stages:N1} ms of {rows[0].Ms:N1} ms for the whole driver run; the rest ({rows[0].Ms - stages:N1} ms) is Roslyn's driver: AddSource, its tables, and what it does with the generated text.");
        Console.WriteLine();
        CheckIncremental(inputs, compilation);
        return 0;
    }

    /// <summary>
    /// The first call of each stage in a fresh process, in pipeline order: how the cold run (what a compiler
    /// process that loads the generator pays on every build) splits into stages, JIT included.
    /// </summary>
    public static int RunCold()
    {
        var total = Stopwatch.StartNew();
        var rows = new List<(string Name, double Ms)>();
        T Time<T>(string name, Func<T> stage)
        {
            var watch = Stopwatch.StartNew();
            var result = stage();
            rows.Add((name, watch.Elapsed.TotalMilliseconds));
            return result;
        }

        var file = Time("read the files", () => new CrdFile(RepoPaths.IstioCrd, File.ReadAllText(RepoPaths.IstioCrd), "MeshDsl.Istio"));
        var namingFile = new NamingTableFile(RepoPaths.IstioTypeNames, File.ReadAllText(RepoPaths.IstioTypeNames));
        var documents = Time("split into documents", () => DocumentSplitter.Split(file).ToList());
        var first = Time("parse the first CRD (JIT of YamlDotNet and the reader)", () => CrdParser.Parse(documents[0]));
        var parsed = Time("parse the other 14 CRDs", () => documents.Skip(1).Select(CrdParser.Parse).ToList());
        parsed.Insert(0, first);
        var naming = Time("naming table", () => NamingTable.Read(new[] { namingFile }));
        var mappings = Time("map kinds", () => parsed.Where(p => p.Crd is not null).Select(p => KindMapper.Map(p.Crd!, naming)).ToImmutableArray());
        var assembled = Time("assemble", () => TypeAssembler.Assemble(mappings));
        Time("emit C#", () => assembled.Units.Select(EmitOne).ToList());
        var inputs = GeneratorInputs.Istio();
        var compilation = GeneratorHarness.EmptyCompilation();
        Time("then a whole driver run (generator already JIT-compiled; Roslyn's driver not yet)", () => GeneratorHarness.CreateDriver(inputs.Texts, inputs.OptionsProvider()).RunGenerators(compilation));
        Time("and a second whole driver run", () => GeneratorHarness.CreateDriver(inputs.Texts, inputs.OptionsProvider()).RunGenerators(compilation));

        Console.WriteLine("| first calls in a fresh process, in pipeline order | ms |");
        Console.WriteLine("| --- | ---: |");
        foreach (var (name, ms) in rows)
        {
            Console.WriteLine($"| {name} | {ms:N1} |");
        }

        Console.WriteLine($"| stages up to emit, cold | {rows.Take(rows.Count - 2).Sum(r => r.Ms):N1} |");
        return 0;
    }

    // What the Rerun* benchmarks measure: after each no-op change, every tracked step of the generator must be
    // Cached or Unchanged (nothing parsed, mapped or emitted again).
    private static void CheckIncremental(GeneratorInputs inputs, Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation)
    {
        var texts = inputs.Texts;
        var ran = GeneratorHarness.CreateDriver(texts, inputs.OptionsProvider(), trackSteps: true).RunGenerators(compilation);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("internal static class Edited { }", GeneratorHarness.ParseOptions));
        var resaved = new InMemoryAdditionalText(texts[0].Path, File.ReadAllText(texts[0].Path));
        foreach (var (name, driver) in new[]
        {
            ("RerunAfterCSharpEdit", ran.RunGenerators(edited)),
            ("RerunAfterCrdResaved", ran.ReplaceAdditionalText(texts[0], resaved).RunGenerators(compilation)),
        })
        {
            var result = driver.GetRunResult().Results.Single();
            var steps = result.TrackedSteps
                .Where(s => !s.Key.StartsWith("Source", StringComparison.Ordinal))
                .Select(s => $"{s.Key}: " + string.Join(", ", s.Value.SelectMany(step => step.Outputs).GroupBy(o => o.Reason).Select(g => $"{g.Key} x{g.Count()}")));
            Console.WriteLine($"{name}: {result.GeneratedSources.Length} sources kept; steps: {string.Join("; ", steps)}");
        }
    }

    private static string? EmitOne(EmitUnit unit) => unit switch
    {
        { Object: { } model } => ModelEmitter.Emit(model),
        { Enum: { } values } => EnumEmitter.Emit(values),
        { Resource: { } resource } => ResourceEmitter.EmitResource(resource),
        { ResourceBuilder: { } builder } => ResourceEmitter.EmitResourceBuilder(builder),
        _ => null,
    };

    private static void ScanEvents(string text)
    {
        var parser = new Parser(new StringReader(text));
        while (parser.MoveNext())
        {
        }
    }
}

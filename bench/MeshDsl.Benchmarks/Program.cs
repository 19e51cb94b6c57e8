using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Running;
using MeshDsl.Emission;
using MeshDsl.Istio.Networking.V1;

namespace MeshDsl.Benchmarks;

/// <summary>
/// <c>sizes</c>: generated source size with and without version sharing. <c>profile</c>: time per generator
/// stage, warm. <c>cold</c>: the first call of each stage in a fresh process. <c>peers</c>: the MeshDsl side of
/// bench/peers.sh, see <see cref="PeerHarness"/>. Anything else goes to BenchmarkDotNet (for example <c>--filter '*' --job short</c>).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "sizes":
                return SizesReport.Run(args.Skip(1).ToArray());
            case "cold":
                return StageProfile.RunCold();
            case "profile":
                return StageProfile.Run(args.Skip(1).ToArray());
            case "peers":
                return PeerHarness.Run(args.Skip(1).ToArray());
            default:
                return RunBenchmarks(args);
        }
    }

    // Apart from Main so that the whole-process 'peers' runs do not JIT (and load) BenchmarkDotNet's entry point.
    private static int RunBenchmarks(string[] args)
    {
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(BenchmarkArgs(args));
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    // Always in-process: BenchmarkDotNet's out-of-process toolchain generates a project under bin/ that inherits this
    // repository's central package versions but not this project's VersionOverride, so Microsoft.CodeAnalysis.CSharp
    // resolves to the pinned 4.8.0 there while BenchmarkDotNet 0.15.8 needs >= 4.14.0: restore fails with NU1109.
    // Without --filter, every benchmark runs (instead of an interactive prompt).
    private static string[] BenchmarkArgs(string[] args)
    {
        var result = args.ToList();
        if (!result.Any(a => a.Equals("--inProcess", StringComparison.OrdinalIgnoreCase) || a.Equals("-i", StringComparison.Ordinal)))
        {
            result.Add("--inProcess");
        }

        if (!result.Any(a => a.Equals("--filter", StringComparison.OrdinalIgnoreCase) || a.Equals("-f", StringComparison.Ordinal) || a.Equals("--list", StringComparison.OrdinalIgnoreCase)))
        {
            result.Add("--filter");
            result.Add("*");
        }

        return result.ToArray();
    }
}

/// <summary>
/// The MeshDsl side of <c>bench/peers.sh</c>, shaped like the peers' node scripts (<c>../shared/peers</c>) so the
/// figures compare: a first (cold) run in this process, then timed warm runs, medians. Each mode ends with one
/// <c>peers-result key=value ...</c> line for the script to read.
/// <list type="bullet">
/// <item><c>generate --out DIR [--runs N]</c>: the generator over Istio's 15 CRDs through a fresh driver (as
/// <see cref="GeneratorBenchmarks.GenerateIstio"/>), its 215 sources written to DIR, as <c>cdk8s import</c> writes its files.</item>
/// <item><c>validate [--passes N] [--batch B] [--warmups W]</c>: <see cref="ValidationBenchmarks.ValidateCorpus"/> (schema +
/// CEL + Istio checks), as validate.mjs times its engines: N passes of B x 324 documents, median documents/s.</item>
/// <item><c>emit [--count C] [--out FILE] [--passes N]</c>: C VirtualServices with the content of emit-yaml.mjs and
/// _emit.ts (corpus file tests/VirtualService/30041bd703.yaml, names and weights varied alike), built with the
/// builders, collected by <see cref="MeshSet"/>, written as one file by <see cref="ManifestLayouts.Render"/>.</item>
/// </list>
/// </summary>
internal static class PeerHarness
{
    public static int Run(string[] args)
    {
        string Option(string name, string fallback) => args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault() ?? fallback;
        int Number(string name, int fallback) => int.Parse(Option(name, fallback.ToString(System.Globalization.CultureInfo.InvariantCulture)), System.Globalization.CultureInfo.InvariantCulture);
        switch (args.FirstOrDefault())
        {
            case "generate":
                return Generate(Option("out", string.Empty), Number("runs", 0));
            case "validate":
                return Validate(Number("passes", 2000), Number("batch", 10), Number("warmups", 0));
            case "emit":
                var count = Number("count", 10_000);
                return Emit(count, Option("out", Path.Combine(Path.GetTempPath(), $"meshdsl-vs-{count}.yaml")), Number("passes", 0));
            default:
                Console.Error.WriteLine("usage: peers generate --out DIR [--runs N] | validate [--passes N] [--batch B] [--warmups W] | emit [--count C] [--out FILE] [--passes N]");
                return 2;
        }
    }

    private static int Generate(string folder, int runs)
    {
        if (folder.Length == 0)
        {
            Console.Error.WriteLine("peers generate needs --out DIR");
            return 2;
        }

        var watch = Stopwatch.StartNew();
        var inputs = GeneratorInputs.Istio();
        var (texts, options) = (inputs.Texts, inputs.OptionsProvider());
        var compilation = GeneratorHarness.EmptyCompilation();
        var read = Lap(watch);
        var result = GeneratorHarness.CreateDriver(texts, options).RunGenerators(compilation).GetRunResult().Results.Single();
        var generate = Lap(watch);
        if (result.Exception is not null || result.GeneratedSources.Length == 0)
        {
            Console.Error.WriteLine($"the generator failed: {result.Exception?.Message ?? "no sources"}");
            return 1;
        }

        Directory.CreateDirectory(folder);
        long chars = 0;
        foreach (var source in result.GeneratedSources)
        {
            var text = source.SourceText.ToString();
            chars += text.Length;
            File.WriteAllText(Path.Combine(folder, source.HintName), text);
        }

        var write = Lap(watch);
        Console.WriteLine($"generate: {result.GeneratedSources.Length} sources, {chars:N0} chars -> {folder}; read {read:N1} ms, first (cold) driver run {generate:N1} ms, write {write:N1} ms");

        // Warm: fresh drivers in this process, the same work as GeneratorBenchmarks.GenerateIstio (nothing written).
        var warm = double.NaN;
        if (runs > 0)
        {
            warm = Median(runs, warmups: runs, () => GeneratorHarness.CreateDriver(texts, options).RunGenerators(compilation));
            Console.WriteLine($"warm: fresh driver + RunGenerators, median {warm:N1} ms of {runs} runs after {runs} warm-up runs");
        }

        Console.WriteLine(Invariant($"peers-result sources={result.GeneratedSources.Length} chars={chars} cold_ms={generate:F1} write_ms={write:F1} warm_ms={warm:F2}"));
        return 0;
    }

    private static int Validate(int passes, int batch, int warmups)
    {
        // Setup reads the corpus into document trees and validates it twice (schemas and rules compiled, findings
        // checked), as validate.mjs loads its engine and makes one recording pass before its timed passes. Like
        // validate.mjs, no warm-up passes by default: the median of many passes is the steady state on both sides
        // (tiered PGO here and V8 there each take a few hundred passes to get there).
        var bench = new ValidationBenchmarks();
        bench.Setup();
        var documents = Directory.GetFiles(ValidationBenchmarks.CorpusDirectory, "*.yaml", SearchOption.AllDirectories).Length;
        var findings = bench.ValidateCorpus();
        void Pass()
        {
            for (var b = 0; b < batch; b++)
            {
                bench.ValidateCorpus();
            }
        }

        var perPass = Median(passes, warmups, Pass);
        var rate = batch * documents / (perPass / 1000);
        Console.WriteLine($"validate: {documents} documents, {findings} findings per pass; warm median {rate:N0} documents/s ({passes} passes of {batch} x {documents}, {perPass * 1000 / (batch * documents):N2} µs per document)");
        Console.WriteLine(Invariant($"peers-result documents={documents} findings={findings} docs_per_s={rate:F0}"));
        return 0;
    }

    private static int Emit(int count, string file, int passes)
    {
        var watch = Stopwatch.StartNew();
        var (build, serialize, write, bytes) = EmitOnce(count, file, watch);
        Console.WriteLine($"emit: {count} VirtualServices -> {file}, {bytes:N0} bytes; cold: build {build:N1} ms, serialize {serialize:N1} ms, write {write:N1} ms");
        double warmSerialize = double.NaN, warmTotal = double.NaN;
        if (passes > 0)
        {
            // The same passes as emit-yaml.mjs: each one builds, serializes and writes; medians of serialize and of the total.
            var serializeTimes = new List<double>();
            var totals = new List<double>();
            for (var p = 0; p < passes; p++)
            {
                var times = EmitOnce(count, file, Stopwatch.StartNew());
                serializeTimes.Add(times.Serialize);
                totals.Add(times.Build + times.Serialize + times.Write);
            }

            (warmSerialize, warmTotal) = (MedianOf(serializeTimes), MedianOf(totals));
            Console.WriteLine($"warm ({passes} passes): serialize median {warmSerialize:N1} ms; build+serialize+write median {warmTotal:N1} ms");
        }

        Console.WriteLine(Invariant($"peers-result count={count} bytes={bytes} cold_ms={build + serialize + write:F1} warm_serialize_ms={warmSerialize:F1} warm_total_ms={warmTotal:F1}"));
        return 0;
    }

    private static (double Build, double Serialize, double Write, long Bytes) EmitOnce(int count, string file, Stopwatch watch)
    {
        var set = new MeshSet();
        for (var i = 0; i < count; i++)
        {
            set.Add(PeerVirtualService(i));
        }

        if (set.Errors.Count > 0 || set.Manifests.Count != count)
        {
            throw new InvalidOperationException(string.Join("\n", set.Errors));
        }

        var build = Lap(watch);
        var text = ManifestLayouts.Render(set.Manifests, ManifestLayout.SingleFile)[0].Value;
        var serialize = Lap(watch);
        File.WriteAllText(file, text);
        var write = Lap(watch);
        return (build, serialize, write, new FileInfo(file).Length);
    }

    // tests/VirtualService/30041bd703.yaml with the name and the second route's weights varied, as the peers' scripts do.
    private static VirtualService PeerVirtualService(int i)
    {
        const string host = "service3.default.svc.cluster.local";
        var weight = i % 101;
        return VirtualService.Create($"all-{i}", vs => vs
            .Namespace("testns")
            .Hosts(host, "uk.bookinfo.com", "eu.bookinfo.com")
            .Gateways("my-gateway", "mesh")
            .Http(r => r
                .Match(m => m.Headers("cookie", s => s.Regex("^(.*?;)?(user=dev-123)(;.*)?")))
                .Route(d => d.Destination(x => x.Port(p => p.Number(81)).Host(host))))
            .Http(r => r
                .Match(m => m.Uri(u => u.Prefix("/reviews/")))
                .Route(d => d.Destination(x => x.Port(p => p.Number(81)).Host(host).Subset("v1")).Weight(weight))
                .Route(d => d.Destination(x => x.Host(host).Subset("v2")).Weight(100 - weight))));
    }

    // Milliseconds since the last lap, and restarts the watch.
    private static double Lap(Stopwatch watch)
    {
        var ms = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        return ms;
    }

    // Median milliseconds of RUNS calls, after WARMUPS untimed calls and (if any) a pause for tiered JIT's background compiles.
    private static double Median(int runs, int warmups, Action action)
    {
        for (var i = 0; i < warmups; i++)
        {
            action();
        }

        if (warmups > 0)
        {
            System.Threading.Thread.Sleep(200);
        }

        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return MedianOf(times);
    }

    private static double MedianOf(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using MeshDsl.Documents;
using MeshDsl.Emission;
using MeshDsl.Istio.Networking.V1;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace MeshDsl.Benchmarks;

/// <summary>
/// Emitting 10,000 VirtualServices, each with two hosts and two HTTP routes (header and URI matches, weighted
/// destinations, timeout, retries), names and hosts varied by index. Building (builders, then
/// <c>ToDocument</c> through <see cref="MeshSet"/>) and writing (<see cref="ManifestLayouts.Render"/>, no disk)
/// are measured apart; YamlDotNet's own <see cref="ISerializer"/> over equivalent prebuilt
/// <c>Dictionary&lt;string, object&gt;</c> trees is the baseline for writing.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class EmitBenchmarks
{
    private const int Count = 10_000;

    private IReadOnlyList<Manifest> _manifests = null!;
    private List<Dictionary<string, object?>> _trees = null!;
    private ISerializer _serializer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _manifests = BuildAndCollect();
        _trees = _manifests.Select(m => Plain(m.Document)).ToList();
        _serializer = new SerializerBuilder().WithQuotingNecessaryStrings(true).Build();

        // Both writers must produce the same data: compare a few documents read back with YamlDotNet.
        var ours = ManifestLayouts.Render(_manifests.Take(3), ManifestLayout.SingleFile)[0].Value;
        var theirs = SerializeWithYamlDotNet(_trees.Take(3));
        var oursRead = ReadAll(ours);
        var theirsRead = ReadAll(theirs);
        if (oursRead.Count != 3 || !oursRead.SequenceEqual(theirsRead))
        {
            throw new InvalidOperationException("MeshDsl's writer and YamlDotNet's serializer do not write the same documents:\n" + ours + "\n----\n" + theirs);
        }
    }

    /// <summary>The builders only: 10,000 <c>VirtualService.Create(...)</c> calls.</summary>
    [Benchmark]
    public int Build()
    {
        var total = 0;
        for (var i = 0; i < Count; i++)
        {
            total += Create(i).Spec!.Http!.Count;
        }

        return total;
    }

    /// <summary>The builders plus <see cref="MeshSet.Add(IMeshResource)"/>: <c>ToDocument</c>, key order, duplicate check.</summary>
    [Benchmark]
    public int BuildAndToDocument() => BuildAndCollect().Count;

    /// <summary>Writing: the single-file layout (sort, 10,000 documents, kustomization) from prebuilt manifests.</summary>
    [Benchmark]
    public int RenderSingleFile() => ManifestLayouts.Render(_manifests, ManifestLayout.SingleFile)[0].Value.Length;

    /// <summary>Writing: one file per resource (sort, file names, 10,000 strings, kustomization).</summary>
    [Benchmark]
    public int RenderFilePerResource() => ManifestLayouts.Render(_manifests, ManifestLayout.FilePerResource).Count;

    /// <summary>The baseline: YamlDotNet's serializer over the same documents as prebuilt dictionaries, into one string.</summary>
    [Benchmark(Baseline = true)]
    public int YamlDotNetSerializer() => SerializeWithYamlDotNet(_trees).Length;

    private static IReadOnlyList<Manifest> BuildAndCollect()
    {
        var set = new MeshSet();
        for (var i = 0; i < Count; i++)
        {
            set.Add(Create(i));
        }

        if (set.Errors.Count > 0 || set.Manifests.Count != Count)
        {
            throw new InvalidOperationException(string.Join("\n", set.Errors));
        }

        return set.Manifests;
    }

    private static VirtualService Create(int i)
    {
        var name = $"svc-{i:D5}";
        var ns = $"team-{i % 20:D2}";
        return VirtualService.Create(name, vs => vs
            .Namespace(ns)
            .Hosts($"{name}.{ns}.svc.cluster.local", $"{name}.example.com")
            .Http(r => r
                .Name("canary")
                .Match(m => m.Headers("end-user", s => s.Exact($"user-{i % 100}")))
                .Match(m => m.Uri(u => u.Prefix($"/api/v{(i % 3) + 1}/")))
                .Route(d => d.Destination(x => x.Host(name).Subset("v2").Port(p => p.Number(9080))).Weight(10))
                .Route(d => d.Destination(x => x.Host(name).Subset("v1").Port(p => p.Number(9080))).Weight(90))
                .Timeout("10s")
                .Retries(x => x.Attempts(3).PerTryTimeout("2s").RetryOn("5xx,reset,connect-failure")))
            .Http(r => r
                .Name("default")
                .Route(d => d.Destination(x => x.Host(name).Subset("v1")).Weight(100))
                .Timeout($"{15 + (i % 10)}s")
                .Retries(x => x.Attempts(2).PerTryTimeout("5s").RetryOn("gateway-error,connect-failure"))));
    }

    private string SerializeWithYamlDotNet(IEnumerable<Dictionary<string, object?>> trees)
    {
        var text = new StringBuilder();
        using var writer = new StringWriter(text) { NewLine = "\n" };
        foreach (var tree in trees)
        {
            writer.Write("---\n");
            _serializer.Serialize(writer, tree);
        }

        writer.Flush();
        return text.ToString();
    }

    // The document tree as the plain objects a YamlDotNet user would serialize (dictionaries keep insertion order).
    private static Dictionary<string, object?> Plain(DocumentMap map) => map.ToDictionary(e => e.Key, e => Plain(e.Value));

    private static object? Plain(DocumentNode node) => node switch
    {
        DocumentMap map => Plain(map),
        DocumentList list => list.Select(Plain).ToList(),
        DocumentScalar { Kind: ScalarKind.String } s => s.Text,
        DocumentScalar { Kind: ScalarKind.Integer } s => long.Parse(s.Text, System.Globalization.CultureInfo.InvariantCulture),
        DocumentScalar { Kind: ScalarKind.Number } s => double.Parse(s.Text, System.Globalization.CultureInfo.InvariantCulture),
        DocumentScalar { Kind: ScalarKind.Boolean } s => s.Text == "true",
        _ => null,
    };

    // Documents read back as canonical text (YamlDotNet's representation model, scalars without their style).
    private static List<string> ReadAll(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Select(d => Canonical(d.RootNode)).ToList();
    }

    private static string Canonical(YamlNode node) => node switch
    {
        YamlMappingNode map => "{" + string.Join(",", map.Children.Select(c => Canonical(c.Key) + ":" + Canonical(c.Value))) + "}",
        YamlSequenceNode list => "[" + string.Join(",", list.Children.Select(Canonical)) + "]",
        YamlScalarNode scalar => "'" + scalar.Value + "'",
        _ => "?",
    };
}

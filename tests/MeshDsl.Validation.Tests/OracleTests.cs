using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MeshDsl.Documents;
using MeshDsl.Testing;
using Xunit;
using Xunit.Abstractions;

namespace MeshDsl.Validation.Tests;

/// <summary>
/// Differential test: MeshDsl's compiled checks and NJsonSchema agree on every structural verdict (valid or
/// not) for the corpus and for 10,000 seeded mutations of it.
/// </summary>
public sealed class OracleTests
{
    private static readonly Lazy<JsonSchemaOracle> Oracle = new(JsonSchemaOracle.Istio);
    private static readonly DocumentValidator Validator = new(CrdCatalog.Istio());
    private readonly ITestOutputHelper _output;

    public OracleTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Verdicts_agree_on_the_corpus()
    {
        var disagreements = Corpus().Select(Compare).Where(d => d is not null).ToList();

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements.Take(10)));
    }

    [Fact]
    public void Verdicts_agree_on_ten_thousand_mutated_documents()
    {
        var corpus = Corpus();
        var random = new Random(20261126);
        var (invalid, disagreements) = (0, new List<string>());
        for (var i = 0; i < 10_000; i++)
        {
            var (document, mutation) = Mutate(corpus[random.Next(corpus.Count)], random);
            if (Compare(document) is { } disagreement)
            {
                disagreements.Add($"{mutation}: {disagreement}");
            }

            invalid += Validator.Validate(document).Count > 0 ? 1 : 0;
        }

        _output.WriteLine($"10,000 mutated documents, {invalid:N0} invalid by both, {disagreements.Count} disagreements");
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements.Take(10)));
        Assert.True(invalid > 3_000, $"only {invalid} mutations made a document invalid: the mutator is too gentle");
    }

    private static bool IsStructural(string id) =>
        string.CompareOrdinal(id, "MESH0300") < 0 && id is not (ValidationIds.CelRule or ValidationIds.CelUnsupported);

    private static string? Compare(DocumentMap document)
    {
        // Structural verdicts only: NJsonSchema knows neither CEL rules nor Istio's webhook checks.
        var ours = Validator.Validate(document).Where(f => IsStructural(f.Id)).ToList();
        var theirs = Oracle.Value.IsValid(document, out var errors);
        return (ours.Count == 0) == theirs ? null : $"MeshDsl: {(ours.Count == 0 ? "valid" : string.Join("; ", ours.Select(f => $"{f.Path} {f.Id}")))} | NJsonSchema: {(theirs ? "valid" : errors)}";
    }

    private static List<DocumentMap> Corpus() =>
        Directory.GetFiles(Paths.Shared("istio", "corpus"), "*.yaml", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .SelectMany(f => YamlDocuments.Read(f, File.ReadAllText(f)))
            .Select(d => (DocumentMap)d.Root!)
            .ToList();

    // One mutation below the top level (apiVersion and kind stay, so both judges look at the same schema).
    private static (DocumentMap Document, string Mutation) Mutate(DocumentMap original, Random random)
    {
        var copy = (DocumentMap)Copy(original);
        var nodes = new List<(DocumentNode Parent, string? Key, int Index, DocumentNode Node)>();
        Collect(copy, nodes, depth: 0);
        var (parent, key, index, node) = nodes[random.Next(nodes.Count)];
        var replacement = random.Next(7) switch
        {
            0 => (DocumentNode)DocumentScalar.String("x"),
            1 => DocumentScalar.Integer(random.Next(2) == 0 ? 7 : -3_000_000_000L),
            2 => DocumentScalar.Boolean(true),
            3 => DocumentScalar.Number(1.5),
            4 => new DocumentMap(),
            5 => new DocumentList(),
            _ => null,
        };
        if (replacement is null && parent is DocumentMap map && key is not null)
        {
            var rebuilt = new DocumentMap();
            foreach (var entry in map.Where(e => e.Key != key))
            {
                rebuilt.Add(entry.Key, entry.Value);
            }

            rebuilt.Add("zzUnknown", DocumentScalar.String("u"));
            return ((DocumentMap)Copy(copy, parent, rebuilt), $"removed {key} and added zzUnknown");
        }

        var mutated = (DocumentMap)Copy(copy, node, replacement ?? DocumentScalar.Null);
        return (mutated, $"replaced {key ?? $"[{index}]"} with {replacement?.GetType().Name ?? "null"}");
    }

    private static void Collect(DocumentNode node, List<(DocumentNode, string?, int, DocumentNode)> nodes, int depth)
    {
        switch (node)
        {
            case DocumentMap map:
                foreach (var entry in map)
                {
                    if (depth > 0 || entry.Key is not ("apiVersion" or "kind"))
                    {
                        nodes.Add((map, entry.Key, -1, entry.Value));
                        Collect(entry.Value, nodes, depth + 1);
                    }
                }

                break;
            case DocumentList list:
                for (var i = 0; i < list.Count; i++)
                {
                    nodes.Add((list, null, i, list[i]));
                    Collect(list[i], nodes, depth + 1);
                }

                break;
        }
    }

    // Copies the tree, with one node swapped (DocumentMap and DocumentList have no setters by design).
    private static DocumentNode Copy(DocumentNode node, DocumentNode? target = null, DocumentNode? replacement = null)
    {
        if (ReferenceEquals(node, target))
        {
            return replacement!;
        }

        DocumentNode copy = node switch
        {
            DocumentMap map => map.Aggregate(new DocumentMap(), (m, e) => { m.Add(e.Key, Copy(e.Value, target, replacement)); return m; }),
            DocumentList list => list.Aggregate(new DocumentList(), (l, i) => { l.Add(Copy(i, target, replacement)); return l; }),
            DocumentScalar scalar => scalar.Kind switch
            {
                ScalarKind.String => DocumentScalar.String(scalar.Text),
                ScalarKind.Boolean => DocumentScalar.Boolean(scalar.Text == "true"),
                ScalarKind.Null => DocumentScalar.Null,
                ScalarKind.Integer => DocumentScalar.Integer(long.Parse(scalar.Text, System.Globalization.CultureInfo.InvariantCulture)),
                _ => DocumentScalar.Number(double.Parse(scalar.Text, System.Globalization.CultureInfo.InvariantCulture)),
            },
            _ => throw new InvalidOperationException(),
        };
        copy.DeclaredAt = node.DeclaredAt ?? new SourceLocation("mutated.yaml", 1);
        return copy;
    }
}

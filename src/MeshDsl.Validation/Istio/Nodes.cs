using System.Collections.Generic;
using System.Linq;
using MeshDsl.Documents;

namespace MeshDsl.Validation.Istio;

/// <summary>Type-tolerant reads of a document: semantic checks run after the schema's and never throw on bad shapes.</summary>
internal static class Nodes
{
    public static DocumentMap? Map(this DocumentNode? node, string key) => (node as DocumentMap)?[key] as DocumentMap;

    public static IEnumerable<DocumentNode> Items(this DocumentNode? node, string key) =>
        (node as DocumentMap)?[key] as DocumentList ?? Enumerable.Empty<DocumentNode>();

    public static string? Text(this DocumentNode? node, string key) => ((node as DocumentMap)?[key] as DocumentScalar) is { Kind: ScalarKind.String } s ? s.Text : null;

    public static long? Integer(this DocumentNode? node, string key) =>
        ((node as DocumentMap)?[key] as DocumentScalar) is { Kind: ScalarKind.Integer } s && long.TryParse(s.Text, out var value) ? value : null;

    public static bool Has(this DocumentNode? node, string key) => (node as DocumentMap)?[key] is not null;

    public static DocumentNode? Get(this DocumentNode? node, string key) => (node as DocumentMap)?[key];
}

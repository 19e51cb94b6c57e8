using System.Collections.Generic;
using MeshDsl.Documents;

namespace MeshDsl.Analysis.Rules;

/// <summary>Fact-aware questions about nested fields and lists, for rules that report on what is missing.</summary>
internal static class FieldPresence
{
    /// <summary>
    /// True when the field at <paramref name="keys"/> below <paramref name="node"/> is known to be missing: some map
    /// on the way is complete and lacks the next key. False when it is set, or when an open or unknown map hides it.
    /// </summary>
    public static bool IsMissing(AnalysisContext context, DocumentNode? node, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (node is not DocumentMap map || !context.Facts.IsKnown(map))
            {
                return false;
            }

            if (context.IsAbsent(map, key))
            {
                return true;
            }

            node = map[key];
        }

        return false;
    }

    /// <summary>
    /// The string items of a list field when every item is known and the list is complete; null otherwise
    /// (absent, open, not a list, or holding an unknown item), so "the list lacks X" is only concluded when it is true.
    /// </summary>
    public static IReadOnlyList<string>? KnownStrings(AnalysisContext context, DocumentNode? node, string key)
    {
        if (context.Get(node, key) is not DocumentList list || context.Facts.IsOpen(list) || !context.Facts.IsKnown(list))
        {
            return null;
        }

        var items = new List<string>(list.Count);
        foreach (var item in list)
        {
            if (item is not DocumentScalar { Kind: ScalarKind.String } scalar || !context.Facts.IsKnown(scalar))
            {
                return null;
            }

            items.Add(scalar.Text);
        }

        return items;
    }

    /// <summary><c>metadata.namespace</c> when it is set and known (<see cref="AnalyzedResource.Namespace"/> does not consult the facts).</summary>
    public static string? KnownNamespace(AnalyzedResource resource, AnalysisContext context) =>
        context.Text(context.Map(resource.Root, "metadata"), "namespace");

    /// <summary>The known string items of a list field, with their indexes; unknown items are skipped.</summary>
    public static IEnumerable<(int Index, string Text, DocumentScalar Node)> Strings(AnalysisContext context, DocumentNode? node, string key)
    {
        var items = context.Items(node, key);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is DocumentScalar { Kind: ScalarKind.String } scalar && context.Facts.IsKnown(scalar))
            {
                yield return (i, scalar.Text, scalar);
            }
        }
    }

    /// <summary>The map items of a list field, with their indexes.</summary>
    public static IEnumerable<(int Index, DocumentMap Map)> Maps(AnalysisContext context, DocumentNode? node, string key)
    {
        var items = context.Items(node, key);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is DocumentMap map)
            {
                yield return (i, map);
            }
        }
    }
}

using System.Collections.Generic;
using MeshDsl.Documents;

namespace MeshDsl.Analysis.Rules;

/// <summary>
/// The fact-aware reads rules share beyond <see cref="AnalysisContext"/>'s: a resource's name and namespace when known,
/// fields known to be missing, and the known items of a list together with whether they are the whole list.
/// </summary>
internal static class KnownFields
{
    /// <summary><c>metadata.namespace</c>; <c>default</c> when known to be unset; null when not known.</summary>
    public static string? Namespace(AnalyzedResource resource, AnalysisContext context)
    {
        var metadata = context.Map(resource.Root, "metadata");
        return context.Text(metadata, "namespace") ?? (context.IsAbsent(metadata, "namespace") ? Hosts.DefaultNamespace : null);
    }

    /// <summary>
    /// <c>metadata.namespace</c> only when it is written and known (<see cref="AnalyzedResource.Namespace"/> does not
    /// consult the facts): for rules that must not assume kubectl's <c>default</c>.
    /// </summary>
    public static string? DeclaredNamespace(AnalyzedResource resource, AnalysisContext context) =>
        context.Text(context.Map(resource.Root, "metadata"), "namespace");

    /// <summary><c>metadata.name</c> when known.</summary>
    public static string? Name(AnalyzedResource resource, AnalysisContext context) => context.Text(context.Map(resource.Root, "metadata"), "name");

    /// <summary>The known string items of a list field with their indexes; unknown items (and <paramref name="except"/>) are skipped.</summary>
    public static StringItems Strings(DocumentNode? owner, string key, AnalysisContext context, string? except = null) =>
        new(context.Get(owner, key) as DocumentList, context.Facts, except);

    /// <summary>
    /// Are the known string items of a list field all of it: the field is known to be absent, or it is a closed list whose
    /// every item is a known string?
    /// </summary>
    public static bool HasOnlyKnownStrings(DocumentNode? owner, string key, AnalysisContext context)
    {
        switch (context.Get(owner, key))
        {
            case null:
                return context.IsAbsent(owner, key);
            case DocumentList list when !context.Facts.IsOpen(list):
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is not DocumentScalar { Kind: ScalarKind.String } scalar || !context.Facts.IsKnown(scalar))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The known integers under <paramref name="numberKey"/> in the maps of a list field (ports); null when any is
    /// not known or the list may hold more. An absent or empty list gives null too: nothing to check against.
    /// </summary>
    public static HashSet<long>? Integers(DocumentNode? owner, string key, string numberKey, AnalysisContext context)
    {
        if (context.Get(owner, key) is not DocumentList { Count: > 0 } list || context.Facts.IsOpen(list))
        {
            return null;
        }

        var numbers = new HashSet<long>();
        for (var i = 0; i < list.Count; i++)
        {
            if (context.Integer(list[i], numberKey) is not { } number)
            {
                return null;
            }

            numbers.Add(number);
        }

        return numbers;
    }

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
    public static List<string>? KnownStrings(AnalysisContext context, DocumentNode? node, string key)
    {
        if (context.Get(node, key) is not DocumentList list || !HasOnlyKnownStrings(node, key, context))
        {
            return null;
        }

        var strings = new List<string>(list.Count);
        foreach (var (value, _, _) in Strings(node, key, context))
        {
            strings.Add(value);
        }

        return strings;
    }

    /// <summary>
    /// The items of a list field when it is known whole: every item a closed map, the list closed. Empty when the field
    /// is known to be absent; null when it, or any item, may hold more than the analyzer saw.
    /// </summary>
    public static IReadOnlyList<DocumentMap>? ClosedMaps(AnalysisContext context, DocumentNode? node, string key)
    {
        if (context.IsAbsent(node, key))
        {
            return System.Array.Empty<DocumentMap>();
        }

        if (context.Get(node, key) is not DocumentList list || context.Facts.IsOpen(list))
        {
            return null;
        }

        var maps = new List<DocumentMap>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not DocumentMap map || context.Facts.IsOpen(map))
            {
                return null;
            }

            maps.Add(map);
        }

        return maps;
    }

    /// <summary>The map items of a list field, with their indexes.</summary>
    public static MapItems Maps(AnalysisContext context, DocumentNode? node, string key) => new(context.Get(node, key) as DocumentList);
}

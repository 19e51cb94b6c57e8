using System.Collections.Generic;
using MeshDsl.Documents;

namespace MeshDsl.Analysis.Rules;

/// <summary>
/// Fact-aware reads the set rules share: a resource's name and namespace when known, and the known strings of a
/// list together with whether they are the whole list.
/// </summary>
internal static class KnownFields
{
    /// <summary><c>metadata.namespace</c>; <c>default</c> when known to be unset; null when not known.</summary>
    public static string? Namespace(AnalyzedResource resource, AnalysisContext context)
    {
        var metadata = context.Map(resource.Root, "metadata");
        return context.Text(metadata, "namespace") ?? (context.IsAbsent(metadata, "namespace") ? Hosts.DefaultNamespace : null);
    }

    /// <summary><c>metadata.name</c> when known.</summary>
    public static string? Name(AnalyzedResource resource, AnalysisContext context) => context.Text(context.Map(resource.Root, "metadata"), "name");

    /// <summary>
    /// The known string items of a list field with their indexes. <paramref name="complete"/> is true when they are
    /// all of it: the field is known to be absent, or it is a closed list whose every item is a known string.
    /// </summary>
    public static List<(string Value, int Index, DocumentNode Node)> Strings(DocumentNode? owner, string key, AnalysisContext context, out bool complete)
    {
        var strings = new List<(string, int, DocumentNode)>();
        var field = context.Get(owner, key);
        complete = field is null ? context.IsAbsent(owner, key) : field is DocumentList list && !context.Facts.IsOpen(list);
        if (field is DocumentList items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is DocumentScalar { Kind: ScalarKind.String } scalar && context.Facts.IsKnown(scalar))
                {
                    strings.Add((scalar.Text, i, scalar));
                }
                else
                {
                    complete = false;
                }
            }
        }

        return strings;
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
        foreach (var item in list)
        {
            if (context.Integer(item, numberKey) is not { } number)
            {
                return null;
            }

            numbers.Add(number);
        }

        return numbers;
    }
}

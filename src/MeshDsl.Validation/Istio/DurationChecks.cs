using System;
using System.Collections.Generic;
using System.Linq;
using MeshDsl.Documents;
using MeshDsl.Generator.Parse;

namespace MeshDsl.Validation.Istio;

/// <summary>
/// X07 (ISTIO-CHECKS.md §B.1): Istio accepts durations only to millisecond precision. The duration fields are
/// found in the CRD schemas, not listed: every string field whose CEL rules call <c>duration(self)</c>
/// (the "≥ 1ms" rule, which the CEL engine checks; this check adds only the precision).
/// </summary>
internal static class DurationChecks
{
    private const long NanosPerMillisecond = 1_000_000;

    /// <summary>Checks the duration fields <paramref name="tree"/> leads to (the kind's, from <see cref="CrdCatalog.DurationFieldsFor"/>).</summary>
    public static void Check(DocumentMap document, DurationTree? tree, Findings findings)
    {
        if (tree is not null)
        {
            Walk(document, tree, FieldPath.Root, findings);
        }
    }

    private static void Walk(DocumentNode node, DurationTree tree, FieldPath path, Findings findings)
    {
        if (tree.IsDuration && node is DocumentScalar { Kind: ScalarKind.String } scalar)
        {
            CheckPrecision(scalar, path, findings);
        }

        switch (node)
        {
            case DocumentMap map:
                foreach (var entry in map)
                {
                    var child = tree.Fields.GetValueOrDefault(entry.Key) ?? tree.Values;
                    if (child is not null)
                    {
                        Walk(entry.Value, child, path.Field(entry.Key), findings);
                    }
                }

                break;
            case DocumentList list when tree.Items is not null:
                for (var i = 0; i < list.Count; i++)
                {
                    Walk(list[i], tree.Items, path.Item(i), findings);
                }

                break;
        }
    }

    // Durations below 1ms are the CEL rule's to report; this check adds only the precision.
    private static void CheckPrecision(DocumentScalar duration, FieldPath path, Findings findings)
    {
        if (MeshDsl.Duration.TryParseNanoseconds(duration.Text, out var nanos) && nanos >= NanosPerMillisecond && nanos % NanosPerMillisecond != 0)
        {
            findings.Error(IstioIds.CrossCutting, path.ToString(), duration, $"X07: duration '{duration.Text}' is not a whole number of milliseconds; Istio supports durations only to millisecond precision");
        }
    }
}

/// <summary>The part of a schema that leads to duration fields: a node per field, list item or map value on the way.</summary>
internal sealed class DurationTree
{
    private DurationTree(bool isDuration, Dictionary<string, DurationTree> fields, DurationTree? items, DurationTree? values)
    {
        IsDuration = isDuration;
        Fields = fields;
        Items = items;
        Values = values;
    }

    public bool IsDuration { get; }

    public Dictionary<string, DurationTree> Fields { get; }

    public DurationTree? Items { get; }

    public DurationTree? Values { get; }

    /// <summary>The tree below <paramref name="schema"/>, or null when no duration field is below it.</summary>
    public static DurationTree? From(SchemaNode? schema)
    {
        if (schema is null)
        {
            return null;
        }

        var isDuration = schema.Type == "string" && schema.ValidationRules.Any(rule => rule.Rule.Contains("duration(self)", StringComparison.Ordinal));
        var fields = new Dictionary<string, DurationTree>(StringComparer.Ordinal);
        foreach (var property in schema.Properties)
        {
            if (From(property.Schema) is { } child)
            {
                fields[property.Name] = child;
            }
        }

        var items = From(schema.Items);
        var values = From(schema.AdditionalProperties);
        return isDuration || fields.Count > 0 || items is not null || values is not null ? new DurationTree(isDuration, fields, items, values) : null;
    }

    // produces: spec.http[].timeout
    public IEnumerable<string> Paths(string path)
    {
        if (IsDuration)
        {
            yield return path;
        }

        var children = Fields.Select(f => (Path: path.Length == 0 ? f.Key : $"{path}.{f.Key}", Tree: f.Value))
            .Concat(Items is null ? Enumerable.Empty<(string, DurationTree)>() : new[] { ($"{path}[]", Items) })
            .Concat(Values is null ? Enumerable.Empty<(string, DurationTree)>() : new[] { ($"{path}{{}}", Values) });
        foreach (var (childPath, tree) in children)
        {
            foreach (var descendant in tree.Paths(childPath))
            {
                yield return descendant;
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using MeshDsl.Documents;

namespace MeshDsl.Validation.Istio;

/// <summary>
/// X07 (ISTIO-CHECKS.md §B.1): Istio accepts durations only to millisecond precision. The duration fields are
/// found in the CRD schemas, not listed: every string field whose CEL rules call <c>duration(self)</c>
/// (the "≥ 1ms" rule, which the CEL engine checks; this check adds only the precision).
/// </summary>
internal static class DurationChecks
{
    private const decimal NanosPerMillisecond = 1_000_000m;

    private static readonly Lazy<IReadOnlyDictionary<(string ApiVersion, string Kind), DurationTree>> IstioFields = new(ReadIstioFields);

    private static readonly Dictionary<string, decimal> UnitNanos = new(StringComparer.Ordinal)
    {
        ["ns"] = 1m, ["us"] = 1_000m, ["µs"] = 1_000m, ["μs"] = 1_000m, ["ms"] = 1_000_000m,
        ["s"] = 1_000_000_000m, ["m"] = 60_000_000_000m, ["h"] = 3_600_000_000_000m,
    };

    public static void Check(DocumentMap document, string apiVersion, string kind, Findings findings)
    {
        if (IstioFields.Value.TryGetValue((apiVersion, kind), out var tree))
        {
            Walk(document, tree, string.Empty, findings);
        }
    }

    /// <summary>The duration fields of every Istio kind, as <c>spec.http[].timeout</c> paths (for tests and docs).</summary>
    public static IEnumerable<string> FieldPaths(string apiVersion, string kind) =>
        IstioFields.Value.TryGetValue((apiVersion, kind), out var tree) ? tree.Paths(string.Empty) : Enumerable.Empty<string>();

    /// <summary>The nanoseconds a Go duration string (<c>1h2m3.5s</c>, <c>100ms</c>) stands for, or null when it is not one.</summary>
    public static decimal? GoDurationNanos(string text)
    {
        var rest = text.TrimStart('+', '-');
        if (rest == "0")
        {
            return 0m;
        }

        var total = 0m;
        var position = 0;
        try
        {
            while (position < rest.Length)
            {
                var start = position;
                while (position < rest.Length && (char.IsAsciiDigit(rest[position]) || rest[position] == '.'))
                {
                    position++;
                }

                var unitStart = position;
                while (position < rest.Length && !char.IsAsciiDigit(rest[position]) && rest[position] != '.')
                {
                    position++;
                }

                var number = rest.Substring(start, unitStart - start);
                if (number.Count(c => c == '.') > 1 || !number.Any(char.IsAsciiDigit) || !UnitNanos.TryGetValue(rest.Substring(unitStart, position - unitStart), out var unit))
                {
                    return null;
                }

                total += decimal.Parse(number.StartsWith('.') ? "0" + number : number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * unit;
            }
        }
        catch (OverflowException)
        {
            return null;
        }

        return rest.Length == 0 ? null : text.StartsWith('-') ? -total : total;
    }

    private static void Walk(DocumentNode node, DurationTree tree, string path, Findings findings)
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
                        Walk(entry.Value, child, path.Length == 0 ? entry.Key : $"{path}.{entry.Key}", findings);
                    }
                }

                break;
            case DocumentList list when tree.Items is not null:
                for (var i = 0; i < list.Count; i++)
                {
                    Walk(list[i], tree.Items, $"{path}[{i}]", findings);
                }

                break;
        }
    }

    private static void CheckPrecision(DocumentScalar duration, string path, Findings findings)
    {
        if (GoDurationNanos(duration.Text) is { } nanos && nanos >= NanosPerMillisecond && nanos % NanosPerMillisecond != 0)
        {
            findings.Error(IstioIds.CrossCutting, path, duration, $"X07: duration '{duration.Text}' is not a whole number of milliseconds; Istio supports durations only to millisecond precision");
        }
    }

    private static IReadOnlyDictionary<(string ApiVersion, string Kind), DurationTree> ReadIstioFields()
    {
        using var stream = typeof(CrdCatalog).Assembly.GetManifestResourceStream("MeshDsl.Validation.istio-crds.yaml");
        if (stream is null)
        {
            return new Dictionary<(string, string), DurationTree>();
        }

        using var reader = new StreamReader(stream);
        return Read(reader.ReadToEnd());
    }

    /// <summary>The duration fields of each served version of each CRD in <paramref name="crdText"/>.</summary>
    public static IReadOnlyDictionary<(string ApiVersion, string Kind), DurationTree> Read(string crdText)
    {
        var fields = new Dictionary<(string, string), DurationTree>();
        foreach (var crd in YamlDocuments.Read("crds.yaml", crdText).Select(d => d.Root).OfType<DocumentMap>())
        {
            var spec = crd.Map("spec");
            if (crd.Text("kind") != "CustomResourceDefinition" || spec.Text("group") is not { } group || spec.Map("names").Text("kind") is not { } kind)
            {
                continue;
            }

            foreach (var version in spec.Items("versions"))
            {
                if (version.Text("name") is { } name && DurationTree.From(version.Map("schema").Map("openAPIV3Schema")) is { } tree)
                {
                    fields[($"{group}/{name}", kind)] = tree;
                }
            }
        }

        return fields;
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
    public static DurationTree? From(DocumentMap? schema)
    {
        if (schema is null)
        {
            return null;
        }

        var isDuration = schema.Text("type") == "string"
            && schema.Items("x-kubernetes-validations").Any(rule => rule.Text("rule")?.Contains("duration(self)", StringComparison.Ordinal) == true);
        var fields = new Dictionary<string, DurationTree>(StringComparer.Ordinal);
        foreach (var property in schema.Map("properties") ?? new DocumentMap())
        {
            if (From(property.Value as DocumentMap) is { } child)
            {
                fields[property.Key] = child;
            }
        }

        var items = From(schema.Map("items"));
        var values = From(schema.Map("additionalProperties"));
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

using System.Collections.Generic;
using System.Linq;
using MeshDsl.Generator.Common;

namespace MeshDsl.Generator.Parse;

/// <summary>Reads an OpenAPI v3 schema (a <see cref="YamlMap"/>) into <see cref="SchemaNode"/>s.</summary>
internal static class SchemaReader
{
    public static SchemaNode Read(YamlMap map)
    {
        var properties = (map.Get("properties") as YamlMap)?.Entries
            .Where(e => e.Value is YamlMap)
            .Select(e => new SchemaProperty(e.Key.Value, Read((YamlMap)e.Value)))
            .ToEquatableArray() ?? EquatableArray<SchemaProperty>.Empty;
        var additional = map.Get("additionalProperties") switch
        {
            YamlMap schema => Read(schema),
            YamlScalar { IsTrue: true } scalar => new SchemaNode { PreserveUnknownFields = true, Line = scalar.Line, Column = scalar.Column },
            _ => null,
        };
        var items = map.Get("items") as YamlMap;
        return new SchemaNode
        {
            Type = map.GetString("type"),
            Format = map.GetString("format"),
            Description = map.GetString("description"),
            Minimum = map.GetString("minimum"),
            Maximum = map.GetString("maximum"),
            MinLength = Long(map.GetString("minLength")),
            MaxLength = Long(map.GetString("maxLength")),
            Pattern = map.GetString("pattern"),
            MinItems = Long(map.GetString("minItems")),
            MaxItems = Long(map.GetString("maxItems")),
            MinProperties = Long(map.GetString("minProperties")),
            MaxProperties = Long(map.GetString("maxProperties")),
            Nullable = (map.Get("nullable") as YamlScalar)?.IsTrue ?? false,
            ListType = map.GetString("x-kubernetes-list-type"),
            ListMapKeys = Strings(map.Get("x-kubernetes-list-map-keys")),
            EnumValues = Strings(map.Get("enum")),
            Properties = properties,
            Required = Strings(map.Get("required")),
            Items = items is null ? null : Read(items),
            AdditionalProperties = additional,
            IntOrString = (map.Get("x-kubernetes-int-or-string") as YamlScalar)?.IsTrue ?? false,
            PreserveUnknownFields = (map.Get("x-kubernetes-preserve-unknown-fields") as YamlScalar)?.IsTrue ?? false,
            OneOfGroups = ReadOneOfGroups(map),
            ValidationRules = (map.Get("x-kubernetes-validations") as YamlSequence)?.Items
                .OfType<YamlMap>()
                .Where(rule => rule.GetString("rule") is not null)
                .Select(rule => new ValidationRule(rule.GetString("rule")!, rule.GetString("message")))
                .ToEquatableArray() ?? EquatableArray<ValidationRule>.Empty,
            Untyped = DescribeUntyped(map),
            Line = map.Line,
            Column = map.Column,
        };
    }

    // Istio writes "at most one of a, b" as oneOf: [{not: {anyOf: [{required: [a]}, {required: [b]}]}}, {required: [a]}, {required: [b]}]
    // and several such groups on one object as allOf: [{oneOf: ...}, {oneOf: ...}]. A oneOf of bare
    // required lists (no "not" branch) means exactly one of them.
    private static EquatableArray<OneOfGroup> ReadOneOfGroups(YamlMap map)
    {
        var groups = new List<OneOfGroup>();
        AddGroup(groups, map.Get("oneOf") as YamlSequence);
        if (map.Get("allOf") is YamlSequence allOf)
        {
            foreach (var branch in allOf.Items.OfType<YamlMap>())
            {
                AddGroup(groups, branch.Get("oneOf") as YamlSequence);
            }
        }

        return groups.ToEquatableArray();
    }

    private static void AddGroup(List<OneOfGroup> groups, YamlSequence? oneOf)
    {
        if (oneOf is null)
        {
            return;
        }

        var fields = new List<string>();
        var allowsNone = false;
        foreach (var branch in oneOf.Items.OfType<YamlMap>())
        {
            if (branch.Get("not") is not null)
            {
                allowsNone = true;
                continue;
            }

            foreach (var field in Strings(branch.Get("required")))
            {
                if (!fields.Contains(field))
                {
                    fields.Add(field);
                }
            }
        }

        if (fields.Count > 0)
        {
            groups.Add(new OneOfGroup(fields.ToEquatableArray(), Required: !allowsNone));
        }
    }

    // anyOf is understood only as int-or-string's [integer, string]; other combinators that carry their own
    // types or properties describe values the generator does not type.
    private static string? DescribeUntyped(YamlMap map)
    {
        if ((map.Get("x-kubernetes-int-or-string") as YamlScalar)?.IsTrue == true)
        {
            return null;
        }

        foreach (var combinator in new[] { "anyOf", "oneOf", "allOf" })
        {
            if (map.Get("type") is null
                && map.Get(combinator) is YamlSequence branches
                && branches.Items.OfType<YamlMap>().Any(b => b.Get("type") is not null || b.Get("properties") is not null))
            {
                return $"'{combinator}' with typed branches";
            }
        }

        return null;
    }

    private static long? Long(string? text) =>
        long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    private static EquatableArray<string> Strings(YamlValue? value) =>
        (value as YamlSequence)?.Items.OfType<YamlScalar>().Select(s => s.Value).ToEquatableArray() ?? EquatableArray<string>.Empty;
}

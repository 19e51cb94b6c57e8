using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using MeshDsl.Documents;
using MeshDsl.Generator.Parse;

namespace MeshDsl.Validation;

/// <summary>A schema compiled into a check: called on a node, it reports what is wrong with it.</summary>
internal delegate void SchemaCheck(DocumentNode node, FieldPath path, List<ValidationFinding> findings);

/// <summary>
/// Compiles an OpenAPI v3 schema once into nested <see cref="SchemaCheck"/> closures: each node's checks
/// (type, enum, range, length, pattern, counts, required, unknown fields, "at most one of") are decided at
/// compile time, so validating a document walks the document, not the schema.
/// </summary>
internal static class SchemaCompiler
{
    private static readonly HashSet<string> ImplicitRootFields = new(StringComparer.Ordinal) { "apiVersion", "kind", "metadata" };

    public static SchemaCheck Compile(SchemaNode schema, bool isRoot = false)
    {
        var check = CompileStructure(schema, isRoot);
        return schema.ValidationRules.IsEmpty ? check : WithRules(check, schema);
    }

    // The CEL rules run on a node that has the schema's type, after its structural checks, as the API server runs them.
    private static SchemaCheck WithRules(SchemaCheck structure, SchemaNode schema)
    {
        var rules = schema.ValidationRules.Select(Cel.CelRule.Compile).ToArray();
        return (node, path, findings) =>
        {
            structure(node, path, findings);
            if (!HasSchemaType(node, schema))
            {
                return;
            }

            foreach (var rule in rules)
            {
                if (rule.Unsupported is { } reason)
                {
                    findings.Add(new ValidationFinding(ValidationIds.CelUnsupported, FindingSeverity.Warning, path.ToString(), $"the CRD's rule '{rule.Rule.Rule}' was not checked: {reason}", node.DeclaredAt));
                }
                else if (rule.Check(node) is { } message)
                {
                    Report(findings, ValidationIds.CelRule, path, node, message);
                }
            }
        };
    }

    private static bool HasSchemaType(DocumentNode node, SchemaNode schema) => node switch
    {
        DocumentScalar { Kind: ScalarKind.Null } => false,
        _ when schema.IntOrString => node is DocumentScalar { Kind: ScalarKind.Integer or ScalarKind.String },
        DocumentMap => schema.Type is "object" or null,
        DocumentList => schema.Type is "array" or null,
        DocumentScalar scalar => (schema.Type, scalar.Kind) switch
        {
            (null, _) or ("string", ScalarKind.String) or ("integer", ScalarKind.Integer) or ("boolean", ScalarKind.Boolean) => true,
            ("number", ScalarKind.Integer or ScalarKind.Number) => true,
            _ => false,
        },
        _ => false,
    };

    private static SchemaCheck CompileStructure(SchemaNode schema, bool isRoot)
    {
        if (schema.IntOrString)
        {
            return (node, path, findings) =>
            {
                if (node is not DocumentScalar { Kind: ScalarKind.Integer or ScalarKind.String } && !IsAllowedNull(node, schema))
                {
                    Report(findings, ValidationIds.WrongType, path, node, $"expected an integer or a string, found {Describe(node)}");
                }
            };
        }

        if (schema.Untyped is not null || (schema.Type is null && schema.Properties.IsEmpty))
        {
            return (_, _, _) => { };
        }

        return schema.Type switch
        {
            "object" => CompileObject(schema, isRoot),
            "array" => CompileArray(schema),
            "string" => CompileString(schema),
            "integer" => CompileNumber(schema, integer: true),
            "number" => CompileNumber(schema, integer: false),
            "boolean" => CompileScalar(schema, ScalarKind.Boolean, "a boolean"),
            _ => CompileObject(schema, isRoot),
        };
    }

    private static SchemaCheck CompileObject(SchemaNode schema, bool isRoot)
    {
        var properties = schema.Properties.ToDictionary(p => p.Name, p => Compile(p.Schema), StringComparer.Ordinal);
        var additional = schema.AdditionalProperties is null ? null : Compile(schema.AdditionalProperties);
        var openEnded = schema.PreserveUnknownFields || (properties.Count == 0 && additional is null);
        var required = schema.Required.ToArray();
        var groups = schema.OneOfGroups.ToArray();
        var (minProperties, maxProperties) = (schema.MinProperties, schema.MaxProperties);
        return (node, path, findings) =>
        {
            if (node is not DocumentMap map)
            {
                if (!IsAllowedNull(node, schema))
                {
                    Report(findings, ValidationIds.WrongType, path, node, $"expected an object, found {Describe(node)}");
                }

                return;
            }

            foreach (var field in required)
            {
                if (map[field] is null)
                {
                    Report(findings, ValidationIds.RequiredMissing, path.Field(field), map, $"required field '{field}' is missing");
                }
            }

            foreach (var group in groups)
            {
                var set = group.Fields.Where(f => map[f] is not null).ToList();
                if (set.Count > 1)
                {
                    Report(findings, ValidationIds.OneOf, path.Field(set[1]), map[set[1]]!, $"at most one of {string.Join(", ", group.Fields)} may be set; found {string.Join(" and ", set)}");
                }
                else if (set.Count == 0 && group.Required)
                {
                    Report(findings, ValidationIds.OneOf, path, map, $"exactly one of {string.Join(", ", group.Fields)} must be set");
                }
            }

            if (maxProperties is { } max && map.Count > max)
            {
                Report(findings, ValidationIds.BadCount, path, map, $"has {map.Count} entries, more than the {max} allowed");
            }

            if (minProperties is { } min && map.Count < min)
            {
                Report(findings, ValidationIds.BadCount, path, map, $"has {map.Count} entries, fewer than the {min} required");
            }

            foreach (var entry in map)
            {
                if (properties.TryGetValue(entry.Key, out var check))
                {
                    check(entry.Value, path.Field(entry.Key), findings);
                }
                else if (additional is not null)
                {
                    additional(entry.Value, path.Field(entry.Key), findings);
                }
                else if (isRoot && entry.Key == "metadata" && entry.Value is not DocumentMap)
                {
                    Report(findings, ValidationIds.WrongType, path.Field(entry.Key), entry.Value, $"expected an object, found {Describe(entry.Value)}");
                }
                else if (!openEnded && !(isRoot && ImplicitRootFields.Contains(entry.Key)))
                {
                    findings.Add(new ValidationFinding(ValidationIds.UnknownField, FindingSeverity.Warning, path.Field(entry.Key).ToString(), $"unknown field '{entry.Key}': the API server prunes it, or rejects the document with strict field validation; check its spelling and the apiVersion", entry.Value.DeclaredAt));
                }
            }
        };
    }

    private static SchemaCheck CompileArray(SchemaNode schema)
    {
        var items = schema.Items is null ? null : Compile(schema.Items);
        var (minItems, maxItems) = (schema.MinItems, schema.MaxItems);
        var identity = ItemIdentity(schema);
        return (node, path, findings) =>
        {
            if (node is not DocumentList list)
            {
                if (!IsAllowedNull(node, schema))
                {
                    Report(findings, ValidationIds.WrongType, path, node, $"expected a list, found {Describe(node)}");
                }

                return;
            }

            if (maxItems is { } max && list.Count > max)
            {
                Report(findings, ValidationIds.BadCount, path, list, $"has {list.Count} items, more than the {max} allowed");
            }

            if (minItems is { } min && list.Count < min)
            {
                Report(findings, ValidationIds.BadCount, path, list, $"has {list.Count} items, fewer than the {min} required");
            }

            if (items is not null)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    items(list[i], path.Item(i), findings);
                }
            }

            if (identity is not null && list.Count > 1)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                for (var i = 0; i < list.Count; i++)
                {
                    if (identity(list[i]) is { } id && !seen.Add(id))
                    {
                        Report(findings, ValidationIds.DuplicateItem, path.Item(i), list[i], $"duplicates an earlier item ({Shorten(id)}); a {schema.ListType}-type list needs each {(schema.ListType == "map" ? "key" : "value")} once");
                    }
                }
            }
        };
    }

    private static SchemaCheck CompileString(SchemaNode schema)
    {
        var values = schema.EnumValues.IsEmpty ? null : new HashSet<string>(schema.EnumValues, StringComparer.Ordinal);
        var pattern = schema.Pattern is null ? null : new Regex(schema.Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var (minLength, maxLength) = (schema.MinLength, schema.MaxLength);
        return (node, path, findings) =>
        {
            if (node is not DocumentScalar { Kind: ScalarKind.String } scalar)
            {
                if (!IsAllowedNull(node, schema))
                {
                    Report(findings, ValidationIds.WrongType, path, node, $"expected a string, found {Describe(node)}{(node is DocumentScalar ? "; quote it" : string.Empty)}");
                }

                return;
            }

            var text = scalar.Text;
            if (values is not null && !values.Contains(text))
            {
                Report(findings, ValidationIds.NotInEnum, path, node, $"'{Shorten(text)}' is not one of {string.Join(", ", schema.EnumValues)}");
            }

            if (maxLength is not null || minLength is not null)
            {
                // The API server counts code points (Go's utf8.RuneCountInString), not UTF-16 units or graphemes.
                var length = text.Length - CountSurrogatePairs(text);
                if (maxLength is { } max && length > max)
                {
                    Report(findings, ValidationIds.BadString, path, node, $"is {length} characters long, more than the {max} allowed");
                }

                if (minLength is { } min && length < min)
                {
                    Report(findings, ValidationIds.BadString, path, node, $"is {length} characters long, fewer than the {min} required");
                }
            }

            if (pattern is not null && !pattern.IsMatch(text))
            {
                Report(findings, ValidationIds.BadString, path, node, $"'{Shorten(text)}' does not match the pattern {schema.Pattern}");
            }
        };
    }

    private static SchemaCheck CompileNumber(SchemaNode schema, bool integer)
    {
        var (min, max) = Range(schema);
        var values = schema.EnumValues.IsEmpty ? null : schema.EnumValues.ToHashSet(StringComparer.Ordinal);
        var expected = integer ? "an integer" : "a number";
        return (node, path, findings) =>
        {
            if (node is not DocumentScalar { Kind: ScalarKind.Integer or ScalarKind.Number } scalar || (integer && scalar.Kind == ScalarKind.Number))
            {
                if (!IsAllowedNull(node, schema))
                {
                    Report(findings, ValidationIds.WrongType, path, node, $"expected {expected}, found {Describe(node)}");
                }

                return;
            }

            if (OutsideRange(scalar.Text, min, max))
            {
                Report(findings, ValidationIds.OutOfRange, path, node, $"{scalar.Text} is outside {Bound(min, "-∞")}..{Bound(max, "∞")}");
            }

            if (values is not null && !values.Contains(scalar.Text))
            {
                Report(findings, ValidationIds.NotInEnum, path, node, $"{scalar.Text} is not one of {string.Join(", ", schema.EnumValues)}");
            }
        };
    }

    private static SchemaCheck CompileScalar(SchemaNode schema, ScalarKind kind, string expected) =>
        (node, path, findings) =>
        {
            if (node is not DocumentScalar scalar || scalar.Kind != kind)
            {
                if (!IsAllowedNull(node, schema))
                {
                    Report(findings, ValidationIds.WrongType, path, node, $"expected {expected}, found {Describe(node)}");
                }
            }
        };

    // The schema's bounds, narrowed by the integer format's range.
    private static (decimal? Min, decimal? Max) Range(SchemaNode schema)
    {
        decimal? min = decimal.TryParse(schema.Minimum, NumberStyles.Float, CultureInfo.InvariantCulture, out var low) ? low : null;
        decimal? max = decimal.TryParse(schema.Maximum, NumberStyles.Float, CultureInfo.InvariantCulture, out var high) ? high : null;
        (decimal Min, decimal Max)? format = schema.Format switch
        {
            "int32" => (int.MinValue, int.MaxValue),
            "int64" => (long.MinValue, long.MaxValue),
            _ => null,
        };
        if (format is { } f)
        {
            min = min is null ? f.Min : Math.Max(min.Value, f.Min);
            max = max is null ? f.Max : Math.Min(max.Value, f.Max);
        }

        return (min, max);
    }

    // Exact for every decimal; beyond decimal's range (1e30, .inf) and for .nan, by double comparison.
    private static bool OutsideRange(string text, decimal? min, decimal? max)
    {
        if (min is null && max is null)
        {
            return false;
        }

        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            return (min is { } low && exact < low) || (max is { } high && exact > high);
        }

        var approximate = text switch
        {
            ".inf" or "+.inf" => double.PositiveInfinity,
            "-.inf" => double.NegativeInfinity,
            _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : double.NaN,
        };
        return double.IsNaN(approximate) || (min is { } l && approximate < (double)l) || (max is { } h && approximate > (double)h);
    }

    // What makes an item unique in a set-type list (its value) or a map-type list (its key fields); null otherwise.
    private static Func<DocumentNode, string?>? ItemIdentity(SchemaNode schema) => schema.ListType switch
    {
        "set" => item => item is DocumentScalar scalar ? $"{scalar.Kind}:{scalar.Text}" : null,
        "map" when !schema.ListMapKeys.IsEmpty => item => item is DocumentMap map
            ? string.Join(", ", schema.ListMapKeys.Select(key => $"{key}={(map[key] as DocumentScalar)?.Text ?? "(unset)"}"))
            : null,
        _ => null,
    };

    // Findings quote values; a 100,000-character value is quoted by its start.
    private static string Shorten(string text) => text.Length <= 80 ? text : text.Substring(0, 77) + "...";

    private static int CountSurrogatePairs(string text)
    {
        var pairs = 0;
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                pairs++;
                i++;
            }
        }

        return pairs;
    }

    private static string Bound(decimal? value, string none) => value?.ToString(CultureInfo.InvariantCulture) ?? none;

    private static bool IsAllowedNull(DocumentNode node, SchemaNode schema) => schema.Nullable && node is DocumentScalar { Kind: ScalarKind.Null };

    private static void Report(List<ValidationFinding> findings, string id, FieldPath path, DocumentNode node, string message) =>
        findings.Add(new ValidationFinding(id, FindingSeverity.Error, path.ToString(), message, node.DeclaredAt));

    private static string Describe(DocumentNode node) => node switch
    {
        DocumentMap => "an object",
        DocumentList => "a list",
        DocumentScalar { Kind: ScalarKind.String } s => $"the string '{Shorten(s.Text)}'",
        DocumentScalar { Kind: ScalarKind.Null } => "null",
        DocumentScalar s => $"{s.Kind.ToString().ToLowerInvariant()} {s.Text}",
        _ => "a value",
    };
}

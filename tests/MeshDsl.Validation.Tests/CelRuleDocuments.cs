using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using MeshDsl.Documents;

namespace MeshDsl.Validation.Tests;

/// <summary>A generated document, the field path of its rule site, and the node placed there.</summary>
internal sealed record CelRuleDocument(DocumentMap Root, string Path, DocumentNode Site)
{
    public override string ToString() => CelRuleDocuments.Describe(Root);
}

/// <summary>
/// Builds a minimal valid document of a site's kind and version with a given value at the site: every object on
/// the way gets its required fields (generic values from the schema: an enum's first value, a string that meets
/// minLength and pattern, 80 for an integer when the range allows, one item for a required list) and the fields
/// its own rules need (<see cref="CelRuleEntry.OnTheWay"/>). A node that carries rules gets the table's first
/// satisfying value. An object value at the site gets its required fields added.
/// </summary>
internal static class CelRuleDocuments
{
    /// <summary>Where the site's node says it was declared; a rule's finding must point here.</summary>
    public static readonly SourceLocation SiteLocation = new("cel-rule-site.yaml", 7, 3);

    private const string DefaultMapKey = "app";

    // Required strings Istio's webhook reads: a targetRef must name a kind it supports.
    private static readonly Dictionary<string, string> KnownStrings = new(StringComparer.Ordinal)
    {
        ["kind"] = "Service",
        ["name"] = "reviews",
    };

    // Istio's webhook checks want more than the schemas require: a VirtualService needs a route, a Gateway a
    // server with a known protocol, a Sidecar a listener with a port, an EnvoyFilter's patch an applyTo and a value.
    private static readonly Dictionary<string, string> Seeds = new(StringComparer.Ordinal)
    {
        ["VirtualService"] = "{hosts: [reviews], http: [{route: [{destination: {host: reviews}}]}]}",
        ["DestinationRule"] = "{host: reviews}",
        ["Gateway"] = "{servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: ['*'], tls: {mode: SIMPLE, credentialName: gateway-cert}}]}",
        ["Sidecar"] = "{ingress: [{port: {number: 9080, protocol: HTTP, name: http}}]}",
        ["EnvoyFilter"] = "{configPatches: [{applyTo: HTTP_FILTER, patch: {operation: INSERT_BEFORE, value: {name: envoy.filters.http.lua}}}]}",
    };

    public static CelRuleDocument Build(CelRuleSite site, CelRuleCase value)
    {
        var root = new DocumentMap
        {
            { "apiVersion", DocumentScalar.String(site.ApiVersion) },
            { "kind", DocumentScalar.String(site.Kind) },
            { "metadata", new DocumentMap { { "name", DocumentScalar.String("test") }, { "namespace", DocumentScalar.String("default") } } },
        };
        if (Seeds.TryGetValue(site.Kind, out var seed))
        {
            root.Add("spec", Read(seed));
        }

        var path = new StringBuilder();
        DocumentNode? placed = null;
        Descend(root, site.Root, site, 0, schema =>
        {
            placed = AtSite(schema, value.Self(schema));
            placed.DeclaredAt = SiteLocation;
            return placed;
        }, path);
        return new CelRuleDocument(root, path.ToString(), placed!);
    }

    /// <summary>A map with <paramref name="keys"/>, each holding a valid value of the map's value schema.</summary>
    public static DocumentMap MapWithKeys(CelRuleSchema schema, IEnumerable<string> keys)
    {
        var values = schema.AdditionalProperties ?? throw new InvalidOperationException("a map rule on a schema without additionalProperties");
        var map = new DocumentMap();
        foreach (var key in keys)
        {
            map.Add(key, ValidValue(values, key));
        }

        return map;
    }

    /// <summary>The document as one line of flow YAML, for failure messages.</summary>
    public static string Describe(DocumentNode node) => node switch
    {
        DocumentMap map => "{" + string.Join(", ", map.Select(e => $"{Quote(e.Key)}: {Describe(e.Value)}")) + "}",
        DocumentList list => "[" + string.Join(", ", list.Select(Describe)) + "]",
        DocumentScalar { Kind: ScalarKind.String } scalar => Quote(scalar.Text),
        DocumentScalar scalar => scalar.Text,
        _ => "?",
    };

    private static DocumentNode Descend(DocumentNode? existing, CelRuleSchema schema, CelRuleSite site, int depth, Func<CelRuleSchema, DocumentNode> atSite, StringBuilder path)
    {
        if (depth == site.Segments.Count)
        {
            return atSite(schema);
        }

        var segment = site.Segments[depth];
        if (segment == "[]")
        {
            var items = existing as DocumentList ?? new DocumentList();
            path.Append("[0]");
            var list = new DocumentList { Descend(items.Count > 0 ? items[0] : null, schema.Items!, site, depth + 1, atSite, path) };
            foreach (var rest in items.Skip(1))
            {
                list.Add(rest);
            }

            return list;
        }

        if (segment == "*")
        {
            var entries = existing as DocumentMap ?? new DocumentMap();
            var key = entries.Count > 0 ? entries.First().Key : MapKeyFor(schema);
            path.Append('.').Append(key);
            entries.Add(key, Descend(entries[key], schema.AdditionalProperties!, site, depth + 1, atSite, path));
            return entries;
        }

        var map = Complete(existing as DocumentMap ?? new DocumentMap(), schema, onTheWay: true);
        path.Append(path.Length == 0 ? string.Empty : ".").Append(segment);
        map.Add(segment, Descend(map[segment], schema.Property(segment) ?? throw new InvalidOperationException($"no field {segment} in {site.Id}"), site, depth + 1, atSite, path));
        return map;
    }

    // The value given for the site; an object gets the required fields it lacks (its own rules are what is tested).
    private static DocumentNode AtSite(CelRuleSchema schema, DocumentNode value)
    {
        var expected = schema.Type switch
        {
            "object" => typeof(DocumentMap),
            "array" => typeof(DocumentList),
            _ => typeof(DocumentScalar),
        };
        if (!expected.IsInstanceOfType(value))
        {
            throw new InvalidOperationException($"table value {Describe(value)} does not fit a schema of type {schema.Type}");
        }

        return value is DocumentMap map && schema.AdditionalProperties is null ? Complete(map, schema, onTheWay: false) : value;
    }

    // Adds the required fields an object lacks, one field of each exactly-one-of group, and (on the way to a
    // site) the fields its rules need.
    private static DocumentMap Complete(DocumentMap map, CelRuleSchema schema, bool onTheWay)
    {
        if (onTheWay)
        {
            foreach (var filler in RuleEntries(schema).Select(e => e.OnTheWay).OfType<CelRuleCase>())
            {
                foreach (var (field, value) in (DocumentMap)filler.Self(schema))
                {
                    if (map[field] is null)
                    {
                        map.Add(field, value);
                    }
                }
            }
        }

        foreach (var field in schema.Required.Concat(schema.ExactlyOneOf.Where(g => !g.Any(f => map[f] is not null)).Select(g => g[0])))
        {
            if (map[field] is null)
            {
                map.Add(field, ValidValue(schema.Property(field)!, field));
            }
        }

        return map;
    }

    // A valid value for a node nothing else decides: the table's first satisfying value when the node carries a
    // rule on a scalar, list or map; otherwise a generic one from the schema.
    private static DocumentNode ValidValue(CelRuleSchema schema, string name)
    {
        var isPlainObject = schema.Type == "object" && schema.AdditionalProperties is null;
        if (!isPlainObject && RuleEntries(schema).FirstOrDefault() is { } entry)
        {
            return entry.Satisfying[0].Self(schema);
        }

        switch (schema.Type)
        {
            case "array":
                var list = new DocumentList();
                for (var i = 0; i < Math.Max(1, schema.MinItems ?? 0); i++)
                {
                    list.Add(ValidValue(schema.Items!, name));
                }

                return list;
            case "string":
                return DocumentScalar.String(GenericString(schema, name));
            case "integer":
                return DocumentScalar.Integer((long)Clamp(80, schema));
            case "number":
                return DocumentScalar.Number((double)Clamp(1, schema));
            case "boolean":
                return DocumentScalar.Boolean(false);
            case "object" when schema.AdditionalProperties is not null:
                return MapWithKeys(schema, Enumerable.Range(0, schema.MinProperties ?? 0).Select(i => i == 0 ? MapKeyFor(schema) : $"{MapKeyFor(schema)}{i}"));
            default:
                return Complete(new DocumentMap(), schema, onTheWay: true);
        }
    }

    // A key that satisfies the map's own rules: the first key of a satisfying table value, else "app".
    private static string MapKeyFor(CelRuleSchema schema) =>
        RuleEntries(schema).SelectMany(e => e.Satisfying).FirstOrDefault(c => c.MapKeys.Count > 0)?.MapKeys[0] ?? DefaultMapKey;

    private static string GenericString(CelRuleSchema schema, string name)
    {
        if (schema.Enum.Count > 0)
        {
            return schema.Enum[0];
        }

        foreach (var candidate in new[] { KnownStrings.GetValueOrDefault(name, name), "x", "a1" })
        {
            var length = candidate.Length;
            if (length >= (schema.MinLength ?? 0) && length <= (schema.MaxLength ?? int.MaxValue)
                && (schema.Pattern is null || Regex.IsMatch(candidate, schema.Pattern, RegexOptions.CultureInvariant)))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"no generic value for the string field '{name}' (pattern {schema.Pattern})");
    }

    private static decimal Clamp(decimal preferred, CelRuleSchema schema) =>
        Math.Min(Math.Max(preferred, schema.Minimum ?? decimal.MinValue), schema.Maximum ?? decimal.MaxValue);

    private static IEnumerable<CelRuleEntry> RuleEntries(CelRuleSchema schema) =>
        schema.Rules.Select(r => CelRuleTable.ByRule.TryGetValue(r.Rule, out var entry) ? entry : null).OfType<CelRuleEntry>();

    private static DocumentNode Read(string flow) => YamlDocuments.Read("cel-rule-seed.yaml", flow).Single().Root!;

    private static string Quote(string text) =>
        text.Length > 0 && text.All(c => char.IsLetterOrDigit(c) || c is '.' || c is '-' || c is '_' || c is '/') && !char.IsDigit(text[0])
            ? text
            : "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace MeshDsl.Validation.Tests;

/// <summary>One <c>x-kubernetes-validations</c> entry as the CRD writes it.</summary>
internal sealed record CelRuleText(string Rule, string? Message)
{
    /// <summary>What the API server says when the rule fails: its message, or <c>failed rule: ...</c> without one.</summary>
    public string ExpectedMessage => string.IsNullOrEmpty(Message) ? $"failed rule: {Rule}" : Message;
}

/// <summary>
/// The part of an OpenAPI schema node the document generator needs: type, fields, required fields, the value
/// constraints a generic value must meet, and the CEL rules the node carries. Read from the bundle with
/// YamlDotNet, independently of the validator's own CRD reader.
/// </summary>
internal sealed class CelRuleSchema
{
    public string? Type { get; private init; }

    public IReadOnlyList<KeyValuePair<string, CelRuleSchema>> Properties { get; private init; } = Array.Empty<KeyValuePair<string, CelRuleSchema>>();

    public IReadOnlyList<string> Required { get; private init; } = Array.Empty<string>();

    public CelRuleSchema? Items { get; private init; }

    public CelRuleSchema? AdditionalProperties { get; private init; }

    public IReadOnlyList<string> Enum { get; private init; } = Array.Empty<string>();

    public decimal? Minimum { get; private init; }

    public decimal? Maximum { get; private init; }

    public int? MinLength { get; private init; }

    public int? MaxLength { get; private init; }

    public string? Pattern { get; private init; }

    public int? MinItems { get; private init; }

    public int? MinProperties { get; private init; }

    /// <summary>Groups of fields of which exactly one must be set (a <c>oneOf</c> without a "none of them" branch).</summary>
    public IReadOnlyList<IReadOnlyList<string>> ExactlyOneOf { get; private init; } = Array.Empty<IReadOnlyList<string>>();

    public IReadOnlyList<CelRuleText> Rules { get; private init; } = Array.Empty<CelRuleText>();

    public CelRuleSchema? Property(string name) => Properties.FirstOrDefault(p => p.Key == name).Value;

    public static CelRuleSchema Read(YamlMappingNode map) => new()
    {
        Type = Text(map, "type"),
        Properties = (Get(map, "properties") as YamlMappingNode)?.Children
            .Select(e => new KeyValuePair<string, CelRuleSchema>(((YamlScalarNode)e.Key).Value!, Read((YamlMappingNode)e.Value)))
            .ToList() ?? new List<KeyValuePair<string, CelRuleSchema>>(),
        Required = Strings(Get(map, "required")),
        Items = Get(map, "items") is YamlMappingNode items ? Read(items) : null,
        AdditionalProperties = Get(map, "additionalProperties") is YamlMappingNode additional ? Read(additional) : null,
        Enum = Strings(Get(map, "enum")),
        Minimum = Number(map, "minimum"),
        Maximum = Number(map, "maximum"),
        MinLength = (int?)Number(map, "minLength"),
        MaxLength = (int?)Number(map, "maxLength"),
        Pattern = Text(map, "pattern"),
        MinItems = (int?)Number(map, "minItems"),
        MinProperties = (int?)Number(map, "minProperties"),
        ExactlyOneOf = Get(map, "oneOf") is YamlSequenceNode oneOf && oneOf.Children.OfType<YamlMappingNode>().All(b => Get(b, "not") is null)
            ? new[] { oneOf.Children.OfType<YamlMappingNode>().SelectMany(b => Strings(Get(b, "required"))).ToList() }
            : Array.Empty<IReadOnlyList<string>>(),
        Rules = (Get(map, "x-kubernetes-validations") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>()
            .Select(r => new CelRuleText(Text(r, "rule")!, Text(r, "message")))
            .ToList() ?? new List<CelRuleText>(),
    };

    internal static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    internal static string? Text(YamlMappingNode map, string key) => (Get(map, key) as YamlScalarNode)?.Value;

    private static decimal? Number(YamlMappingNode map, string key) =>
        Text(map, key) is { } text ? decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : null;

    private static List<string> Strings(YamlNode? node) =>
        (node as YamlSequenceNode)?.Children.OfType<YamlScalarNode>().Select(s => s.Value!).ToList() ?? new List<string>();
}

/// <summary>
/// One rule site: a rule of one schema node of one served version of one kind. <see cref="Segments"/> walk from the
/// root schema to the node: a field name, <c>[]</c> for list items, <c>*</c> for map values.
/// </summary>
internal sealed record CelRuleSite(string Group, string Version, string Kind, IReadOnlyList<string> Segments, int RuleIndex, CelRuleText Text, CelRuleSchema Root)
{
    public string ApiVersion => $"{Group}/{Version}";

    public string Rule => Text.Rule;

    /// <summary><c>spec.endpoints[].ports.*</c>.</summary>
    public string SchemaPath => string.Concat(Segments.Select((s, i) => s == "[]" ? s : (i == 0 ? s : "." + s)));

    /// <summary>The theory case name: <c>ServiceEntry/v1/spec.endpoints[]/rule 1</c>.</summary>
    public string Id => $"{Kind}/{Version}/{SchemaPath}/rule {RuleIndex}";

    /// <summary>The schema node that carries the rule.</summary>
    public CelRuleSchema Node => Segments.Aggregate(Root, (schema, segment) => segment switch
    {
        "[]" => schema.Items!,
        "*" => schema.AdditionalProperties!,
        _ => schema.Property(segment)!,
    });

    public override string ToString() => Id;
}

/// <summary>Every CEL rule site of the pinned Istio CRD bundle, read in place from ../shared.</summary>
internal static class CelRuleSites
{
    public const string IstioVersion = "1.30.3";

    private static readonly Lazy<IReadOnlyList<CelRuleSite>> Sites = new(Read);

    private static readonly Lazy<IReadOnlyDictionary<string, CelRuleSite>> SitesById = new(() => All.ToDictionary(s => s.Id, StringComparer.Ordinal));

    public static IReadOnlyList<CelRuleSite> All => Sites.Value;

    public static CelRuleSite ById(string id) => SitesById.Value[id];

    private static IReadOnlyList<CelRuleSite> Read()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Paths.Shared("istio", IstioVersion, "crd-all.gen.yaml"))));
        var sites = new List<CelRuleSite>();
        foreach (var crd in stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().Where(d => CelRuleSchema.Text(d, "kind") == "CustomResourceDefinition"))
        {
            var spec = (YamlMappingNode)CelRuleSchema.Get(crd, "spec")!;
            var group = CelRuleSchema.Text(spec, "group")!;
            var kind = CelRuleSchema.Text((YamlMappingNode)CelRuleSchema.Get(spec, "names")!, "kind")!;
            foreach (var version in ((YamlSequenceNode)CelRuleSchema.Get(spec, "versions")!).Children.Cast<YamlMappingNode>())
            {
                if (CelRuleSchema.Text(version, "served") != "true")
                {
                    continue;
                }

                var schema = (YamlMappingNode)CelRuleSchema.Get((YamlMappingNode)CelRuleSchema.Get(version, "schema")!, "openAPIV3Schema")!;
                var root = CelRuleSchema.Read(schema);
                var name = CelRuleSchema.Text(version, "name")!;
                Collect(root, new List<string>(), (segments, index, rule) => sites.Add(new CelRuleSite(group, name, kind, segments, index, rule, root)));
            }
        }

        return sites;
    }

    // Depth first, in the schema's field order.
    private static void Collect(CelRuleSchema schema, List<string> segments, Action<IReadOnlyList<string>, int, CelRuleText> add)
    {
        for (var i = 0; i < schema.Rules.Count; i++)
        {
            add(segments.ToList(), i, schema.Rules[i]);
        }

        foreach (var (name, property) in schema.Properties)
        {
            Collect(property, Append(segments, name), add);
        }

        if (schema.Items is { } items)
        {
            Collect(items, Append(segments, "[]"), add);
        }

        if (schema.AdditionalProperties is { } additional)
        {
            Collect(additional, Append(segments, "*"), add);
        }
    }

    private static List<string> Append(List<string> segments, string segment) => new(segments) { segment };
}

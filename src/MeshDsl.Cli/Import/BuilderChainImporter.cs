using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MeshDsl.Documents;

namespace MeshDsl.Cli.Import;

/// <summary>
/// Turns a Kubernetes object of a kind with builders into the builder chain that writes it: every field through the
/// builder method its [MeshField] names, in the shape of docs/decisions/0018-import.md. A field the builders cannot
/// express is an error at its YAML location.
/// </summary>
internal sealed class BuilderChainImporter
{
    private static readonly HashSet<string> TopLevel = new(StringComparer.Ordinal) { "apiVersion", "kind", "metadata", "spec", "status" };
    private readonly BuilderCatalog _catalog;

    public BuilderChainImporter(BuilderCatalog catalog) => _catalog = catalog;

    // produces: VirtualService.Create("reviews", vs => vs.Namespace("prod").Hosts("reviews"))
    public StaticCallExpression Chain(DocumentMap root, ResourceEntry resource, string name, List<ImportFinding> findings)
    {
        var calls = new List<ChainCall>();
        Metadata(root["metadata"], calls, findings);
        foreach (var (key, value) in root)
        {
            if (key == "status")
            {
                findings.Add(ImportFinding.StatusLeftOut(value));
            }
            else if (!TopLevel.Contains(key))
            {
                findings.Add(Unknown(key, key, value));
            }
        }

        if (root["spec"] is { } spec)
        {
            if (spec is DocumentMap specMap)
            {
                calls.AddRange(Fields(specMap, resource.Builder, "spec", findings));
            }
            else
            {
                findings.Add(ImportFinding.NotExpressible("spec", $"expected a map, got {ValueDescription.Of(spec)}", spec));
            }
        }

        return new StaticCallExpression(resource.ResourceType, "Create", new CSharpExpression[] { CSharpLiterals.String(name), new LambdaExpression(Initials(resource.Kind), calls, Multiline: true) });
    }

    // name → Create's argument, namespace → .Namespace(...), labels and annotations → .Metadata(m => ...); the rest is refused.
    private static void Metadata(DocumentNode? node, List<ChainCall> calls, List<ImportFinding> findings)
    {
        if (node is not DocumentMap metadata)
        {
            return;
        }

        var metaCalls = new List<ChainCall>();
        foreach (var (key, value) in metadata)
        {
            var path = "metadata." + key;
            switch (key)
            {
                case "name" when value is DocumentScalar { Kind: ScalarKind.String }:
                    break;
                case "namespace" when value is DocumentScalar { Kind: ScalarKind.String } text:
                    calls.Add(new ChainCall("Namespace", new[] { CSharpLiterals.String(text.Text) }));
                    break;
                case "labels" or "annotations" when value is DocumentMap { Count: 0 }:
                    findings.Add(ImportFinding.NotExpressible(path, $"an empty map: the builders add {key} one by one, so they cannot write {{}}", value));
                    break;
                case "labels" or "annotations" when value is DocumentMap entries:
                    foreach (var (entryKey, entryValue) in entries)
                    {
                        if (entryValue is DocumentScalar { Kind: ScalarKind.String } entryText)
                        {
                            metaCalls.Add(new ChainCall(key == "labels" ? "Labels" : "Annotations", new[] { CSharpLiterals.String(entryKey), CSharpLiterals.String(entryText.Text) }));
                        }
                        else
                        {
                            findings.Add(ImportFinding.NotExpressible($"{path}.{entryKey}", $"expected a string, got {ValueDescription.Of(entryValue)}", entryValue));
                        }
                    }

                    break;
                case "name" or "namespace" or "labels" or "annotations":
                    findings.Add(ImportFinding.NotExpressible(path, $"unexpected {ValueDescription.Of(value)}", value));
                    break;
                default:
                    findings.Add(ImportFinding.NotExpressible(path, "the builders write only name, namespace, labels and annotations of metadata", value));
                    break;
            }
        }

        if (metaCalls.Count > 0)
        {
            // Labels before annotations, as ObjectMeta writes them; each keeps its entries' order.
            calls.Add(new ChainCall("Metadata", new CSharpExpression[] { new LambdaExpression("m", metaCalls.OrderBy(c => c.Method == "Labels" ? 0 : 1).ToList()) }));
        }
    }

    private List<ChainCall> Fields(DocumentMap map, BuilderEntry builder, string path, List<ImportFinding> findings)
    {
        // In schema order (the order the models write): importing the emitted YAML gives the same C#.
        var calls = new List<ChainCall>();
        var ordered = map.OrderBy(entry => builder.Fields.TryGetValue(entry.Key, out var known) ? known.Order : int.MaxValue);
        foreach (var (key, value) in ordered)
        {
            var childPath = $"{path}.{key}";
            if (builder.Fields.TryGetValue(key, out var field))
            {
                Field(field, value, childPath, calls, findings);
            }
            else
            {
                findings.Add(Unknown(childPath, key, value));
            }
        }

        return calls;
    }

    private void Field(BuilderField field, DocumentNode value, string path, List<ChainCall> calls, List<ImportFinding> findings)
    {
        ChainCall Call(params CSharpExpression[] arguments) => new(field.Method, arguments);
        switch (field.Shape)
        {
            case FieldShape.Scalar:
                calls.Add(Call(Value(field.ValueType!, value, path, field.Method, findings)));
                break;
            case FieldShape.Object when Expect<DocumentMap>(value, path, findings) is { } map:
                calls.Add(Call(new LambdaExpression(FirstLetter(field.Method), Fields(map, field.Builder!, path, findings))));
                break;
            case FieldShape.ListOfScalars when Expect<DocumentList>(value, path, findings) is { } list:
                calls.Add(Call(list.Select((item, i) => Value(field.ValueType!, item, $"{path}[{i}]", field.Method, findings)).ToArray()));
                break;
            case FieldShape.ListOfObjects or FieldShape.ListOfLists when Expect<DocumentList>(value, path, findings) is { } list:
                if (list.Count == 0)
                {
                    findings.Add(ImportFinding.NotExpressible(path, "an empty list of objects or lists: the builders add items one by one, so they cannot write []", value));
                }

                var index = 0;
                foreach (var item in list)
                {
                    var itemPath = $"{path}[{index++}]";
                    if (field.Shape == FieldShape.ListOfObjects && Expect<DocumentMap>(item, itemPath, findings) is { } itemMap)
                    {
                        calls.Add(Call(new LambdaExpression(FirstLetter(field.Method), Fields(itemMap, field.Builder!, itemPath, findings))));
                    }
                    else if (field.Shape == FieldShape.ListOfLists && Expect<DocumentList>(item, itemPath, findings) is { } inner)
                    {
                        calls.Add(Call(inner.Select((x, i) => Value(field.ValueType!, x, $"{itemPath}[{i}]", field.Method, findings)).ToArray()));
                    }
                }

                break;
            case FieldShape.MapOfScalars or FieldShape.MapOfObjects or FieldShape.MapOfLists when Expect<DocumentMap>(value, path, findings) is { } map:
                if (map.Count == 0 && field.TakesEntries)
                {
                    // produces: .MatchLabels([]), the overload that takes all entries at once, given none.
                    calls.Add(Call(new CollectionExpression(Array.Empty<CSharpExpression>())));
                }
                else if (map.Count == 0)
                {
                    findings.Add(ImportFinding.NotExpressible(path, "an empty map of objects or lists: the builders add entries one by one, so they cannot write {}", value));
                }

                foreach (var (key, entry) in map)
                {
                    calls.Add(Call(Entry(field, key, entry, $"{path}.{key}", findings)));
                }

                break;
            case FieldShape.Unsupported:
                findings.Add(ImportFinding.NotExpressible(path, "a list or map of maps: no builder overload takes it item by item", value));
                break;
        }
    }

    private CSharpExpression[] Entry(BuilderField field, string key, DocumentNode entry, string path, List<ImportFinding> findings)
    {
        var arguments = new List<CSharpExpression> { CSharpLiterals.String(key) };
        if (field.Shape == FieldShape.MapOfScalars)
        {
            arguments.Add(Value(field.ValueType!, entry, path, field.Method, findings));
        }
        else if (field.Shape == FieldShape.MapOfObjects && Expect<DocumentMap>(entry, path, findings) is { } map)
        {
            arguments.Add(new LambdaExpression(FirstLetter(field.Method), Fields(map, field.Builder!, path, findings)));
        }
        else if (field.Shape == FieldShape.MapOfLists && Expect<DocumentList>(entry, path, findings) is { } list)
        {
            arguments.AddRange(list.Select((x, i) => Value(field.ValueType!, x, $"{path}[{i}]", field.Method, findings)));
        }

        return arguments.ToArray();
    }

    private static T? Expect<T>(DocumentNode node, string path, List<ImportFinding> findings)
        where T : DocumentNode
    {
        if (node is T typed)
        {
            return typed;
        }

        findings.Add(ImportFinding.NotExpressible(path, $"expected a {(typeof(T) == typeof(DocumentMap) ? "map" : "list")}, got {ValueDescription.Of(node)}", node));
        return null;
    }

    // A scalar through its type's literal: string, integer, number, boolean, enum member, Duration and IntOrString
    // through their implicit conversions, FreeForm through FreeForm.Object/List and literals.
    private CSharpExpression Value(Type type, DocumentNode node, string path, string hint, List<ImportFinding> findings)
    {
        if (type == typeof(FreeForm))
        {
            return FreeFormValue(node, FirstLetter(hint));
        }

        var value = node is DocumentScalar scalar ? ScalarValue(type, scalar) : null;
        if (value is null)
        {
            findings.Add(ImportFinding.NotExpressible(path, ValueDescription.Mismatch(type, node), node));
            return CSharpLiterals.Null;
        }

        return value;
    }

    private CSharpExpression? ScalarValue(Type type, DocumentScalar scalar) => scalar.Kind switch
    {
        ScalarKind.String when type == typeof(string) || type == typeof(Duration) || type == typeof(IntOrString) => CSharpLiterals.String(scalar.Text),
        ScalarKind.String when type.IsEnum => _catalog.EnumMember(type, scalar.Text) is { } member ? new MemberExpression(type, member) : null,
        ScalarKind.Boolean when type == typeof(bool) => new LiteralExpression(scalar.Text),
        ScalarKind.Integer when long.TryParse(scalar.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) && IntegerFits(type, integer) => CSharpLiterals.Integer(integer),
        ScalarKind.Integer or ScalarKind.Number when (type == typeof(double) || type == typeof(float)) && double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => CSharpLiterals.Number(number),
        _ => null,
    };

    private static bool IntegerFits(Type type, long value) =>
        type == typeof(long) || type == typeof(IntOrString) ? true
        : type == typeof(int) ? value is >= int.MinValue and <= int.MaxValue
        : type == typeof(uint) ? value is >= 0 and <= uint.MaxValue
        : type == typeof(ulong) && value >= 0;

    // produces: FreeForm.Object(o => o.Set("name", "lua").Set("config", c => c.Set("x", 1))), FreeForm.List(1, "a"), "text", 10, FreeForm.Null
    private static CSharpExpression FreeFormValue(DocumentNode node, string hint) => node switch
    {
        DocumentMap map => new StaticCallExpression(typeof(FreeForm), "Object", new CSharpExpression[] { FreeFormLambda(map, hint) }),
        DocumentList list => new StaticCallExpression(typeof(FreeForm), "List", list.Select(item => FreeFormValue(item, hint)).ToArray()),
        DocumentScalar { Kind: ScalarKind.String } text => CSharpLiterals.String(text.Text),
        DocumentScalar { Kind: ScalarKind.Integer } integer => new LiteralExpression(integer.Text),
        DocumentScalar { Kind: ScalarKind.Number } number => CSharpLiterals.Number(double.Parse(number.Text, CultureInfo.InvariantCulture)),
        DocumentScalar { Kind: ScalarKind.Boolean } boolean => new LiteralExpression(boolean.Text),
        _ => new MemberExpression(typeof(FreeForm), "Null"),
    };

    // A nested map goes through Set(key, x => ...); any other value through Set(key, FreeForm).
    private static LambdaExpression FreeFormLambda(DocumentMap map, string hint) =>
        new(hint, map.Select(entry => new ChainCall("Set", new[]
        {
            CSharpLiterals.String(entry.Key),
            entry.Value is DocumentMap inner ? FreeFormLambda(inner, FirstLetter(entry.Key)) : FreeFormValue(entry.Value, FirstLetter(entry.Key)),
        })).ToList());

    // The lambda parameter's stem: the name's first letter (x when it has none).
    private static string FirstLetter(string name) => name.Length > 0 && char.IsAsciiLetter(name[0]) ? name[..1] : "x";

    // VirtualService → vs, AuthorizationPolicy → ap, Gateway → g.
    private static string Initials(string kind)
    {
        var initials = new string(kind.Where(char.IsUpper).Select(char.ToLowerInvariant).ToArray());
        return initials.Length == 0 ? "r" : initials;
    }

    private static ImportFinding Unknown(string path, string key, DocumentNode value) =>
        ImportFinding.NotExpressible(path, $"'{key}' is not a field of the schema; the typed builders have no place for it", value);
}

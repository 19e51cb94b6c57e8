using System;
using System.Collections.Generic;
using System.Linq;
using MeshDsl.Documents;

namespace MeshDsl.Cli.Import;

/// <summary>
/// Turns a Kubernetes object whose kind has no builders into the object initializer of its KubernetesClient model, as
/// the samples write them for <c>mesh.Add</c>: each field through the property its <c>[JsonPropertyName]</c> names, in
/// the model's order; lists as collection expressions, maps as <c>new Dictionary&lt;string, T&gt; { ... }</c>, untyped
/// (<c>object</c>) values as dictionaries and lists of objects; <c>apiVersion</c> and <c>kind</c> left to
/// <c>mesh.Add</c>, which fills them in from the model. A field the model has no property for, or a value its
/// property cannot hold, is an error at its YAML location; nothing is dropped silently.
/// </summary>
internal sealed class KubernetesObjectImporter
{
    private static readonly string[] FirstFields = { "metadata", "name", "namespace" };
    private readonly KubernetesModelCatalog _models;

    public KubernetesObjectImporter(KubernetesModelCatalog models) => _models = models;

    // produces: new V1Service { Metadata = new V1ObjectMeta { Name = "api" }, Spec = new V1ServiceSpec { ... } }
    public ObjectInitializerExpression Initializer(DocumentMap root, Type model, List<ImportFinding> findings)
    {
        var fields = new List<KeyValuePair<string, DocumentNode>>();
        foreach (var field in root)
        {
            if (field.Key == "status")
            {
                findings.Add(ImportFinding.StatusLeftOut(field.Value));
            }
            else if (field.Key is not ("apiVersion" or "kind"))
            {
                fields.Add(field);
            }
        }

        return Object(model, fields, root, string.Empty, findings);
    }

    private ObjectInitializerExpression Object(Type model, IEnumerable<KeyValuePair<string, DocumentNode>> fields, DocumentNode map, string path, List<ImportFinding> findings)
    {
        var properties = _models.Properties(model);
        var values = new List<(ModelProperty Property, CSharpExpression Value)>();
        var given = new HashSet<ModelProperty>();
        foreach (var (key, node) in fields)
        {
            var fieldPath = path.Length == 0 ? key : $"{path}.{key}";
            if (!properties.TryGetValue(key, out var property))
            {
                findings.Add(ImportFinding.NotExpressible(fieldPath, $"'{key}' is not a field of KubernetesClient's {model.Name}", node));
            }
            else if (node is DocumentScalar { Kind: ScalarKind.Null })
            {
                // An int or bool the model always writes is reported missing below: leaving it out would write 0 or false.
                if (!property.AlwaysWritten)
                {
                    findings.Add(ImportFinding.WrittenInAnotherForm(fieldPath, "an explicit null is left out: KubernetesClient's models write an unset field as absent, which the API server reads the same", node));
                }
            }
            else
            {
                given.Add(property);
                if (Value(property.Type, node, fieldPath, findings) is { } value)
                {
                    values.Add((property, value));
                }
            }
        }

        // An int or bool the model always writes (0, false) would add a value the YAML does not have.
        foreach (var missing in properties.Values.Where(p => p.AlwaysWritten && !given.Contains(p)).OrderBy(p => p.Order))
        {
            var missingPath = path.Length == 0 ? missing.WireName : $"{path}.{missing.WireName}";
            findings.Add(ImportFinding.NotExpressible(missingPath, $"missing: KubernetesClient's {model.Name} always writes {missing.WireName}, so it would add a value the YAML does not have", map));
        }

        return new ObjectInitializerExpression(model, values.OrderBy(v => Place(v.Property)).Select(v => new PropertyValue(v.Property.Name, v.Value)).ToList());
    }

    // Metadata, then a name and namespace, as people write them; then the model's order (alphabetical in KubernetesClient).
    private static int Place(ModelProperty property) => Array.IndexOf(FirstFields, property.WireName) is var first and >= 0 ? first - FirstFields.Length : property.Order;

    // The value of a property (or list item, or map entry) of the type: a model, a list, a dictionary, an untyped value
    // or a scalar; null after an error.
    private CSharpExpression? Value(Type type, DocumentNode node, string path, List<ImportFinding> findings)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (GenericArgument(type, typeof(IList<>)) is { } item)
        {
            return Expect<DocumentList>(node, type, path, findings) is { } list
                ? new CollectionExpression(Items(list, item, path, findings))
                : null;
        }

        if (GenericArgument(type, typeof(IDictionary<,>)) is { } entry)
        {
            return Expect<DocumentMap>(node, type, path, findings) is { } map
                ? new DictionaryExpression(typeof(Dictionary<,>).MakeGenericType(typeof(string), entry), Entries(map, entry, path, findings))
                : null;
        }

        if (type == typeof(object))
        {
            return Untyped(node);
        }

        if (_models.IsModel(type))
        {
            return Expect<DocumentMap>(node, type, path, findings) is { } map ? Object(type, map, map, path, findings) : null;
        }

        if (node is DocumentScalar scalar)
        {
            return KubernetesScalars.Literal(type, scalar, path, findings);
        }

        findings.Add(ImportFinding.NotExpressible(path, ValueDescription.Mismatch(type, node), node));
        return null;
    }

    private List<CSharpExpression> Items(DocumentList list, Type item, string path, List<ImportFinding> findings) =>
        list.Select((x, i) => Value(item, x, $"{path}[{i}]", findings) ?? CSharpLiterals.Null).ToList();

    private List<DictionaryEntry> Entries(DocumentMap map, Type value, string path, List<ImportFinding> findings) =>
        map.Select(e => new DictionaryEntry(e.Key, Value(value, e.Value, $"{path}.{e.Key}", findings) ?? CSharpLiterals.Null)).ToList();

    // An untyped (object) value, as System.Text.Json writes it back: maps as Dictionary<string, object>, lists as
    // List<object>, scalars as literals. null! keeps the compiler quiet about a null the YAML has on purpose.
    private static CSharpExpression Untyped(DocumentNode node) => node switch
    {
        DocumentMap map => new DictionaryExpression(typeof(Dictionary<string, object>), map.Select(e => new DictionaryEntry(e.Key, Untyped(e.Value))).ToList()),
        DocumentList list => new CollectionExpression(list.Select(Untyped).ToList(), typeof(List<object>)),
        DocumentScalar { Kind: ScalarKind.String } text => CSharpLiterals.String(text.Text),
        DocumentScalar { Kind: ScalarKind.Number } number => CSharpLiterals.Number(double.Parse(number.Text, System.Globalization.CultureInfo.InvariantCulture)),
        DocumentScalar { Kind: ScalarKind.Integer or ScalarKind.Boolean } scalar => new LiteralExpression(scalar.Text),
        _ => new LiteralExpression("null!"),
    };

    private static T? Expect<T>(DocumentNode node, Type type, string path, List<ImportFinding> findings)
        where T : DocumentNode
    {
        if (node is T typed)
        {
            return typed;
        }

        var expected = typeof(T) == typeof(DocumentMap) ? $"a map ({TypeDescription(type)})" : "a list";
        findings.Add(ImportFinding.NotExpressible(path, $"expected {expected}, got {ValueDescription.Of(node)}", node));
        return null;
    }

    private static string TypeDescription(Type type) => type.IsGenericType ? "entries" : type.Name;

    // T of IList<T>, or TValue of IDictionary<string, TValue>; null for any other type.
    private static Type? GenericArgument(Type type, Type definition) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == definition ? type.GetGenericArguments()[^1] : null;
}

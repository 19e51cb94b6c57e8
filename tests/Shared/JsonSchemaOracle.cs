using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using MeshDsl.Documents;
using MeshDsl.Generator.Input;
using MeshDsl.Generator.Parse;
using NJsonSchema;

namespace MeshDsl.Testing;

/// <summary>
/// NJsonSchema, given each CRD version's openAPIV3Schema as JSON Schema, as an independent judge of the
/// structural verdict. The translation states what Kubernetes means and JSON Schema does not say:
/// objects with properties reject unknown fields (structural schemas prune them), <c>nullable</c> adds
/// null, integer formats bound the value, and the implicit apiVersion/kind/metadata exist at the root.
/// Formats are dropped (MeshDsl does not check date-time and byte; neither appears in a spec here).
/// Linked as source into the validation tests (the differential test) and the benchmarks (the comparison row).
/// </summary>
internal sealed class JsonSchemaOracle
{
    private readonly Dictionary<(string, string), JsonSchema> _schemas = new();

    public static JsonSchemaOracle Istio() => FromCrdBundle(File.ReadAllText(RepositoryPaths.Shared("istio", "1.30.3", "crd-all.gen.yaml")));

    /// <summary>Every version of every CRD in <paramref name="text"/>, translated to JSON Schema.</summary>
    public static JsonSchemaOracle FromCrdBundle(string text)
    {
        var oracle = new JsonSchemaOracle();
        foreach (var chunk in DocumentSplitter.Split(new CrdFile("istio.yaml", text, string.Empty)))
        {
            var crd = (YamlMap)YamlTreeReader.Read(chunk.Text, chunk.StartLine)!;
            var spec = (YamlMap)crd.Get("spec")!;
            var group = spec.GetString("group");
            var kind = ((YamlMap)spec.Get("names")!).GetString("kind")!;
            foreach (var version in ((YamlSequence)spec.Get("versions")!).Items.Cast<YamlMap>())
            {
                var schema = (YamlMap)((YamlMap)version.Get("schema")!).Get("openAPIV3Schema")!;
                var json = Translate(schema)!.AsObject();
                var properties = json["properties"]!.AsObject();
                properties["apiVersion"] = new JsonObject { ["type"] = "string" };
                properties["kind"] = new JsonObject { ["type"] = "string" };
                properties["metadata"] = new JsonObject { ["type"] = "object" };
                oracle._schemas[($"{group}/{version.GetString("name")}", kind)] = JsonSchema.FromJsonAsync(json.ToJsonString()).GetAwaiter().GetResult();
            }
        }

        return oracle;
    }

    /// <summary>True when NJsonSchema finds no error in <paramref name="document"/>.</summary>
    public bool IsValid(DocumentMap document, out string errors)
    {
        var found = SchemaFor(document).Validate(ToJsonText(document));
        errors = string.Join("; ", found.Select(e => $"{e.Path}: {e.Kind}"));
        return found.Count == 0;
    }

    /// <summary>The JSON Schema of the document's apiVersion and kind.</summary>
    public JsonSchema SchemaFor(DocumentMap document) =>
        _schemas[(((DocumentScalar)document["apiVersion"]!).Text, ((DocumentScalar)document["kind"]!).Text)];

    /// <summary>The document as JSON text, as NJsonSchema reads it.</summary>
    public static string ToJsonText(DocumentNode document) => ToJson(document)!.ToJsonString();

    private static JsonNode? Translate(YamlValue value)
    {
        switch (value)
        {
            case YamlMap map:
                var result = new JsonObject();
                foreach (var entry in map.Entries)
                {
                    var key = entry.Key.Value;
                    if (key is "format" or "x-kubernetes-validations" or "description")
                    {
                        continue;
                    }

                    result[key] = key is "properties"
                        ? new JsonObject(((YamlMap)entry.Value).Entries.Select(p => KeyValuePair.Create(p.Key.Value, Translate(p.Value))))
                        : Translate(entry.Value);
                }

                var type = map.GetString("type");
                var format = map.GetString("format");
                if (type == "object" && map.Get("properties") is not null && map.Get("additionalProperties") is null
                    && (map.Get("x-kubernetes-preserve-unknown-fields") as YamlScalar)?.IsTrue != true)
                {
                    result["additionalProperties"] = false;
                }

                if (format == "int32")
                {
                    result["minimum"] ??= int.MinValue;
                    result["maximum"] ??= int.MaxValue;
                }

                if ((map.Get("nullable") as YamlScalar)?.IsTrue == true && type is not null)
                {
                    result["type"] = new JsonArray(type, "null");
                }

                return result;
            case YamlSequence sequence:
                return new JsonArray(sequence.Items.Select(Translate).ToArray());
            case YamlScalar scalar:
                if (scalar.IsPlain && long.TryParse(scalar.Value, out var number))
                {
                    return number;
                }

                return scalar.IsPlain && scalar.Value is "true" or "false" ? bool.Parse(scalar.Value) : scalar.Value;
            default:
                return null;
        }
    }

    private static JsonNode? ToJson(DocumentNode node) => node switch
    {
        DocumentMap map => new JsonObject(map.Select(e => KeyValuePair.Create(e.Key, ToJson(e.Value)))),
        DocumentList list => new JsonArray(list.Select(ToJson).ToArray()),
        DocumentScalar { Kind: ScalarKind.String } s => s.Text,
        DocumentScalar { Kind: ScalarKind.Integer } s => JsonNode.Parse(s.Text),
        DocumentScalar { Kind: ScalarKind.Number } s => JsonNode.Parse(s.Text),
        DocumentScalar { Kind: ScalarKind.Boolean } s => s.Text == "true",
        _ => null,
    };
}

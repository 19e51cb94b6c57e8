using System;
using System.Collections.Generic;
using System.Text.Json;
using k8s;
using k8s.Models;
using MeshDsl.Documents;

namespace MeshDsl.Emission;

/// <summary>
/// The resources the mesh definitions add, as manifests. Collects everything and reports duplicates
/// (the same kind, namespace and name twice) as errors at the second declaration.
/// </summary>
public sealed class MeshSet : IMeshBuilder
{
    private readonly List<Manifest> _manifests = new();
    private readonly Dictionary<(string Kind, string? Namespace, string Name), Manifest> _byId = new();

    /// <summary>The manifests, in the order they were added.</summary>
    public IReadOnlyList<Manifest> Manifests => _manifests;

    /// <summary>Problems found while collecting.</summary>
    public List<EmitError> Errors { get; } = new();

    /// <inheritdoc />
    public IMeshBuilder Add(IMeshResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var document = Ordered(resource.ToDocument());
        Add(new Manifest(resource.ApiVersion, resource.Kind, resource.Metadata.Namespace, resource.Metadata.Name ?? string.Empty, document, resource.DeclaredAt));
        return this;
    }

    /// <inheritdoc />
    public IMeshBuilder Add(IKubernetesObject<V1ObjectMeta> resource, [System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "", [System.Runtime.CompilerServices.CallerLineNumber] int sourceLine = 0)
    {
        ArgumentNullException.ThrowIfNull(resource);
        FillTypeMeta(resource);
        var json = KubernetesJson.Serialize(resource);
        using var parsed = JsonDocument.Parse(json);
        var document = Ordered((DocumentMap)FromJson(parsed.RootElement));
        var at = sourceFile.Length == 0 ? null : new SourceLocation(sourceFile, sourceLine);
        Add(new Manifest(resource.ApiVersion, resource.Kind, resource.Metadata?.NamespaceProperty, resource.Metadata?.Name ?? string.Empty, document, at));
        return this;
    }

    private void Add(Manifest manifest)
    {
        if (manifest.Name.Length == 0)
        {
            Errors.Add(new EmitError("MESH0102", $"A {manifest.Kind} has no metadata.name; give it a name.", manifest.DeclaredAt));
            return;
        }

        var id = (manifest.Kind, manifest.Namespace, manifest.Name);
        if (_byId.TryGetValue(id, out var first))
        {
            var where = first.DeclaredAt?.ToOrigin();
            Errors.Add(new EmitError("MESH0101", $"{manifest.Id} is declared twice{(string.IsNullOrEmpty(where) ? string.Empty : $" (first at {where})")}; rename one or remove the duplicate.", manifest.DeclaredAt));
            return;
        }

        _byId.Add(id, manifest);
        _manifests.Add(manifest);
    }

    // apiVersion, kind, metadata and spec first; every other key keeps its place after them.
    private static DocumentMap Ordered(DocumentMap document)
    {
        var ordered = new DocumentMap();
        foreach (var key in new[] { "apiVersion", "kind", "metadata", "spec" })
        {
            if (document[key] is { } value)
            {
                ordered.Add(key, value);
            }
        }

        foreach (var entry in document)
        {
            if (ordered[entry.Key] is null)
            {
                ordered.Add(entry.Key, entry.Value);
            }
        }

        return ordered;
    }

    // KubernetesClient's models leave apiVersion and kind empty unless set; their types know both.
    private static void FillTypeMeta(IKubernetesObject resource)
    {
        if (KubernetesTypeMeta.Of(resource.GetType()) is not { } meta)
        {
            return;
        }

        if (string.IsNullOrEmpty(resource.Kind))
        {
            resource.Kind = meta.Kind;
        }

        if (string.IsNullOrEmpty(resource.ApiVersion))
        {
            resource.ApiVersion = meta.ApiVersion;
        }
    }

    private static DocumentNode FromJson(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var map = new DocumentMap();
                foreach (var property in element.EnumerateObject())
                {
                    map.Add(property.Name, FromJson(property.Value));
                }

                return map;
            case JsonValueKind.Array:
                var list = new DocumentList();
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(FromJson(item));
                }

                return list;
            case JsonValueKind.String:
                return DocumentScalar.String(element.GetString()!);
            case JsonValueKind.Number:
                return element.TryGetInt64(out var integer) ? DocumentScalar.Integer(integer) : DocumentScalar.Number(element.GetDouble());
            case JsonValueKind.True:
                return DocumentScalar.Boolean(true);
            case JsonValueKind.False:
                return DocumentScalar.Boolean(false);
            default:
                return DocumentScalar.Null;
        }
    }
}

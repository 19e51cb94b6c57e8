using System;
using MeshDsl.Documents;

namespace MeshDsl;

/// <summary>A Kubernetes resource MeshDsl can write: <c>apiVersion</c>, <c>kind</c>, <c>metadata</c> and a body.</summary>
public interface IMeshResource : IDocumentObject
{
    /// <summary>The <c>apiVersion</c>: group and version, for example <c>networking.istio.io/v1</c>.</summary>
    string ApiVersion { get; }

    /// <summary>The <c>kind</c>, for example <c>VirtualService</c>.</summary>
    string Kind { get; }

    /// <summary>The resource's metadata.</summary>
    ObjectMeta Metadata { get; }

    /// <summary>Where the resource was declared in C# (set by the generated <c>Create</c> factories), if known.</summary>
    SourceLocation? DeclaredAt { get; }
}

/// <summary>The base of generated resource classes: a fixed <c>apiVersion</c> and <c>kind</c>, metadata and a typed spec.</summary>
/// <typeparam name="TSpec">The generated spec model.</typeparam>
public abstract class MeshResource<TSpec> : IMeshResource
    where TSpec : class, IDocumentObject
{
    private ObjectMeta _metadata = new();

    /// <summary>Creates a resource of the given <c>apiVersion</c> and <c>kind</c>.</summary>
    protected MeshResource(string apiVersion, string kind)
    {
        ApiVersion = apiVersion;
        Kind = kind;
    }

    /// <inheritdoc />
    public string ApiVersion { get; }

    /// <inheritdoc />
    public string Kind { get; }

    /// <inheritdoc />
    public ObjectMeta Metadata
    {
        get => _metadata;
        set => _metadata = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <inheritdoc />
    public SourceLocation? DeclaredAt { get; set; }

    /// <summary>The desired state; <see langword="null"/> writes no <c>spec</c>.</summary>
    public TSpec? Spec { get; set; }

    /// <inheritdoc />
    public DocumentMap ToDocument()
    {
        var map = new DocumentMap();
        map.Set("apiVersion", ApiVersion);
        map.Set("kind", Kind);
        map.Set("metadata", Metadata);
        map.Set("spec", Spec);
        map.DeclaredAt = DeclaredAt;
        map["metadata"]!.DeclaredAt = DeclaredAt;
        return map;
    }
}

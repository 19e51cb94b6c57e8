using System;
using System.Collections.Generic;
using MeshDsl.Documents;

namespace MeshDsl;

/// <summary>
/// The part of Kubernetes' <c>metadata</c> an author writes: name, namespace, labels, annotations.
/// Server-written fields (uid, resourceVersion, managedFields, ...) are deliberately absent.
/// </summary>
public sealed class ObjectMeta : IDocumentObject
{
    /// <summary>The resource's name, unique per kind and namespace.</summary>
    public string? Name { get; set; }

    /// <summary>The namespace; omitted for cluster-scoped kinds and when the namespace comes from the deployment tool.</summary>
    public string? Namespace { get; set; }

    /// <summary>Labels: identifying key/value pairs that selectors match.</summary>
    public IDictionary<string, string>? Labels { get; set; }

    /// <summary>Annotations: non-identifying key/value pairs for tools.</summary>
    public IDictionary<string, string>? Annotations { get; set; }

    /// <inheritdoc />
    public DocumentMap ToDocument()
    {
        var map = new DocumentMap();
        map.Set("name", Name);
        map.Set("namespace", Namespace);
        map.SetMap("labels", Labels, DocumentNodes.From);
        map.SetMap("annotations", Annotations, DocumentNodes.From);
        return map;
    }
}

/// <summary>Builds an <see cref="ObjectMeta"/>, in the same vocabulary as generated builders.</summary>
public sealed class ObjectMetaBuilder
{
    /// <summary>Builds into a new <see cref="ObjectMeta"/>.</summary>
    public ObjectMetaBuilder()
        : this(new ObjectMeta())
    {
    }

    /// <summary>Builds into <paramref name="target"/>.</summary>
    public ObjectMetaBuilder(ObjectMeta target) => Target = target ?? throw new ArgumentNullException(nameof(target));

    /// <summary>The metadata being built.</summary>
    public ObjectMeta Target { get; }

    /// <summary>Sets the name.</summary>
    public ObjectMetaBuilder Name(string value)
    {
        Target.Name = value;
        return this;
    }

    /// <summary>Sets the namespace.</summary>
    public ObjectMetaBuilder Namespace(string value)
    {
        Target.Namespace = value;
        return this;
    }

    /// <summary>Adds a label.</summary>
    public ObjectMetaBuilder Labels(string key, string value)
    {
        (Target.Labels ??= new Dictionary<string, string>())[key] = value;
        return this;
    }

    /// <summary>Adds an annotation.</summary>
    public ObjectMetaBuilder Annotations(string key, string value)
    {
        (Target.Annotations ??= new Dictionary<string, string>())[key] = value;
        return this;
    }

    /// <summary>The metadata built.</summary>
    public ObjectMeta Build() => Target;
}

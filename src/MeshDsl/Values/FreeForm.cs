using System;
using System.Collections.Generic;
using MeshDsl.Documents;

namespace MeshDsl;

/// <summary>
/// A free-form value for schema nodes with <c>x-kubernetes-preserve-unknown-fields</c> (and the documented
/// fallback for constructs the generator cannot type): any scalar, list or map, built in C#.
/// </summary>
/// <example><code>FreeForm.Object(o => o.Set("name", "envoy.filters.http.lua").Set("priority", 10))</code></example>
public readonly struct FreeForm : IEquatable<FreeForm>, IDocumentValue
{
    private readonly DocumentNode? _node;

    private FreeForm(DocumentNode node) => _node = node;

    /// <summary>The explicit null value.</summary>
    public static FreeForm Null => new(DocumentScalar.Null);

    /// <summary>A string value.</summary>
    public static implicit operator FreeForm(string value) => new(DocumentScalar.String(value));

    /// <summary>An integer value.</summary>
    public static implicit operator FreeForm(long value) => new(DocumentScalar.Integer(value));

    /// <summary>A number value.</summary>
    public static implicit operator FreeForm(double value) => new(DocumentScalar.Number(value));

    /// <summary>A boolean value.</summary>
    public static implicit operator FreeForm(bool value) => new(DocumentScalar.Boolean(value));

    /// <summary>A value from an existing document node.</summary>
    public static FreeForm From(DocumentNode node) => new(node ?? throw new ArgumentNullException(nameof(node)));

    /// <summary>A map built with <paramref name="build"/>.</summary>
    public static FreeForm Object(Action<FreeFormObjectBuilder> build)
    {
        var builder = new FreeFormObjectBuilder();
        build(builder);
        return new FreeForm(builder.Map);
    }

    /// <summary>A list of values.</summary>
    public static FreeForm List(params FreeForm[] items) => List((IEnumerable<FreeForm>)items);

    /// <summary>A list of values.</summary>
    public static FreeForm List(IEnumerable<FreeForm> items)
    {
        var list = new DocumentList();
        foreach (var item in items)
        {
            list.Add(item.ToNode());
        }

        return new FreeForm(list);
    }

    /// <inheritdoc />
    public DocumentNode ToNode() => _node ?? DocumentScalar.Null;

    /// <inheritdoc />
    public bool Equals(FreeForm other) => ReferenceEquals(_node, other._node);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FreeForm other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _node?.GetHashCode() ?? 0;
}

/// <summary>Builds the map of a <see cref="FreeForm"/> value.</summary>
public sealed class FreeFormObjectBuilder
{
    internal DocumentMap Map { get; } = new();

    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/>.</summary>
    public FreeFormObjectBuilder Set(string key, FreeForm value)
    {
        Map.Add(key, value.ToNode());
        return this;
    }

    /// <summary>Sets <paramref name="key"/> to a nested map.</summary>
    public FreeFormObjectBuilder Set(string key, Action<FreeFormObjectBuilder> build) => Set(key, FreeForm.Object(build));
}

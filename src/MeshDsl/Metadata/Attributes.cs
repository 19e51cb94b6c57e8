using System;

namespace MeshDsl;

/// <summary>Marks a generated resource class with its group, version, kind and plural.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class MeshResourceAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public MeshResourceAttribute(string group, string version, string kind, string plural)
    {
        Group = group;
        Version = version;
        Kind = kind;
        Plural = plural;
    }

    /// <summary>The API group, for example <c>networking.istio.io</c>.</summary>
    public string Group { get; }

    /// <summary>The served version, for example <c>v1</c>.</summary>
    public string Version { get; }

    /// <summary>The kind, for example <c>VirtualService</c>.</summary>
    public string Kind { get; }

    /// <summary>The plural resource name, for example <c>virtualservices</c>.</summary>
    public string Plural { get; }
}

/// <summary>
/// Marks a generated builder (or the resource builder of a kind) with the model type it builds, so that
/// analyzers recognise builder chains by metadata rather than by method names.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class MeshBuilderAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public MeshBuilderAttribute(Type model) => Model = model;

    /// <summary>The model type this builder fills.</summary>
    public Type Model { get; }
}

/// <summary>
/// Marks a generated property or builder method with the wire name of the field it sets and every
/// schema path where that field occurs (for example <c>spec.http[].timeout</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Method, Inherited = false)]
public sealed class MeshFieldAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public MeshFieldAttribute(string wireName, params string[] paths)
    {
        WireName = wireName;
        Paths = paths;
    }

    /// <summary>The field's name in YAML.</summary>
    public string WireName { get; }

    /// <summary>The field's schema paths: properties joined by dots, <c>[]</c> for list items, <c>{}</c> for map values.</summary>
    public string[] Paths { get; }
}

/// <summary>
/// An "at most one of" group of a generated model (Istio's <c>oneOf</c> with <c>not.anyOf</c>): setting two
/// of <see cref="Fields"/> is an error. With <see cref="Required"/>, exactly one must be set.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class MeshOneOfAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public MeshOneOfAttribute(params string[] fields) => Fields = fields;

    /// <summary>The wire names of the group's fields.</summary>
    public string[] Fields { get; }

    /// <summary>When true, exactly one field of the group must be set; otherwise at most one.</summary>
    public bool Required { get; set; }
}

/// <summary>Marks a required field (the schema's <c>required</c> list).</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class MeshRequiredAttribute : Attribute
{
}

/// <summary>The exact wire string of a generated enum member.</summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class MeshEnumValueAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public MeshEnumValueAttribute(string value) => Value = value;

    /// <summary>The string Kubernetes sees.</summary>
    public string Value { get; }
}

/// <summary>Marks the builder a kind's <c>Create</c> factory hands out (metadata plus the spec's fields).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class MeshResourceBuilderAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public MeshResourceBuilderAttribute(string group, string kind)
    {
        Group = group;
        Kind = kind;
    }

    /// <summary>The API group.</summary>
    public string Group { get; }

    /// <summary>The kind.</summary>
    public string Kind { get; }
}

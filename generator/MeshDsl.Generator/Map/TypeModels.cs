using MeshDsl.Generator.Common;
using MeshDsl.Generator.Parse;

namespace MeshDsl.Generator.Map;

internal enum TypeRefKind
{
    /// <summary>A C# scalar or runtime value type (string, int, Duration, IntOrString, FreeForm, ...).</summary>
    Scalar,

    /// <summary>A generated model with a builder.</summary>
    Object,

    /// <summary>A generated enum.</summary>
    Enum,

    List,

    Map,
}

/// <summary>How a scalar reaches the document: which DocumentMap setter and DocumentNodes converter applies.</summary>
internal enum ScalarWriter
{
    /// <summary>string, int, uint, long, double, bool: <c>Set</c> and <c>DocumentNodes.From</c>.</summary>
    Plain,

    /// <summary>A runtime value type implementing IDocumentValue: <c>Set</c> and <c>DocumentNodes.FromValue</c>.</summary>
    Value,
}

/// <summary>
/// A field's type before names are final: scalars carry their C# type; objects and enums refer to a
/// schema type by structural key and proposed name (the assemble stage resolves the final name).
/// </summary>
internal sealed record TypeRef(TypeRefKind Kind, string? Scalar, ScalarWriter Writer, string? TypeKey, string? ProposedName, TypeRef? Element)
{
    public static TypeRef ForScalar(string csharpType, ScalarWriter writer) => new(TypeRefKind.Scalar, csharpType, writer, null, null, null);

    public static TypeRef ForType(TypeRefKind kind, string key, string proposedName) => new(kind, null, ScalarWriter.Plain, key, proposedName, null);

    public static TypeRef ListOf(TypeRef element) => new(TypeRefKind.List, null, ScalarWriter.Plain, null, null, element);

    public static TypeRef MapOf(TypeRef element) => new(TypeRefKind.Map, null, ScalarWriter.Plain, null, null, element);

    /// <summary>The part of the structural key this reference contributes.</summary>
    public string Signature => Kind switch
    {
        TypeRefKind.Scalar => Scalar!,
        TypeRefKind.List => "[" + Element!.Signature + "]",
        TypeRefKind.Map => "{" + Element!.Signature + "}",
        _ => TypeKey!,
    };
}

/// <param name="AliasOf">For a second spelling of a field (mirror_percent beside mirrorPercent): the first spelling's property.</param>
internal sealed record FieldModel(string WireName, string PropertyName, TypeRef Type, string? Description, bool Required, string? AliasOf = null);

internal enum NameSource
{
    /// <summary>From the naming table or fixed by role (a kind's spec): never merged under another name.</summary>
    Fixed,

    /// <summary>Derived from the parent type's name and the field name.</summary>
    Path,
}

/// <summary>One schema object or enum of one kind, with every path where it occurs in that kind.</summary>
internal sealed record TypeOccurrence(
    string Key,
    string ProposedName,
    NameSource NameSource,
    bool IsEnum,
    string? Description,
    EquatableArray<string> EnumValues,
    EquatableArray<FieldModel> Fields,
    EquatableArray<OneOfGroup> OneOfGroups,
    EquatableArray<string> Paths,
    bool IsSpecRoot);

/// <summary>One served version of a kind: the resource class it gets and the spec it carries.</summary>
internal sealed record ResourceVersionModel(string Version, string VersionNamespace, TypeRef Spec, bool Storage, string? Description);

/// <summary>The map stage's output for one kind: Roslyn-free, line-free, equatable.</summary>
internal sealed record KindModel(
    string GroupNamespace,
    string Group,
    string Kind,
    string Plural,
    bool Namespaced,
    EquatableArray<ResourceVersionModel> Versions,
    EquatableArray<TypeOccurrence> Types);

using MeshDsl.Generator.Common;
using MeshDsl.Generator.Map;
using MeshDsl.Generator.Parse;

namespace MeshDsl.Generator.Assemble;

/// <summary>A field type with final names: C# type text, and for objects the builder that fills it.</summary>
internal sealed record ResolvedType(TypeRefKind Kind, string FullName, string? BuilderFullName, ScalarWriter Writer, ResolvedType? Element);

internal sealed record ResolvedField(
    string WireName,
    string PropertyName,
    ResolvedType Type,
    string? Description,
    bool Required,
    EquatableArray<string> Paths,
    string? AliasOf);

/// <summary>A model class and its builder.</summary>
internal sealed record ObjectUnit(
    string Namespace,
    string Name,
    string BuilderName,
    string? Description,
    EquatableArray<ResolvedField> Fields,
    EquatableArray<OneOfGroup> OneOfGroups);

/// <summary>
/// The builder a kind's factory hands out: metadata (namespace, labels, ...) plus the spec's fields, so a
/// resource reads as one chain. Shared by the served versions whose schemas are identical.
/// </summary>
internal sealed record ResourceBuilderUnit(
    string Namespace,
    string Name,
    string Group,
    string Kind,
    string SpecFullName,
    string SpecBuilderFullName,
    EquatableArray<ResolvedField> Fields);

internal sealed record EnumMember(string Name, string WireName);

internal sealed record EnumUnit(string Namespace, string Name, string? Description, EquatableArray<EnumMember> Members);

/// <summary>The resource class of one served version.</summary>
internal sealed record ResourceUnit(
    string Namespace,
    string Group,
    string Version,
    string Kind,
    string Plural,
    bool Namespaced,
    string SpecFullName,
    string BuilderFullName,
    string? Description);

/// <summary>One generated file: exactly one of the units is set.</summary>
internal sealed record EmitUnit(string HintName, ObjectUnit? Object = null, EnumUnit? Enum = null, ResourceUnit? Resource = null, ResourceBuilderUnit? ResourceBuilder = null);

using MeshDsl.Generator.Common;
using MeshDsl.Generator.Diagnostics;

namespace MeshDsl.Generator.Parse;

/// <summary>One OpenAPI v3 schema node of a CRD, as plain equatable data (no YAML objects).</summary>
internal sealed record SchemaNode
{
    public string? Type { get; init; }

    public string? Format { get; init; }

    public string? Description { get; init; }

    public string? Minimum { get; init; }

    public string? Maximum { get; init; }

    public long? MinLength { get; init; }

    public long? MaxLength { get; init; }

    public string? Pattern { get; init; }

    public long? MinItems { get; init; }

    public long? MaxItems { get; init; }

    public long? MinProperties { get; init; }

    public long? MaxProperties { get; init; }

    public bool Nullable { get; init; }

    /// <summary><c>x-kubernetes-list-type</c>: atomic (default), set or map.</summary>
    public string? ListType { get; init; }

    /// <summary><c>x-kubernetes-list-map-keys</c>: the fields that identify an item of a map-type list.</summary>
    public EquatableArray<string> ListMapKeys { get; init; }

    public EquatableArray<string> EnumValues { get; init; }

    public EquatableArray<SchemaProperty> Properties { get; init; }

    public EquatableArray<string> Required { get; init; }

    public SchemaNode? Items { get; init; }

    public SchemaNode? AdditionalProperties { get; init; }

    public bool IntOrString { get; init; }

    public bool PreserveUnknownFields { get; init; }

    /// <summary>"At most one of" (or "exactly one of") groups from <c>oneOf</c> and <c>allOf</c> of <c>oneOf</c>s.</summary>
    public EquatableArray<OneOfGroup> OneOfGroups { get; init; }

    /// <summary>The CEL rules of <c>x-kubernetes-validations</c>.</summary>
    public EquatableArray<ValidationRule> ValidationRules { get; init; }

    /// <summary>Why the node cannot be typed, when it cannot (for example an <c>anyOf</c> of objects).</summary>
    public string? Untyped { get; init; }

    public int Line { get; init; }

    public int Column { get; init; }
}

internal sealed record SchemaProperty(string Name, SchemaNode Schema);

/// <summary>One <c>x-kubernetes-validations</c> entry: a CEL expression over <c>self</c> and what to say when it is false.</summary>
internal sealed record ValidationRule(string Rule, string? Message);

/// <summary>Fields of which at most one (or, when <see cref="Required"/>, exactly one) may be set.</summary>
internal sealed record OneOfGroup(EquatableArray<string> Fields, bool Required);

internal sealed record CrdVersionSchema(string Name, bool Served, bool Storage, SchemaNode? Root, int Line);

/// <summary>A parsed CRD: its names, versions and schemas.</summary>
internal sealed record CrdSchema(
    string Path,
    int Line,
    string RootNamespace,
    string Group,
    string Kind,
    string Plural,
    bool Namespaced,
    EquatableArray<CrdVersionSchema> Versions);

/// <summary>The parse step's output for one document: a CRD, or nothing, and what went wrong.</summary>
internal sealed record ParsedCrd(CrdSchema? Crd, EquatableArray<DiagnosticSpec> Diagnostics);

using System;
using System.Globalization;
using System.Linq;
using MeshDsl.Generator.Parse;

namespace MeshDsl.Generator.Map;

/// <summary>What a schema node becomes in C#.</summary>
internal enum Shape
{
    Scalar,
    Enum,
    Object,
    List,
    Map,
}

/// <summary>A row's result: the shape, and for scalars the C# type and how it is written.</summary>
internal sealed record TypeMapping(Shape Shape, string? Scalar = null, ScalarWriter Writer = ScalarWriter.Plain);

/// <summary>
/// The one table from OpenAPI <c>type</c>/<c>format</c>/<c>x-kubernetes-*</c> to C#. The first matching row
/// wins; special cases are rows here, never conditions elsewhere. docs/architecture.md shows the table.
/// </summary>
internal static class TypeMappingTable
{
    public const string FreeForm = "global::MeshDsl.FreeForm";
    public const string Duration = "global::MeshDsl.Duration";
    public const string IntOrString = "global::MeshDsl.IntOrString";

    public static readonly Row[] Rows =
    {
        new("x-kubernetes-int-or-string", n => n.IntOrString, new TypeMapping(Shape.Scalar, IntOrString, ScalarWriter.Value)),
        new("untypeable combinator (anyOf/oneOf/allOf with typed branches)", n => n.Untyped is not null, new TypeMapping(Shape.Scalar, FreeForm, ScalarWriter.Value)),
        new("string with enum", n => n.Type == "string" && !n.EnumValues.IsEmpty, new TypeMapping(Shape.Enum)),
        new("string, format: duration", n => n.Type == "string" && n.Format == "duration", new TypeMapping(Shape.Scalar, Duration, ScalarWriter.Value)),
        new("string with a CEL rule on duration(self)", n => n.Type == "string" && n.ValidationRules.Any(r => r.Rule.Contains("duration(self)")), new TypeMapping(Shape.Scalar, Duration, ScalarWriter.Value)),
        new("string (any other format: date-time, byte, ...)", n => n.Type == "string", new TypeMapping(Shape.Scalar, "string")),
        new("integer, format: int32", n => n.Type == "integer" && n.Format == "int32", new TypeMapping(Shape.Scalar, "int")),
        new("integer, format: int64", n => n.Type == "integer" && n.Format == "int64", new TypeMapping(Shape.Scalar, "long")),
        new("integer, 0 ≤ minimum and maximum ≤ 4294967295 (uint32)", n => n.Type == "integer" && IsUInt32Range(n), new TypeMapping(Shape.Scalar, "uint")),
        new("integer (no format)", n => n.Type == "integer", new TypeMapping(Shape.Scalar, "long")),
        new("number (any format)", n => n.Type == "number", new TypeMapping(Shape.Scalar, "double")),
        new("boolean", n => n.Type == "boolean", new TypeMapping(Shape.Scalar, "bool")),
        new("array", n => n.Type == "array", new TypeMapping(Shape.List)),
        new("object with properties", n => !n.Properties.IsEmpty, new TypeMapping(Shape.Object)),
        new("object with additionalProperties (a map)", n => n.AdditionalProperties is not null, new TypeMapping(Shape.Map)),
        new("anything else: preserve-unknown-fields, no type, an object without properties", _ => true, new TypeMapping(Shape.Scalar, FreeForm, ScalarWriter.Value)),
    };

    public static TypeMapping Map(SchemaNode node) => Rows.First(row => row.Matches(node)).Mapping;

    /// <summary>Whether the node is typed by the generator at all (false for the documented free-form fallback of untypeable nodes).</summary>
    public static bool IsUntypeable(SchemaNode node) => !node.IntOrString && node.Untyped is not null;

    private static bool IsUInt32Range(SchemaNode node) =>
        decimal.TryParse(node.Minimum, NumberStyles.Float, CultureInfo.InvariantCulture, out var min) && min >= 0
        && decimal.TryParse(node.Maximum, NumberStyles.Float, CultureInfo.InvariantCulture, out var max) && max <= uint.MaxValue;

    internal sealed class Row
    {
        public Row(string description, Func<SchemaNode, bool> matches, TypeMapping mapping)
        {
            Description = description;
            Matches = matches;
            Mapping = mapping;
        }

        public string Description { get; }

        public Func<SchemaNode, bool> Matches { get; }

        public TypeMapping Mapping { get; }
    }
}

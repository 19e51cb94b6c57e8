using System.Linq;
using MeshDsl.Generator.Common;
using MeshDsl.Generator.Map;
using MeshDsl.Generator.Parse;
using Xunit;

namespace MeshDsl.Generator.Tests;

/// <summary>The one OpenAPI → C# table, row by row.</summary>
public sealed class TypeMappingTests
{
    private static readonly SchemaProperty Field = new("x", new SchemaNode { Type = "string" });

    private static readonly (string Row, SchemaNode Node, Shape Shape, string? Scalar)[] Cases =
    {
        ("int-or-string wins over its anyOf", new SchemaNode { IntOrString = true, Untyped = null }, Shape.Scalar, "global::MeshDsl.IntOrString"),
        ("untypeable combinator", new SchemaNode { Untyped = "'anyOf' with typed branches" }, Shape.Scalar, "global::MeshDsl.FreeForm"),
        ("string enum", new SchemaNode { Type = "string", EnumValues = new[] { "A", "B" }.ToEquatableArray() }, Shape.Enum, null),
        ("format: duration", new SchemaNode { Type = "string", Format = "duration" }, Shape.Scalar, "global::MeshDsl.Duration"),
        ("CEL duration rule", new SchemaNode { Type = "string", ValidationRules = new[] { new ValidationRule("duration(self) >= duration('1ms')", null) }.ToEquatableArray() }, Shape.Scalar, "global::MeshDsl.Duration"),
        ("other CEL rule stays a string", new SchemaNode { Type = "string", ValidationRules = new[] { new ValidationRule("self.size() > 0", null) }.ToEquatableArray() }, Shape.Scalar, "string"),
        ("date-time", new SchemaNode { Type = "string", Format = "date-time" }, Shape.Scalar, "string"),
        ("int32", new SchemaNode { Type = "integer", Format = "int32" }, Shape.Scalar, "int"),
        ("int64", new SchemaNode { Type = "integer", Format = "int64" }, Shape.Scalar, "long"),
        ("uint32 range", new SchemaNode { Type = "integer", Minimum = "0", Maximum = "4294967295" }, Shape.Scalar, "uint"),
        ("port range", new SchemaNode { Type = "integer", Minimum = "1", Maximum = "65535" }, Shape.Scalar, "uint"),
        ("beyond uint32", new SchemaNode { Type = "integer", Minimum = "0", Maximum = "4294967296" }, Shape.Scalar, "long"),
        ("negative minimum", new SchemaNode { Type = "integer", Minimum = "-1", Maximum = "10" }, Shape.Scalar, "long"),
        ("plain integer", new SchemaNode { Type = "integer" }, Shape.Scalar, "long"),
        ("number", new SchemaNode { Type = "number" }, Shape.Scalar, "double"),
        ("double", new SchemaNode { Type = "number", Format = "double" }, Shape.Scalar, "double"),
        ("boolean", new SchemaNode { Type = "boolean" }, Shape.Scalar, "bool"),
        ("array", new SchemaNode { Type = "array", Items = new SchemaNode { Type = "string" } }, Shape.List, null),
        ("object with properties", new SchemaNode { Type = "object", Properties = new[] { Field }.ToEquatableArray() }, Shape.Object, null),
        ("map", new SchemaNode { Type = "object", AdditionalProperties = new SchemaNode { Type = "string" } }, Shape.Map, null),
        ("preserve-unknown-fields", new SchemaNode { Type = "object", PreserveUnknownFields = true }, Shape.Scalar, "global::MeshDsl.FreeForm"),
        ("no type at all", new SchemaNode(), Shape.Scalar, "global::MeshDsl.FreeForm"),
        ("object without properties", new SchemaNode { Type = "object" }, Shape.Scalar, "global::MeshDsl.FreeForm"),
    };

    public static TheoryData<string> Rows => new(Cases.Select(c => c.Row));

    [Theory]
    [MemberData(nameof(Rows))]
    public void Schema_node_maps_to_its_csharp_type(string row)
    {
        var (_, node, shape, scalar) = Cases.Single(c => c.Row == row);
        var mapping = TypeMappingTable.Map(node);

        Assert.Equal(shape, mapping.Shape);
        Assert.Equal(scalar, mapping.Scalar);
    }

    [Fact]
    public void Every_row_of_the_table_is_reached_by_a_case()
    {
        var reached = Cases.Select(c => TypeMappingTable.Rows.First(row => row.Matches(c.Node)).Description).ToHashSet();

        Assert.All(TypeMappingTable.Rows, row => Assert.Contains(row.Description, reached));
    }
}

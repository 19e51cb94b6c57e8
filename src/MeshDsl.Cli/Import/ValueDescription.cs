using System;
using MeshDsl.Documents;

namespace MeshDsl.Cli.Import;

/// <summary>Values and types as the import's messages name them: <c>expected an integer (Int32), got the string "80"</c>.</summary>
internal static class ValueDescription
{
    /// <summary>What a YAML value is: <c>a map</c>, <c>null</c>, <c>the string "x"</c>, <c>integer 80</c>.</summary>
    public static string Of(DocumentNode node) => node switch
    {
        DocumentMap => "a map",
        DocumentList => "a list",
        DocumentScalar { Kind: ScalarKind.Null } => "null",
        DocumentScalar { Kind: ScalarKind.String } text => $"the string \"{Shorten(text.Text)}\"",
        DocumentScalar scalar => $"{scalar.Kind.ToString().ToLowerInvariant()} {scalar.Text}",
        _ => "a value",
    };

    /// <summary>What a field of <paramref name="type"/> takes: <c>a string</c>, <c>one of ClientTLSMode's values</c>.</summary>
    public static string Expected(Type type) => type.IsEnum ? $"one of {type.Name}'s values" : type.Name switch
    {
        "String" => "a string",
        "Boolean" => "a boolean",
        "Int32" or "Int64" or "UInt32" or "UInt64" => $"an integer ({type.Name})",
        "Double" or "Single" => "a number",
        "IntOrString" => "an integer or a string",
        "ResourceQuantity" => "a quantity",
        "DateTime" => "a time (RFC 3339)",
        "Byte[]" => "base64 text",
        _ => $"a {type.Name}",
    };

    /// <summary><c>expected a string, got integer 80</c>.</summary>
    public static string Mismatch(Type type, DocumentNode node) => $"expected {Expected(type)}, got {Of(node)}";

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "..." : text;
}

using System.Globalization;

namespace MeshDsl.Cli.Import;

/// <summary>C# literals, invariant culture: strings escaped, doubles that read back as doubles.</summary>
internal static class CSharpLiterals
{
    public static LiteralExpression Null { get; } = new("null");

    /// <summary>The generator's own string literal (one escaping rule for all generated C#).</summary>
    public static LiteralExpression String(string value) => new(MeshDsl.Generator.Common.Identifiers.Literal(value));

    public static LiteralExpression Integer(long value) => new(value.ToString(CultureInfo.InvariantCulture));

    // A whole number keeps ".0" so that the literal is a double: 100.0, 0.5, 1E+21.
    public static LiteralExpression Number(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return new LiteralExpression(text.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? text : text + ".0");
    }
}

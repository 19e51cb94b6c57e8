using System.Globalization;
using MeshDsl.Generator.Common;

namespace MeshDsl.Cli.Import;

/// <summary>C# literals, invariant culture: strings escaped or raw, doubles that read back as doubles.</summary>
internal static class CSharpLiterals
{
    public static LiteralExpression Null { get; } = new("null");

    /// <summary>
    /// A string: a raw string literal when it has a line break and nothing else that needs an escape (a Lua script, a
    /// config file), else a regular literal.
    /// </summary>
    public static CSharpExpression String(string value) => IsRawText(value) ? new RawStringExpression(value) : Escaped(value);

    /// <summary>The generator's own string literal (one escaping rule for all generated C#).</summary>
    public static LiteralExpression Escaped(string value) => new(Identifiers.Literal(value));

    public static LiteralExpression Integer(long value) => new(value.ToString(CultureInfo.InvariantCulture));

    // A whole number keeps ".0" so that the literal is a double: 100.0, 0.5, 1E+21.
    public static LiteralExpression Number(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return new LiteralExpression(text.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? text : text + ".0");
    }

    // Raw when it has a line break, and the regular literal would escape nothing but line breaks, tabs, quotes and
    // backslashes (a carriage return, a control or format character stays escaped, visible).
    private static bool IsRawText(string value) =>
        value.Contains('\n')
        && !Identifiers.Literal(value.Replace("\n", string.Empty).Replace("\t", string.Empty).Replace("\"", string.Empty).Replace("\\", string.Empty)).Contains('\\');
}

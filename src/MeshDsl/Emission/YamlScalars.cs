using System.Text.RegularExpressions;

namespace MeshDsl.Emission;

/// <summary>
/// Decides when a string must be quoted so that every YAML reader, YAML 1.1 ones included (kubectl's,
/// PyYAML), reads it back as the same string: <c>"80"</c>, <c>"true"</c>, <c>"yes"</c>, <c>"on"</c>, <c>"~"</c>,
/// <c>"null"</c>, <c>"0x1F"</c>, <c>"1e3"</c>, <c>"012"</c>, <c>".inf"</c>, <c>"1:30"</c>, text with leading or
/// trailing spaces, <c>": "</c>, <c>" #"</c>, indicators at the start, or control characters.
/// </summary>
public static partial class YamlScalars
{
    // YAML 1.1 booleans and nulls (any case variant the spec lists), and YAML 1.2's.
    [GeneratedRegex(
        "^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|=|<<)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex ReservedPattern();

    // Anything a YAML 1.1 or 1.2 resolver could read as a number: ints (decimal, octal, hex, binary,
    // sexagesimal, with underscores), floats (with exponent, sexagesimal), .inf and .nan.
    [GeneratedRegex(
        @"^[-+]?(" +
        @"[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?" +
        @"|\.[0-9_]+([eE][-+]?[0-9]+)?" +
        @"|0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]+|0[bB][01_]+" +
        @"|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?" +
        @"|\.(inf|Inf|INF)" +
        @")$|^\.(nan|NaN|NAN)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex NumericPattern();

    // YAML 1.1 timestamps (PyYAML's form of the type repository's regex): PyYAML, SnakeYAML and Psych read them as dates.
    [GeneratedRegex(
        @"^[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(([Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](\.[0-9]*)?([ \t]*(Z|[-+][0-9][0-9]?(:[0-9][0-9])?))?)?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex TimestampPattern();

    /// <summary>True when <paramref name="value"/> written plain would not read back as this string.</summary>
    public static bool NeedsQuotes(string value)
    {
        if (value.Length == 0 || ReservedPattern().IsMatch(value) || NumericPattern().IsMatch(value) || TimestampPattern().IsMatch(value))
        {
            return true;
        }

        // go-yaml v2 (kubectl) drops every '_' from a scalar starting with a sign or digit before reading it as a number.
        if ((value[0] is '+' or '-' || char.IsAsciiDigit(value[0])) && value.Contains('_') && NumericPattern().IsMatch(value.Replace("_", string.Empty)))
        {
            return true;
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[value.Length - 1]))
        {
            return true;
        }

        // Indicators that start something other than a plain scalar.
        if ("-?:,[]{}#&*!|>'\"%@`".IndexOf(value[0]) >= 0)
        {
            // "-foo", "?foo" and ":foo" are plain in YAML 1.2 but not everywhere; quote them all.
            return true;
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) || c == '\uFEFF' || c == '\u2028' || c == '\u2029' || c > '\uFFFD')
            {
                return true;
            }
        }

        // " *": YamlDotNet 18.1 reads the plain key "a *b: v" as one scalar.
        return value.Contains(": ") || value.Contains(" #") || value.Contains(" *") || value.EndsWith(":", System.StringComparison.Ordinal)
            || value.Contains(",") && (value.Contains("[") || value.Contains("{"));
    }
}

using System.Globalization;
using System.Text;

namespace MeshDsl.Generator.Common;

/// <summary>Turns wire names (camelCase, snake_case, kebab-case, SCREAMING_CASE) into C# identifiers.</summary>
internal static class Identifiers
{
    /// <summary><c>perTryTimeout</c> → <c>PerTryTimeout</c>, <c>mirror_percent</c> → <c>MirrorPercent</c>, <c>x-forwarded-for</c> → <c>XForwardedFor</c>, <c>2xx</c> → <c>_2xx</c>.</summary>
    public static string Pascal(string wire)
    {
        var builder = new StringBuilder(wire.Length);
        var upperNext = true;
        foreach (var c in wire)
        {
            if (!IsIdentifierPart(c) || c == '_')
            {
                upperNext = true;
                continue;
            }

            builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }

        return Safe(builder.ToString());
    }

    /// <summary><c>ROUND_ROBIN</c> → <c>RoundRobin</c>, <c>ISTIO_MUTUAL</c> → <c>IstioMutual</c>, <c>http</c> → <c>Http</c>.</summary>
    public static string EnumMember(string wire)
    {
        var builder = new StringBuilder(wire.Length);
        var wordStart = true;
        var allUpper = wire.ToUpperInvariant() == wire;
        foreach (var c in wire)
        {
            if (!IsIdentifierPart(c) || c == '_')
            {
                wordStart = true;
                continue;
            }

            builder.Append(wordStart ? char.ToUpperInvariant(c) : allUpper ? char.ToLowerInvariant(c) : c);
            wordStart = false;
        }

        return Safe(builder.ToString());
    }

    /// <summary>Keeps a wire name verbatim as far as C# allows: <c>mirror_percent</c> → <c>Mirror_percent</c>.</summary>
    public static string Verbatim(string wire)
    {
        var builder = new StringBuilder(wire.Length);
        foreach (var c in wire)
        {
            builder.Append(IsIdentifierPart(c) ? c : '_');
        }

        if (builder.Length > 0)
        {
            builder[0] = char.ToUpperInvariant(builder[0]);
        }

        return Safe(builder.ToString());
    }

    /// <summary><c>v1alpha3</c> → <c>V1Alpha3</c>.</summary>
    public static string Version(string version)
    {
        var builder = new StringBuilder(version.Length);
        for (var i = 0; i < version.Length; i++)
        {
            var c = version[i];
            var startsWord = i == 0 || (char.IsLetter(c) && char.IsDigit(version[i - 1]));
            builder.Append(startsWord ? char.ToUpperInvariant(c) : c);
        }

        return Safe(builder.ToString());
    }

    /// <summary>
    /// A C# string literal: quotes, backslashes and the usual control characters escaped, and as <c>\uXXXX</c> every
    /// character a regular literal cannot hold or a reader cannot see (control, format, line and paragraph separators,
    /// surrogates, private-use and unassigned code units). Used by the generator and by <c>meshdsl import</c>.
    /// </summary>
    // produces: "a \"quoted\" \\ path\nnext"
    public static string Literal(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (NeedsEscape(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static bool NeedsEscape(char c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => true,
        _ => false,
    };

    private static bool IsIdentifierPart(char c) => c < 128 ? char.IsLetterOrDigit(c) || c == '_' : char.IsLetterOrDigit(c);

    private static string Safe(string name)
    {
        if (name.Length == 0)
        {
            return "_";
        }

        return char.IsDigit(name[0]) ? "_" + name : name;
    }
}

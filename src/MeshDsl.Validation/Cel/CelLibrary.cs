using System;
using System.Globalization;

namespace MeshDsl.Validation.Cel;

/// <summary>
/// The functions Kubernetes' CEL environment gives the rules, with Go's semantics where they come from Go:
/// <c>duration()</c> is <c>time.ParseDuration</c>, <c>url()</c>/<c>isURL()</c> are <c>url.ParseRequestURI</c>,
/// <c>size()</c> and <c>substring()</c> count code points.
/// </summary>
internal static class CelLibrary
{
    public static object Duration(string text) =>
        MeshDsl.Duration.TryParseNanoseconds(text, out var nanoseconds) ? new CelDuration(nanoseconds) : new CelError($"invalid duration '{text}'");

    /// <summary>Kubernetes' <c>url()</c>: the parsed URL, or an error when <c>isURL</c> would be false.</summary>
    public static object Url(string text) => ParseRequestUri(text) is { } url ? url : new CelError($"URL parse error during conversion from string: {text}");

    public static bool IsUrl(string text) => ParseRequestUri(text) is not null;

    /// <summary>Go's <c>url.ParseRequestURI</c>: an absolute URI or an absolute path; null when Go returns an error.</summary>
    public static CelUrl? ParseRequestUri(string text)
    {
        if (text.Length == 0 || ContainsControl(text))
        {
            return null;
        }

        if (text == "*")
        {
            return new CelUrl(string.Empty, string.Empty, "*");
        }

        if (!TrySplitScheme(text, out var scheme, out var rest))
        {
            return null;
        }

        var query = rest.IndexOf('?');
        if (query >= 0)
        {
            rest = rest.Substring(0, query);
        }

        if (!rest.StartsWith('/'))
        {
            // "mailto:x" is an opaque URL; without a scheme, a request URI must be an absolute path.
            return scheme.Length > 0 ? new CelUrl(scheme, string.Empty, string.Empty) : null;
        }

        var host = string.Empty;
        if (scheme.Length > 0 && rest.StartsWith("//", StringComparison.Ordinal))
        {
            var authority = rest.Substring(2);
            var slash = authority.IndexOf('/');
            (authority, rest) = slash < 0 ? (authority, string.Empty) : (authority.Substring(0, slash), authority.Substring(slash));
            if (ParseAuthority(authority) is not { } parsedHost)
            {
                return null;
            }

            host = parsedHost;
        }

        return ValidEscapes(rest) ? new CelUrl(scheme, host, rest) : null;
    }

    /// <summary>Kubernetes' <c>size()</c> of a string: code points, as Go counts runes.</summary>
    public static long CodePoints(string text)
    {
        var count = text.Length;
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                count--;
                i++;
            }
        }

        return count;
    }

    /// <summary>cel-go's <c>substring(start, end)</c> over code points; out of range is an error.</summary>
    public static object Substring(string text, long start, long end)
    {
        var length = CodePoints(text);
        if (start < 0 || start > length)
        {
            return new CelError($"index out of range: {start}");
        }

        if (end < 0 || end > length)
        {
            return new CelError($"index out of range: {end}");
        }

        if (start > end)
        {
            return new CelError($"invalid substring range. start: {start}, end: {end}");
        }

        if (length == text.Length)
        {
            return text.Substring((int)start, (int)(end - start));
        }

        var from = CodePointOffset(text, start);
        return text.Substring(from, CodePointOffset(text, end) - from);
    }

    /// <summary>CEL's <c>int(string)</c>: Go's <c>strconv.ParseInt(s, 10, 64)</c>.</summary>
    public static object ParseInt(string text) =>
        text.Length > 0 && !char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1])
        && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : new CelError($"cannot convert '{text}' to int");

    private static int CodePointOffset(string text, long codePoints)
    {
        var offset = 0;
        for (var n = 0L; n < codePoints; n++)
        {
            offset += char.IsHighSurrogate(text[offset]) && offset + 1 < text.Length && char.IsLowSurrogate(text[offset + 1]) ? 2 : 1;
        }

        return offset;
    }

    // Go's getScheme: a letter, then letters, digits, '+', '-', '.', then ':'. Anything else before a ':' means no scheme.
    private static bool TrySplitScheme(string text, out string scheme, out string rest)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetter(c))
            {
                continue;
            }

            if (char.IsAsciiDigit(c) || c is '+' or '-' or '.')
            {
                if (i == 0)
                {
                    break;
                }

                continue;
            }

            if (c == ':')
            {
                if (i == 0)
                {
                    (scheme, rest) = (string.Empty, string.Empty);
                    return false;
                }

                (scheme, rest) = (text.Substring(0, i).ToLowerInvariant(), text.Substring(i + 1));
                return true;
            }

            break;
        }

        (scheme, rest) = (string.Empty, text);
        return true;
    }

    // userinfo@host:port; returns the host, or null when Go's parseAuthority fails.
    private static string? ParseAuthority(string authority)
    {
        var at = authority.LastIndexOf('@');
        if (at >= 0 && !ValidUserInfo(authority.Substring(0, at)))
        {
            return null;
        }

        var host = authority.Substring(at + 1);
        if (host.StartsWith('['))
        {
            var close = host.LastIndexOf(']');
            if (close < 0 || !ValidOptionalPort(host.Substring(close + 1)))
            {
                return null;
            }
        }
        else if (host.LastIndexOf(':') is var colon and >= 0 && !ValidOptionalPort(host.Substring(colon)))
        {
            return null;
        }

        foreach (var c in host)
        {
            if (c < 0x80 && !char.IsAsciiLetterOrDigit(c) && "-_.~!$&'()*+,;=:[]<>\"%".IndexOf(c) < 0)
            {
                return null;
            }
        }

        return ValidEscapes(host) ? host : null;
    }

    private static bool ValidOptionalPort(string port)
    {
        if (port.Length == 0)
        {
            return true;
        }

        if (port[0] != ':')
        {
            return false;
        }

        for (var i = 1; i < port.Length; i++)
        {
            if (!char.IsAsciiDigit(port[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ValidUserInfo(string userInfo)
    {
        foreach (var c in userInfo)
        {
            if (c < 0x80 && !char.IsAsciiLetterOrDigit(c) && "-._:~!$&'()*+,;=%@".IndexOf(c) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool ValidEscapes(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && (i + 2 >= text.Length || !Uri.IsHexDigit(text[i + 1]) || !Uri.IsHexDigit(text[i + 2])))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContainsControl(string text)
    {
        foreach (var c in text)
        {
            if (c < 0x20 || c == 0x7f)
            {
                return true;
            }
        }

        return false;
    }
}

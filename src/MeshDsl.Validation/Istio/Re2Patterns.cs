using System;
using System.Text.RegularExpressions;

namespace MeshDsl.Validation.Istio;

/// <summary>
/// Whether a pattern is valid RE2 (Envoy's and Istio's regex engine), approximated: it must parse as a .NET
/// regex and use none of the constructs RE2 lacks (backreferences, lookaround, atomic and possessive groups,
/// conditionals).
/// </summary>
internal static class Re2Patterns
{
    private static readonly Regex Unsupported = new(@"\\[1-9]|\\k<|\(\?=|\(\?!|\(\?<=|\(\?<!|\(\?>|\(\?\(|[*+?}]\+", RegexOptions.CultureInvariant);

    public static string? Problem(string pattern)
    {
        if (Unsupported.Match(pattern) is { Success: true } match)
        {
            return $"'{match.Value}' is not supported by RE2 (no backreferences, lookaround, atomic or possessive groups)";
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return null;
        }
        catch (ArgumentException exception)
        {
            return "it does not compile: " + exception.Message;
        }
    }
}

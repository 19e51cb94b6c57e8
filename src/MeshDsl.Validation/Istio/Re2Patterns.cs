using System;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace MeshDsl.Validation.Istio;

/// <summary>
/// Whether a pattern is valid RE2 (Envoy's and Istio's regex engine), approximated: it must parse as a .NET
/// regex and use none of the constructs RE2 lacks (backreferences, lookaround, atomic and possessive groups,
/// conditionals).
/// </summary>
internal static class Re2Patterns
{
    // Answers are kept per pattern: a project repeats the same few patterns in resource after resource, and the
    // analyzers check them again on every keystroke, while parsing one builds a whole regex. Bounded, so a project with
    // endless distinct patterns cannot grow it without limit; past the bound, patterns are parsed each time.
    private const int MaxCached = 1000;

    private static readonly Regex Unsupported = new(@"\\[1-9]|\\k<|\(\?=|\(\?!|\(\?<=|\(\?<!|\(\?>|\(\?\(|[*+?}]\+", RegexOptions.CultureInvariant);

    private static readonly ConcurrentDictionary<string, string?> Answers = new(StringComparer.Ordinal);

    public static string? Problem(string pattern)
    {
        if (Answers.TryGetValue(pattern, out var answer))
        {
            return answer;
        }

        answer = Check(pattern);
        if (Answers.Count < MaxCached)
        {
            Answers.TryAdd(pattern, answer);
        }

        return answer;
    }

    private static string? Check(string pattern)
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

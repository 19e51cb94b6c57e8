using System.Text.RegularExpressions;

namespace MeshDsl.Validation.Istio;

/// <summary>
/// Kubernetes label syntax as Istio's <c>labels.Instance.Validate</c> checks it: a key is an optional DNS prefix
/// (dot-separated DNS-1123 labels, at most 253 characters) and '/', then a name of at most 63 characters; a value
/// is empty or at most 63 characters. Names and values start and end with a letter or digit and hold letters,
/// digits, '-', '_' and '.'.
/// </summary>
internal static partial class KubernetesLabels
{
    private const int NameMaxLength = 63;
    private const int PrefixMaxLength = 253;

    public static string? KeyProblem(string key)
    {
        var slash = key.IndexOf('/');
        var name = slash < 0 ? key : key.Substring(slash + 1);
        if (slash >= 0)
        {
            var prefix = key.Substring(0, slash);
            if (prefix.Length == 0 || prefix.Length > PrefixMaxLength || !DnsPrefix().IsMatch(prefix))
            {
                return $"its prefix '{Shorten(prefix)}' is not a DNS name of at most {PrefixMaxLength} characters";
            }
        }

        if (name.Length == 0 || name.Length > NameMaxLength || !Name().IsMatch(name))
        {
            return $"its name '{Shorten(name)}' is not 1-{NameMaxLength} letters, digits, '-', '_' or '.' starting and ending with a letter or digit";
        }

        return null;
    }

    public static string? ValueProblem(string value) =>
        value.Length == 0 || (value.Length <= NameMaxLength && Name().IsMatch(value))
            ? null
            : $"'{Shorten(value)}' is not empty nor 1-{NameMaxLength} letters, digits, '-', '_' or '.' starting and ending with a letter or digit";

    private static string Shorten(string text) => text.Length > 80 ? text.Substring(0, 77) + "..." : text;

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    [GeneratedRegex(@"^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsPrefix();
}

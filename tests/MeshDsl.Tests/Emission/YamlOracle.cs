using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace MeshDsl.Tests;

/// <summary>
/// What YAML readers make of a plain scalar, independent of the code under test: the YAML 1.1 type
/// repository's resolution regexes (yaml.org/type: bool, null, int, float, merge, value, timestamp), the
/// YAML 1.2 core schema, and the number rules of go-yaml v2, the reader behind kubectl (sigs.k8s.io/yaml).
/// Also parsing with YamlDotNet's representation model and checks on the characters of emitted text.
/// </summary>
internal static class YamlOracle
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    // ---- YAML 1.1 type repository ----
    private static readonly Regex Yaml11Bool = new("^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$", Options);
    private static readonly Regex Yaml11Null = new("^(~|null|Null|NULL|)$", Options);
    private static readonly Regex Yaml11Int = new(
        "^([-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+)$", Options);

    // The repository's base-10 float is "[-+]?([0-9][0-9_]*)?\.[0-9.]*([eE][-+][0-9]+)?". Read literally it makes
    // ".", "1.2.3" and "10.0.0.1" floats, which have no value and which no YAML 1.1 implementation (PyYAML,
    // SnakeYAML, libyaml-based go-yaml, Ruby's Psych) reads as floats. Like PyYAML, this reads "[0-9.]*" as
    // "[0-9_]*" and wants at least one digit.
    private static readonly Regex Yaml11FloatBase10 = new(@"^[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?$", Options);
    private static readonly Regex Yaml11FloatOther = new(@"^([-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$", Options);
    private static readonly Regex Yaml11MergeOrValue = new("^(<<|=)$", Options);

    // The repository's timestamp, with PyYAML's correction that lets whitespace precede a numeric offset, as in
    // the repository's own example "2001-12-14 21:59:43.10 -5".
    private static readonly Regex Yaml11Timestamp = new(
        @"^([0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]" +
        @"|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?([Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](\.[0-9]*)?([ \t]*(Z|[-+][0-9][0-9]?(:[0-9][0-9])?))?)$",
        Options);

    // ---- YAML 1.2 core schema (spec 1.2.2, 10.3.2) ----
    private static readonly Regex Yaml12Null = new("^(null|Null|NULL|~|)$", Options);
    private static readonly Regex Yaml12Bool = new("^(true|True|TRUE|false|False|FALSE)$", Options);
    private static readonly Regex Yaml12Int = new("^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", Options);
    private static readonly Regex Yaml12Float = new(@"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$", Options);

    // ---- go-yaml v2 (resolve.go): a plain scalar starting with a sign or digit loses every '_', then is tried with
    // strconv.ParseInt(s, 0, 64), ParseUint and, when it matches yamlStyleFloat, ParseFloat; one starting with '.'
    // is tried with ParseFloat as it is. ----
    private static readonly Regex GoInt = new("^[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$", Options);
    private static readonly Regex GoYamlStyleFloat = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", Options);
    private static readonly Regex GoDotFloat = new(@"^\.[0-9]+([eE][-+]?[0-9]+)?$", Options);

    /// <summary>The non-string type some reader gives <paramref name="plain"/>, or null when every reader reads a string.</summary>
    public static string? NonStringReading(string plain)
    {
        if (Yaml11Bool.IsMatch(plain)) return "YAML 1.1 bool";
        if (Yaml11Null.IsMatch(plain)) return "YAML 1.1 null";
        if (Yaml11Int.IsMatch(plain)) return "YAML 1.1 int";
        if (Yaml11FloatBase10.IsMatch(plain) && HasDigit(plain) || Yaml11FloatOther.IsMatch(plain)) return "YAML 1.1 float";
        if (Yaml11MergeOrValue.IsMatch(plain)) return "YAML 1.1 merge/value";
        if (Yaml11Timestamp.IsMatch(plain)) return "YAML 1.1 timestamp";
        if (Yaml12Null.IsMatch(plain)) return "YAML 1.2 null";
        if (Yaml12Bool.IsMatch(plain)) return "YAML 1.2 bool";
        if (Yaml12Int.IsMatch(plain)) return "YAML 1.2 int";
        if (Yaml12Float.IsMatch(plain)) return "YAML 1.2 float";
        if (GoYamlV2Number(plain)) return "go-yaml v2 (kubectl) number";
        return null;
    }

    public static bool IsYaml11Int(string plain) => Yaml11Int.IsMatch(plain);

    public static bool IsYaml12Int(string plain) => Yaml12Int.IsMatch(plain);

    public static bool IsYaml11Float(string plain) => Yaml11FloatBase10.IsMatch(plain) && HasDigit(plain) || Yaml11FloatOther.IsMatch(plain);

    public static bool IsYaml12Float(string plain) => Yaml12Float.IsMatch(plain);

    public static bool IsYaml11Bool(string plain) => Yaml11Bool.IsMatch(plain);

    public static bool IsYaml12Bool(string plain) => Yaml12Bool.IsMatch(plain);

    private static bool GoYamlV2Number(string plain)
    {
        if (plain.Length == 0)
        {
            return false;
        }

        if (plain[0] == '.')
        {
            return GoDotFloat.IsMatch(plain);
        }

        if (plain[0] is '+' or '-' or (>= '0' and <= '9'))
        {
            var stripped = plain.Replace("_", string.Empty);
            return GoInt.IsMatch(stripped) || GoYamlStyleFloat.IsMatch(stripped);
        }

        return false;
    }

    private static bool HasDigit(string text)
    {
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The first character of <paramref name="yaml"/> that a YAML stream must not carry raw: anything outside
    /// c-printable, and line breaks other than LF (CR, NEL, LS and PS are line breaks to YAML 1.1 readers and
    /// content to YAML 1.2 readers, so a raw one is read differently by each). -1 when there is none.
    /// </summary>
    public static int FirstUnsafeCharacter(string yaml)
    {
        for (var i = 0; i < yaml.Length; i++)
        {
            var c = yaml[i];
            if (char.IsHighSurrogate(c) && i + 1 < yaml.Length && char.IsLowSurrogate(yaml[i + 1]))
            {
                i++;
                continue;
            }

            var allowed = c == '\t' || c == '\n' || c is >= '\x20' and <= '\x7E' || c is >= '\xA0' and <= '\uD7FF' && c != '\u2028' && c != '\u2029' || c is >= '\uE000' and <= '\uFFFD';
            if (!allowed)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The root node of the single document in <paramref name="yaml"/>, parsed by YamlDotNet.</summary>
    public static YamlNode ParseSingle(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count != 1)
        {
            throw new InvalidDataException($"expected one document, found {stream.Documents.Count}");
        }

        return stream.Documents[0].RootNode;
    }

    /// <summary>Every document of a multi-document stream.</summary>
    public static System.Collections.Generic.IReadOnlyList<YamlDocument> ParseAll(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.ToList();
    }

    /// <summary>C# escapes for anything outside printable ASCII, for messages.</summary>
    public static string Show(string text)
    {
        var result = new StringBuilder("\"");
        foreach (var c in text)
        {
            result.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when c is < ' ' or > '~' => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return result.Append('"').ToString();
    }
}

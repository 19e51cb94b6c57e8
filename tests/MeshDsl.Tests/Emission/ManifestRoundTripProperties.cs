using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using MeshDsl.Documents;
using MeshDsl.Emission;
using Xunit;
using Xunit.Abstractions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MeshDsl.Tests;

/// <summary>
/// Property tests of <see cref="ManifestWriter"/>: seeded random strings written as a map value and as a map key
/// must read back (YamlDotNet's representation model) as the same string, the text must be a YAML stream every
/// reader accepts (c-printable, LF the only line break), and whatever comes out plain must be a string to YAML 1.1,
/// YAML 1.2 and kubectl's go-yaml v2 (see <see cref="YamlOracle"/>). Failures are collected, counted per check and
/// shown with examples; counts go to the test output (<c>--logger "console;verbosity=detailed"</c>).
/// </summary>
/// <remarks>
/// Unpaired surrogates are not generated: they are not Unicode scalar values, so neither UTF-8 (the encoding of
/// every manifest file and of the Kubernetes API) nor a YAML escape can carry them; what the writer does with them
/// is <see cref="ManifestWriterTests.Unpaired_surrogates_are_refused_never_written_as_unreadable_yaml"/>.
/// Every other character is generated, C0 and C1 controls, DEL, BOM, NEL, U+2028/9 and U+FFFE/U+FFFF included:
/// in double quotes YAML escapes all of them (\x01, \N, \L, \uFFFE), so all must round-trip.
/// </remarks>
public sealed class ManifestRoundTripProperties
{
    private const int Seed = 20261126;
    private const int StringCount = 10_000;
    private const int NumberCount = 5_000;

    private static readonly string[] Fragments =
    {
        ": ", " #", "#", "---", "...", "- ", "? ", "|", ">", "'", "\"", "\\", "{", "}", "[", "]", ",", "&", "*", "!",
        "%", "@", "`", ":", "-", "?", "~", "=", "<<", " ", "  ", "\t", "\n", "\r\n", "\r", "a", "b", "key", "value",
        "reviews", "v1", "0", "1", "12", ".", "_", "e", "x", "null", "true", "yes", "on", "No", "https://", "/api/*",
        "é", "\u0301", "\U0001F680", "\u00A0", "\u2028", "\uFEFF",
    };

    private static readonly string[] Keywords =
    {
        "y", "yes", "n", "no", "true", "false", "on", "off", "null", "~", "<<", "=", "nan", "inf", ".inf", ".nan", "nil",
    };

    private readonly ITestOutputHelper _output;

    public ManifestRoundTripProperties(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Random_strings_round_trip_as_values_and_as_keys_and_plain_output_is_always_a_string()
    {
        var random = new Random(Seed);
        var families = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var styles = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var failures = new Failures();

        for (var i = 0; i < StringCount; i++)
        {
            var (family, value) = Generate(random);
            families[family] = families.GetValueOrDefault(family) + 1;
            foreach (var asKey in new[] { false, true })
            {
                var style = Check(value, asKey, failures);
                if (style is not null)
                {
                    var name = (asKey ? "key " : "value ") + style;
                    styles[name] = styles.GetValueOrDefault(name) + 1;
                }
            }
        }

        _output.WriteLine($"seed {Seed}: {StringCount} strings, {2 * StringCount} round trips (each as a value and as a key)");
        _output.WriteLine("strings per family: " + string.Join(", ", families.Select(f => $"{f.Key} {f.Value}")));
        _output.WriteLine("styles written: " + string.Join(", ", styles.Select(s => $"{s.Key} {s.Value}")));
        _output.WriteLine(failures.Summary());
        Assert.True(failures.Count == 0, failures.Summary());
    }

    [Fact]
    public void Random_integers_and_booleans_are_plain_and_read_back_as_the_same_integer_or_boolean()
    {
        var random = new Random(Seed + 1);
        var failures = new Failures();
        var integers = new List<long> { 0, 1, -1, long.MinValue, long.MaxValue, int.MinValue, int.MaxValue, 10, 012, 8080 };
        while (integers.Count < NumberCount)
        {
            // Every magnitude, not just the huge ones a uniform draw over the long range gives.
            var bits = random.Next(0, 64);
            var value = random.NextInt64() >> bits;
            integers.Add(random.Next(2) == 0 ? value : -value);
        }

        foreach (var integer in integers)
        {
            var text = PlainValue(DocumentScalar.Integer(integer), failures);
            if (text is null)
            {
                continue;
            }

            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var back) || back != integer)
            {
                failures.Add("integer reads back differently", $"{integer} -> {text}");
            }

            if (!YamlOracle.IsYaml11Int(text) || !YamlOracle.IsYaml12Int(text))
            {
                failures.Add("integer is not a YAML 1.1 and 1.2 int", text);
            }
        }

        foreach (var big in new[] { (ulong)long.MaxValue + 1, ulong.MaxValue })
        {
            var text = PlainValue(DocumentScalar.Integer(big), failures);
            if (text is not null && (text != big.ToString(CultureInfo.InvariantCulture) || !YamlOracle.IsYaml11Int(text) || !YamlOracle.IsYaml12Int(text)))
            {
                failures.Add("unsigned integer", text);
            }
        }

        foreach (var boolean in new[] { true, false })
        {
            var text = PlainValue(DocumentScalar.Boolean(boolean), failures);
            if (text != (boolean ? "true" : "false") || !YamlOracle.IsYaml11Bool(text!) || !YamlOracle.IsYaml12Bool(text!))
            {
                failures.Add("boolean", text ?? "(not plain)");
            }
        }

        _output.WriteLine($"seed {Seed + 1}: {integers.Count + 2} integers (signed and unsigned), 2 booleans");
        _output.WriteLine(failures.Summary());
        Assert.True(failures.Count == 0, failures.Summary());
    }

    // Fails while DocumentScalar.Number writes "1E+21" (see ManifestWriterTests.Numbers_in_exponent_form_...).
    [Fact]
    public void Random_numbers_are_plain_floats_to_every_reader_and_read_back_as_the_same_double()
    {
        var random = new Random(Seed + 2);
        var failures = new Failures();
        var numbers = new List<double> { 0.0, -0.0, 100.0, 0.5, 1e21, 1e-7, double.Epsilon, double.MaxValue, double.MinValue, 1e15, 1e16, 123456789012345680000.0 };
        while (numbers.Count < NumberCount)
        {
            var mantissa = random.NextDouble() * (random.Next(2) == 0 ? 1 : -1);
            var exponent = random.Next(-320, 309);
            var value = mantissa * Math.Pow(10, exponent);
            if (random.Next(4) == 0)
            {
                value = Math.Round(value); // whole numbers, which get a ".0"
            }

            if (double.IsFinite(value))
            {
                numbers.Add(value);
            }
        }

        var exponentForm = 0;
        foreach (var number in numbers)
        {
            var text = PlainValue(DocumentScalar.Number(number), failures);
            if (text is null)
            {
                continue;
            }

            exponentForm += text.IndexOfAny(new[] { 'e', 'E' }) >= 0 ? 1 : 0;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var back) || !back.Equals(number))
            {
                failures.Add("number reads back differently", $"{number:R} -> {text}");
            }

            if (!YamlOracle.IsYaml12Float(text))
            {
                failures.Add("number is not a YAML 1.2 float", text);
            }

            if (!YamlOracle.IsYaml11Float(text))
            {
                failures.Add("number is not a YAML 1.1 float (PyYAML reads a string)", text);
            }
        }

        foreach (var (special, expected) in new[] { (double.NaN, ".nan"), (double.PositiveInfinity, ".inf"), (double.NegativeInfinity, "-.inf") })
        {
            if (PlainValue(DocumentScalar.Number(special), failures) != expected)
            {
                failures.Add("special number", expected);
            }
        }

        _output.WriteLine($"seed {Seed + 2}: {numbers.Count + 3} numbers, {exponentForm} of them written with an exponent");
        _output.WriteLine(failures.Summary());
        Assert.True(failures.Count == 0, failures.Summary());
    }

    // Writes value as a map value or key, checks everything, returns the style it came back in (null on failure).
    private static string? Check(string value, bool asKey, Failures failures)
    {
        var where = asKey ? "key" : "value";
        var document = asKey ? new DocumentMap { { value, DocumentScalar.String("v") } } : new DocumentMap { { "v", DocumentScalar.String(value) } };
        string yaml;
        try
        {
            yaml = ManifestWriter.Write(document);
        }
        catch (Exception e)
        {
            failures.Add($"{where}: Write threw {e.GetType().Name}", YamlOracle.Show(value));
            return null;
        }

        var unsafeAt = YamlOracle.FirstUnsafeCharacter(yaml);
        if (unsafeAt >= 0)
        {
            failures.Add($"{where}: raw U+{(int)yaml[unsafeAt]:X4} in the YAML text", $"{YamlOracle.Show(value)} -> {YamlOracle.Show(yaml)}");
        }

        YamlScalarNode node;
        try
        {
            var root = (YamlMappingNode)YamlOracle.ParseSingle(yaml);
            node = (YamlScalarNode)(asKey ? root.Children.Keys.Single() : root.Children[new YamlScalarNode("v")]);
        }
        catch (Exception e)
        {
            failures.Add($"{where}: YamlDotNet cannot read the output ({e.GetType().Name})", $"{YamlOracle.Show(value)} -> {YamlOracle.Show(yaml)}");
            return null;
        }

        if (node.Value != value)
        {
            failures.Add($"{where}: reads back as a different string ({node.Style})", $"{YamlOracle.Show(value)} -> {YamlOracle.Show(yaml)} -> {YamlOracle.Show(node.Value ?? "(null)")}");
            return null;
        }

        if (node.Style == ScalarStyle.Plain)
        {
            if (YamlScalars.NeedsQuotes(value))
            {
                failures.Add($"{where}: plain although NeedsQuotes is true", YamlOracle.Show(value));
            }

            if (YamlOracle.NonStringReading(value) is { } reading)
            {
                failures.Add($"{where}: plain, but a {reading}", YamlOracle.Show(value));
            }
        }

        return node.Style.ToString();
    }

    // The text of a non-string scalar written as a map value; null (and a failure) unless it is plain.
    private static string? PlainValue(DocumentScalar scalar, Failures failures)
    {
        var yaml = ManifestWriter.Write(new DocumentMap { { "v", scalar } });
        var node = (YamlScalarNode)((YamlMappingNode)YamlOracle.ParseSingle(yaml)).Children[new YamlScalarNode("v")];
        if (node.Style != ScalarStyle.Plain)
        {
            failures.Add($"{scalar.Kind} not written plain", YamlOracle.Show(yaml));
            return null;
        }

        return node.Value;
    }

    private static (string Family, string Value) Generate(Random random)
    {
        var pick = random.Next(100);
        return pick switch
        {
            < 20 => ("ascii", Ascii(random, random.Next(0, 17))),
            < 35 => ("unicode", UnicodeText(random, random.Next(1, 13))),
            < 60 => ("fragments", FromFragments(random)),
            < 78 => ("number-like", NumberLike(random)),
            < 88 => ("keyword", Keyword(random)),
            < 98 => ("multi-line", MultiLine(random)),
            _ => ("empty", string.Empty),
        };
    }

    private static string Ascii(Random random, int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append((char)random.Next(0x20, 0x7F));
        }

        return text.ToString();
    }

    // Code points from weighted ranges; surrogate pairs only as pairs.
    private static string UnicodeText(Random random, int length)
    {
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            var codePoint = random.Next(12) switch
            {
                0 => random.Next(0x00, 0x20),             // C0 controls, tab and newline included
                1 => random.Next(0x7F, 0xA0),             // DEL and C1 controls, NEL included
                2 => random.Next(0xA0, 0x250),            // Latin-1 and Latin Extended, NBSP included
                3 => random.Next(0x300, 0x370),           // combining marks
                4 => random.Next(0x370, 0x800),           // Greek, Cyrillic, Hebrew, Arabic
                5 => random.Next(0x2000, 0x2070),         // spaces, ZWSP, LS, PS, quotes, dashes
                6 => random.Next(0x4E00, 0x9FFF),         // CJK
                7 => random.Next(0xE000, 0xF900),         // private use
                8 => new[] { 0xFEFF, 0xFFFC, 0xFFFD, 0xFFFE, 0xFFFF }[random.Next(5)],
                9 => random.Next(0x1F300, 0x1FAFF),       // emoji (surrogate pairs)
                10 => random.Next(0x10000, 0x110000),     // any supplementary plane
                _ => random.Next(0x20, 0x7F),
            };
            text.Append(char.ConvertFromUtf32(codePoint));
        }

        return text.ToString();
    }

    private static string FromFragments(Random random)
    {
        var text = new StringBuilder();
        if (random.Next(4) == 0)
        {
            text.Append(random.Next(2) == 0 ? " " : "\t");
        }

        var count = random.Next(1, 7);
        for (var i = 0; i < count; i++)
        {
            text.Append(Fragments[random.Next(Fragments.Length)]);
        }

        if (random.Next(4) == 0)
        {
            text.Append(random.Next(2) == 0 ? " " : "\t");
        }

        return text.ToString();
    }

    private static string Keyword(Random random)
    {
        var word = Keywords[random.Next(Keywords.Length)];
        var cased = random.Next(3) switch
        {
            0 => word,
            1 => word.ToUpperInvariant(),
            _ => new string(word.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : c).ToArray()),
        };
        return random.Next(5) == 0 ? cased.Substring(0, 1).ToUpperInvariant() + cased.Substring(1) : cased;
    }

    private static string NumberLike(Random random)
    {
        string Digits(int min, int max, string alphabet = "0123456789", bool underscores = true)
        {
            var length = random.Next(min, max + 1);
            var text = new StringBuilder();
            for (var i = 0; i < length; i++)
            {
                text.Append(underscores && random.Next(6) == 0 ? '_' : alphabet[random.Next(alphabet.Length)]);
            }

            return text.ToString();
        }

        string Case(string text) => random.Next(2) == 0 ? text : text.ToUpperInvariant();

        var sign = random.Next(4) switch { 0 => "-", 1 => "+", _ => string.Empty };
        var body = random.Next(14) switch
        {
            0 => Digits(1, 8),                                                              // 80, 012, 1_000
            1 => Digits(1, 4) + "." + Digits(0, 4),                                          // 1.5, 1., 1_0.0_1
            2 => "." + Digits(0, 4),                                                         // .5, .
            3 => Digits(1, 3) + (random.Next(2) == 0 ? "." + Digits(0, 3) : string.Empty) + Case("e") + new[] { "", "+", "-" }[random.Next(3)] + Digits(0, 3),
            4 => Case("0x") + Digits(1, 6, "0123456789abcdefABCDEF"),
            5 => Case("0o") + Digits(1, 5, "01234567"),
            6 => Case("0b") + Digits(1, 8, "01"),
            7 => Digits(1, 3) + string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => ":" + Digits(1, 2, "0123456789", underscores: false))) + (random.Next(2) == 0 ? "." + Digits(0, 2) : string.Empty),
            8 => new[] { ".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN", "inf", ".iNf", "nan" }[random.Next(9)],
            9 => $"{random.Next(1900, 2100)}-{random.Next(1, 13)}-{random.Next(1, 29)}" + new[] { "", "T10:20:30Z", " 1:02:03", "t21:59:43.10-05:00", " 21:59:43.10 -5" }[random.Next(5)],
            10 => $"{random.Next(1900, 2100)}-{random.Next(1, 13):D2}-{random.Next(1, 29):D2}",
            11 => $"{random.Next(0, 256)}.{random.Next(0, 256)}.{random.Next(0, 256)}" + (random.Next(2) == 0 ? $".{random.Next(0, 256)}" : string.Empty),
            12 => random.Next(1, 999) + new[] { "s", "ms", "m", "h", "%", "Mi", "Gi", "x" }[random.Next(8)],
            _ => Digits(1, 6, "0123456789_.:eExXoObB+-"),
        };
        return body.Length > 0 && body[0] is '.' or '0' or '1' or '2' or '3' or '4' or '5' or '6' or '7' or '8' or '9' ? sign + body : body;
    }

    private static string MultiLine(Random random)
    {
        var lines = Enumerable.Range(0, random.Next(2, 5)).Select(_ => random.Next(3) switch
        {
            0 => Ascii(random, random.Next(0, 12)),
            1 => FromFragments(random),
            _ => new string(' ', random.Next(0, 4)) + "line",
        });
        var separator = random.Next(8) == 0 ? "\r\n" : "\n";
        var text = string.Join(separator, lines);
        return text + random.Next(4) switch { 0 => string.Empty, 1 => "\n", 2 => "\n\n", _ => separator };
    }

    private sealed class Failures
    {
        private readonly SortedDictionary<string, List<string>> _byCheck = new(StringComparer.Ordinal);

        public int Count => _byCheck.Values.Sum(v => v.Count);

        public void Add(string check, string example)
        {
            if (!_byCheck.TryGetValue(check, out var examples))
            {
                _byCheck.Add(check, examples = new List<string>());
            }

            examples.Add(example);
        }

        public string Summary()
        {
            if (_byCheck.Count == 0)
            {
                return "failures: 0";
            }

            var text = new StringBuilder($"failures: {Count}\n");
            foreach (var (check, examples) in _byCheck)
            {
                text.Append($"  {check}: {examples.Count}, e.g. {string.Join(" | ", examples.Distinct().Take(4))}\n");
            }

            return text.ToString();
        }
    }
}

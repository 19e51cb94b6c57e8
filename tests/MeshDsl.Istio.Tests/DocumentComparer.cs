using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;
using MeshDsl.Documents;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MeshDsl.Istio.Tests;

/// <summary>
/// Compares a YAML node tree (what a document should be) with a <see cref="DocumentNode"/> tree (what a
/// model wrote), as data: maps as unordered key sets, lists in order, scalars by their JSON type and value.
/// Returns one human-readable line per difference, each starting with the path of the node
/// (<c>spec.http[0].route[1].weight: expected 10, got 20</c>).
/// </summary>
public static partial class DocumentComparer
{
    private const int MaxDescriptionLength = 80;
    private const string TagPrefix = "tag:yaml.org,2002:";

    /// <summary>The differences between <paramref name="expected"/> and <paramref name="actual"/>; empty when they are equal as data.</summary>
    public static IReadOnlyList<string> Compare(YamlNode expected, DocumentNode actual)
    {
        var differences = new List<string>();
        Compare(expected, actual, path: "", differences);
        return differences;
    }

    private static void Compare(YamlNode expected, DocumentNode actual, string path, List<string> differences)
    {
        switch (expected, actual)
        {
            case (YamlMappingNode expectedMap, DocumentMap actualMap):
                CompareMaps(expectedMap, actualMap, path, differences);
                break;
            case (YamlSequenceNode expectedList, DocumentList actualList):
                CompareLists(expectedList, actualList, path, differences);
                break;
            case (YamlScalarNode expectedScalar, DocumentScalar actualScalar):
                CompareScalars(expectedScalar, actualScalar, path, differences);
                break;
            default:
                differences.Add($"{Display(path)}: expected {ShapeOf(expected)} {Describe(expected)}, got {ShapeOf(actual)} {Describe(actual)}");
                break;
        }
    }

    private static void CompareMaps(YamlMappingNode expected, DocumentMap actual, string path, List<string> differences)
    {
        var expectedKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in expected.Children)
        {
            var key = KeyText(entry.Key);
            expectedKeys.Add(key);
            var childPath = Child(path, key);
            if (actual[key] is { } actualValue)
            {
                Compare(entry.Value, actualValue, childPath, differences);
            }
            else
            {
                differences.Add($"{childPath}: missing (expected {Describe(entry.Value)})");
            }
        }

        foreach (var entry in actual.Where(entry => !expectedKeys.Contains(entry.Key)))
        {
            differences.Add($"{Child(path, entry.Key)}: unexpected (got {Describe(entry.Value)})");
        }
    }

    private static void CompareLists(YamlSequenceNode expected, DocumentList actual, string path, List<string> differences)
    {
        var count = Math.Max(expected.Children.Count, actual.Count);
        for (var i = 0; i < count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (i >= actual.Count)
            {
                differences.Add($"{itemPath}: missing (expected {Describe(expected.Children[i])})");
            }
            else if (i >= expected.Children.Count)
            {
                differences.Add($"{itemPath}: unexpected (got {Describe(actual[i])})");
            }
            else
            {
                Compare(expected.Children[i], actual[i], itemPath, differences);
            }
        }
    }

    private static void CompareScalars(YamlScalarNode expected, DocumentScalar actual, string path, List<string> differences)
    {
        var (kind, text) = Resolve(expected);
        if (kind != actual.Kind)
        {
            differences.Add($"{Display(path)}: expected {KindName(kind)} {Describe(kind, text)}, got {KindName(actual.Kind)} {Describe(actual)}");
        }
        else if (!SameValue(kind, text, actual.Text))
        {
            differences.Add($"{Display(path)}: expected {Describe(kind, text)}, got {Describe(actual)}");
        }
    }

    private static bool SameValue(ScalarKind kind, string expected, string actual) => kind switch
    {
        ScalarKind.Integer => ParseInteger(expected) is { } e && ParseInteger(actual) is { } a && e == a,
        ScalarKind.Number => ParseNumber(expected) is { } e && ParseNumber(actual) is { } a && e.Equals(a),
        _ => string.Equals(expected, actual, StringComparison.Ordinal),
    };

    /// <summary>
    /// What a YAML scalar is as data, by YAML 1.2's core schema: a quoted or block scalar is a string; a plain
    /// scalar is null, a boolean, an integer or a float when it reads as one, else a string. An explicit
    /// standard tag (<c>!!str</c>, <c>!!int</c>, ...) decides instead.
    /// </summary>
    public static (ScalarKind Kind, string Text) Resolve(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value.StartsWith(TagPrefix, StringComparison.Ordinal))
        {
            switch (scalar.Tag.Value.Substring(TagPrefix.Length))
            {
                case "str": return (ScalarKind.String, text);
                case "int": return (ScalarKind.Integer, text);
                case "float": return (ScalarKind.Number, text);
                case "bool": return (ScalarKind.Boolean, text.ToLowerInvariant());
                case "null": return (ScalarKind.Null, "null");
            }
        }

        if (scalar.Style != ScalarStyle.Plain)
        {
            return (ScalarKind.String, text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => (ScalarKind.Null, "null"),
            "true" or "True" or "TRUE" => (ScalarKind.Boolean, "true"),
            "false" or "False" or "FALSE" => (ScalarKind.Boolean, "false"),
            _ when ParseInteger(text) is not null => (ScalarKind.Integer, text),
            _ when ParseNumber(text) is not null => (ScalarKind.Number, text),
            _ => (ScalarKind.String, text),
        };
    }

    private static BigInteger? ParseInteger(string text)
    {
        if (DecimalInteger().IsMatch(text))
        {
            return BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        if (text.StartsWith("0x", StringComparison.Ordinal) && text.Length > 2 && text.Skip(2).All(Uri.IsHexDigit))
        {
            return BigInteger.Parse("0" + text.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }

        if (text.StartsWith("0o", StringComparison.Ordinal) && text.Length > 2 && text.Skip(2).All(c => c is >= '0' and <= '7'))
        {
            return text.Skip(2).Aggregate(BigInteger.Zero, (value, digit) => (value * 8) + (digit - '0'));
        }

        return null;
    }

    private static double? ParseNumber(string text)
    {
        switch (text)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "Infinity":
                return double.PositiveInfinity;
            case "-.inf" or "-.Inf" or "-.INF" or "-Infinity":
                return double.NegativeInfinity;
            case ".nan" or ".NaN" or ".NAN" or "NaN":
                return double.NaN;
        }

        return FloatNumber().IsMatch(text) ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : null;
    }

    private static string KeyText(YamlNode key) =>
        key is YamlScalarNode scalar ? scalar.Value ?? "" : throw new InvalidOperationException($"Only scalar map keys are supported, found {key.NodeType} at {key.Start}.");

    private static string Child(string path, string key)
    {
        var segment = SimpleKey().IsMatch(key) ? key : $"[\"{key}\"]";
        return path.Length == 0 || segment[0] == '[' ? path + segment : $"{path}.{segment}";
    }

    private static string Display(string path) => path.Length == 0 ? "(root)" : path;

    private static string ShapeOf(YamlNode node) => node switch
    {
        YamlMappingNode => "a map",
        YamlSequenceNode => "a list",
        YamlScalarNode scalar => KindName(Resolve(scalar).Kind),
        _ => node.NodeType.ToString(),
    };

    private static string ShapeOf(DocumentNode node) => node switch
    {
        DocumentMap => "a map",
        DocumentList => "a list",
        DocumentScalar scalar => KindName(scalar.Kind),
        _ => node.GetType().Name,
    };

    private static string KindName(ScalarKind kind) => kind switch
    {
        ScalarKind.String => "string",
        ScalarKind.Integer => "integer",
        ScalarKind.Number => "number",
        ScalarKind.Boolean => "boolean",
        _ => "null",
    };

    // A short, flow-style rendering of a value for messages: "v2", 10, {host: "reviews", subset: "v2"}, ["a", "b"].
    private static string Describe(YamlNode node) => Shorten(Render(node));

    private static string Describe(DocumentNode node) => Shorten(Render(node));

    private static string Describe(ScalarKind kind, string text) => Shorten(RenderScalar(kind, text));

    private static string Render(YamlNode node) => node switch
    {
        YamlMappingNode map => "{" + string.Join(", ", map.Children.Select(e => $"{KeyText(e.Key)}: {Render(e.Value)}")) + "}",
        YamlSequenceNode list => "[" + string.Join(", ", list.Children.Select(Render)) + "]",
        YamlScalarNode scalar => RenderScalar(Resolve(scalar).Kind, Resolve(scalar).Text),
        _ => node.NodeType.ToString(),
    };

    private static string Render(DocumentNode node) => node switch
    {
        DocumentMap map => "{" + string.Join(", ", map.Select(e => $"{e.Key}: {Render(e.Value)}")) + "}",
        DocumentList list => "[" + string.Join(", ", list.Select(Render)) + "]",
        DocumentScalar scalar => RenderScalar(scalar.Kind, scalar.Text),
        _ => node.GetType().Name,
    };

    private static string RenderScalar(ScalarKind kind, string text) => kind switch
    {
        ScalarKind.String => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        ScalarKind.Null => "null",
        _ => text,
    };

    private static string Shorten(string text) =>
        text.Length <= MaxDescriptionLength ? text : new StringBuilder(text, 0, MaxDescriptionLength - 3, MaxDescriptionLength).Append("...").ToString();

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex DecimalInteger();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatNumber();

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex SimpleKey();
}

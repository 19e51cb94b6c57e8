using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace MeshDsl.EndToEnd.Tests;

/// <summary>
/// YAML documents as plain data (maps with string keys, lists, and scalars resolved by YAML 1.2's core
/// schema: a plain 80 is an integer, a quoted "80" a string), to compare manifests regardless of key order
/// or quoting style.
/// </summary>
internal static class YamlData
{
    private static readonly Regex Integer = new(@"^[-+]?[0-9]+$");
    private static readonly Regex Float = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$");

    public static List<object?> LoadAll(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Where(d => d.RootNode is not YamlScalarNode { Value: null or "" }).Select(d => ToData(d.RootNode)).ToList();
    }

    public static List<object?> LoadFolder(string folder) =>
        Directory.GetFiles(folder, "*.yaml")
            .Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .OrderBy(f => f, StringComparer.Ordinal)
            .SelectMany(f => LoadAll(File.ReadAllText(f)))
            .ToList();

    /// <summary><c>Kind namespace/name</c> of a manifest.</summary>
    public static string Id(object? document)
    {
        var map = (Dictionary<string, object?>)document!;
        var metadata = (Dictionary<string, object?>)map["metadata"]!;
        return $"{map["kind"]} {(metadata.TryGetValue("namespace", out var ns) ? ns : "-")}/{metadata["name"]}";
    }

    /// <summary>Every difference between two data trees, as <c>path: expected X, got Y</c>.</summary>
    public static List<string> Differences(object? expected, object? actual, string path = "")
    {
        var differences = new List<string>();
        switch (expected, actual)
        {
            case (Dictionary<string, object?> left, Dictionary<string, object?> right):
                foreach (var key in left.Keys.Union(right.Keys).OrderBy(k => k, StringComparer.Ordinal))
                {
                    var child = path.Length == 0 ? key : path + "." + key;
                    if (!right.ContainsKey(key))
                    {
                        differences.Add($"{child}: missing");
                    }
                    else if (!left.ContainsKey(key))
                    {
                        differences.Add($"{child}: unexpected");
                    }
                    else
                    {
                        differences.AddRange(Differences(left[key], right[key], child));
                    }
                }

                break;
            case (List<object?> left, List<object?> right):
                if (left.Count != right.Count)
                {
                    differences.Add($"{path}: expected {left.Count} items, got {right.Count}");
                }

                for (var i = 0; i < Math.Min(left.Count, right.Count); i++)
                {
                    differences.AddRange(Differences(left[i], right[i], $"{path}[{i}]"));
                }

                break;
            // JSON, and so Kubernetes, has one number type: 100 and 100.0 are the same value.
            case (long or double, long or double):
                if (Convert.ToDouble(expected, CultureInfo.InvariantCulture) != Convert.ToDouble(actual, CultureInfo.InvariantCulture))
                {
                    differences.Add($"{path}: expected {Describe(expected)}, got {Describe(actual)}");
                }

                break;
            default:
                if (!Equals(expected, actual))
                {
                    differences.Add($"{path}: expected {Describe(expected)}, got {Describe(actual)}");
                }

                break;
        }

        return differences;
    }

    private static string Describe(object? value) => value is null ? "null" : $"{value.GetType().Name} {value}";

    private static object? ToData(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => ToData(e.Value)),
        YamlSequenceNode list => list.Children.Select(ToData).ToList(),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidDataException("unexpected YAML node " + node.GetType().Name),
    };

    private static object? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain)
        {
            return value;
        }

        return value switch
        {
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            "null" or "Null" or "NULL" or "~" or "" => null,
            _ when Integer.IsMatch(value) => long.Parse(value, CultureInfo.InvariantCulture),
            _ when Float.IsMatch(value) => double.Parse(value, CultureInfo.InvariantCulture),
            _ => value,
        };
    }
}

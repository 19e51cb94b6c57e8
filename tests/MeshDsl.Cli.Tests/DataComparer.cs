using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MeshDsl.Documents;

namespace MeshDsl.Cli.Tests;

/// <summary>
/// Compares two document trees as data: maps as unordered key sets, lists in order, scalars by kind and value
/// (an integer and a number are equal when they are the same number, as in JSON). One line per difference.
/// </summary>
internal static class DataComparer
{
    public static List<string> Compare(DocumentNode expected, DocumentNode actual)
    {
        var differences = new List<string>();
        Compare(expected, actual, string.Empty, differences);
        return differences;
    }

    private static void Compare(DocumentNode expected, DocumentNode actual, string path, List<string> differences)
    {
        switch (expected, actual)
        {
            case (DocumentMap e, DocumentMap a):
                foreach (var (key, value) in e)
                {
                    if (a[key] is { } other)
                    {
                        Compare(value, other, $"{path}.{key}", differences);
                    }
                    else
                    {
                        differences.Add($"{path}.{key}: missing");
                    }
                }

                differences.AddRange(a.Where(entry => e[entry.Key] is null).Select(entry => $"{path}.{entry.Key}: unexpected"));
                break;
            case (DocumentList e, DocumentList a):
                if (e.Count != a.Count)
                {
                    differences.Add($"{path}: {e.Count} items expected, got {a.Count}");
                }

                for (var i = 0; i < Math.Min(e.Count, a.Count); i++)
                {
                    Compare(e[i], a[i], $"{path}[{i}]", differences);
                }

                break;
            case (DocumentScalar e, DocumentScalar a) when SameScalar(e, a):
                break;
            default:
                differences.Add($"{path}: expected {Describe(expected)}, got {Describe(actual)}");
                break;
        }
    }

    private static bool SameScalar(DocumentScalar expected, DocumentScalar actual) =>
        expected.Equals(actual)
        || (expected.Kind is ScalarKind.Integer or ScalarKind.Number && actual.Kind is ScalarKind.Integer or ScalarKind.Number
            && double.Parse(expected.Text, CultureInfo.InvariantCulture) == double.Parse(actual.Text, CultureInfo.InvariantCulture));

    private static string Describe(DocumentNode node) => node is DocumentScalar scalar ? $"{scalar.Kind} {scalar.Text}" : node.GetType().Name;
}

using System;
using System.Collections.Generic;
using System.Globalization;
using MeshDsl.Documents;

namespace MeshDsl.Validation.Cel;

/// <summary>CEL's <c>null</c>.</summary>
internal sealed class CelNull
{
    public static readonly CelNull Value = new();

    private CelNull()
    {
    }

    public override string ToString() => "null";
}

/// <summary>
/// An evaluation error (a missing field, a failed conversion, a type mismatch). It is a value, not an exception:
/// <c>&amp;&amp;</c>, <c>||</c> and the comprehension macros absorb it the way CEL specifies, and a rule that
/// ends in one is violated.
/// </summary>
internal sealed class CelError
{
    public CelError(string message) => Message = message;

    public string Message { get; }

    public override string ToString() => Message;
}

/// <summary>A CEL <c>google.protobuf.Duration</c>, in nanoseconds as Go keeps it.</summary>
internal readonly record struct CelDuration(long Nanoseconds) : IComparable<CelDuration>
{
    public int CompareTo(CelDuration other) => Nanoseconds.CompareTo(other.Nanoseconds);
}

/// <summary>The value of Kubernetes' <c>url()</c>: a URL that Go's <c>url.ParseRequestURI</c> accepts.</summary>
internal sealed record CelUrl(string Scheme, string Host, string Path);

/// <summary>How documents and literals look to CEL: scalars become CEL primitives, maps and lists stay nodes.</summary>
internal static class CelValues
{
    /// <summary>The boxed booleans, shared so that evaluating a rule does not allocate one per comparison.</summary>
    public static readonly object True = true;

    public static readonly object False = false;

    public static object Box(bool value) => value ? True : False;

    public static object FromNode(DocumentNode node) => node switch
    {
        DocumentScalar { Kind: ScalarKind.String } s => s.Text,
        DocumentScalar { Kind: ScalarKind.Boolean } s => Box(s.Text == "true"),
        DocumentScalar { Kind: ScalarKind.Integer } s => long.TryParse(s.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
            ? integer
            : ulong.TryParse(s.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var unsigned) ? unsigned : new CelError($"integer {s.Text} out of range"),
        DocumentScalar { Kind: ScalarKind.Number } s => double.TryParse(s.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : new CelError($"number {s.Text} unreadable"),
        DocumentScalar => CelNull.Value,
        _ => node,
    };

    public static string TypeName(object value) => value switch
    {
        bool => "bool",
        long => "int",
        ulong => "uint",
        double => "double",
        string => "string",
        CelNull => "null_type",
        CelDuration => "google.protobuf.Duration",
        CelUrl => "URL",
        DocumentMap or Dictionary<object, object> => "map",
        DocumentList or object[] => "list",
        _ => value.GetType().Name,
    };

    /// <summary>The elements a comprehension or <c>in</c> ranges over: list items, or map keys.</summary>
    public static IReadOnlyList<object>? Elements(object value)
    {
        switch (value)
        {
            case object[] items:
                return items;
            case DocumentList list:
                var converted = new object[list.Count];
                for (var i = 0; i < converted.Length; i++)
                {
                    converted[i] = FromNode(list[i]);
                }

                return converted;
            case DocumentMap map:
                var keys = new List<object>(map.Count);
                foreach (var entry in map)
                {
                    keys.Add(entry.Key);
                }

                return keys;
            case Dictionary<object, object> literal:
                return new List<object>(literal.Keys);
            default:
                return null;
        }
    }

    /// <summary>CEL's heterogeneous equality: values of different types are unequal, numbers compare across types.</summary>
    public static bool AreEqual(object left, object right)
    {
        if (Numeric(left) is { } l && Numeric(right) is { } r)
        {
            return l == r;
        }

        switch (left)
        {
            case string or bool or CelNull or CelDuration:
                return left.Equals(right);
            case CelUrl url:
                return url.Equals(right);
        }

        var leftItems = left is DocumentList or object[] ? Elements(left) : null;
        var rightItems = right is DocumentList or object[] ? Elements(right) : null;
        if (leftItems is not null && rightItems is not null)
        {
            if (leftItems.Count != rightItems.Count)
            {
                return false;
            }

            for (var i = 0; i < leftItems.Count; i++)
            {
                if (!AreEqual(leftItems[i], rightItems[i]))
                {
                    return false;
                }
            }

            return true;
        }

        if (left is DocumentMap or Dictionary<object, object> && right is DocumentMap or Dictionary<object, object>)
        {
            var leftKeys = Elements(left)!;
            if (leftKeys.Count != Elements(right)!.Count)
            {
                return false;
            }

            foreach (var key in leftKeys)
            {
                if (Lookup(right, key) is not { } value || value is CelError || !AreEqual(Lookup(left, key)!, value))
                {
                    return false;
                }
            }

            return true;
        }

        return false;
    }

    /// <summary>Orders two values of one type (numbers across types); null when CEL has no ordering for them.</summary>
    public static int? Compare(object left, object right)
    {
        if (Numeric(left) is { } l && Numeric(right) is { } r)
        {
            return l.CompareTo(r);
        }

        return (left, right) switch
        {
            (string a, string b) => string.CompareOrdinal(a, b) switch { < 0 => -1, > 0 => 1, _ => 0 },
            (bool a, bool b) => a.CompareTo(b),
            (CelDuration a, CelDuration b) => a.CompareTo(b),
            _ => null,
        };
    }

    /// <summary>The value of <paramref name="key"/> in a map; null when absent.</summary>
    public static object? Lookup(object map, object key) => map switch
    {
        DocumentMap document when key is string name => document[name] is { } node ? FromNode(node) : null,
        Dictionary<object, object> literal => literal.TryGetValue(key, out var value) ? value : null,
        _ => null,
    };

    // Numbers compare by value across int, uint and double; decimal keeps int64 and uint64 exact.
    private static decimal? Numeric(object value) => value switch
    {
        long l => l,
        ulong u => u,
        double d when !double.IsNaN(d) && !double.IsInfinity(d) && Math.Abs(d) < 7.9e28 => (decimal)d,
        _ => null,
    };
}

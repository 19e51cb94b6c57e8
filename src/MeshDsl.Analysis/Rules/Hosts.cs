using System;
using System.Collections.Generic;

namespace MeshDsl.Analysis.Rules;

/// <summary>
/// Istio host names as the rules compare them: a short name resolves against a namespace
/// (<c>reviews</c> in <c>prod</c> is <c>reviews.prod.svc.cluster.local</c>), Kubernetes forms name a Service, and
/// <c>*</c> or <c>*.suffix</c> covers every host under it. Names are compared in lower case, as DNS does.
/// </summary>
internal static class Hosts
{
    /// <summary>The namespace Kubernetes puts an object in when <c>metadata.namespace</c> is unset.</summary>
    public const string DefaultNamespace = "default";

    private const string ServiceSuffix = ".svc.cluster.local";

    /// <summary>The host as Istio resolves it in <paramref name="ns"/>: a name without a dot gains the namespace and the cluster suffix.</summary>
    public static string Qualify(string host, string ns)
    {
        var lower = host.ToLowerInvariant();
        return lower.IndexOf('.') < 0 && lower != "*" ? lower + "." + ns + ServiceSuffix : lower;
    }

    /// <summary>
    /// Is the host written as a Kubernetes Service name (<c>reviews</c>, <c>reviews.prod.svc</c>,
    /// <c>reviews.prod.svc.cluster.local</c>) rather than an outside name such as <c>api.example.com</c>?
    /// </summary>
    public static bool IsServiceForm(string host) => host.IndexOf('*') < 0 && (host.IndexOf('.') < 0 || ServiceNameEnd(host) > 0);

    /// <summary>
    /// The Service a host can name, as <c>name.namespace</c>: <c>reviews</c> (in <paramref name="ns"/>), <c>reviews.prod</c>,
    /// <c>reviews.prod.svc</c> and <c>reviews.prod.svc.cluster.local</c>; null for other names and wildcards.
    /// </summary>
    public static string? ServiceKey(string host, string ns)
    {
        if (host.IndexOf('*') >= 0)
        {
            return null;
        }

        var lower = host.ToLowerInvariant();
        var firstDot = lower.IndexOf('.');
        if (firstDot < 0)
        {
            return lower + "." + ns;
        }

        if (lower.IndexOf('.', firstDot + 1) < 0)
        {
            return lower;
        }

        return ServiceNameEnd(lower) is var end and > 0 ? lower.Substring(0, end) : null;
    }

    /// <summary>The names a host goes by: as written, as Istio resolves it, and the Service's full name for Kubernetes forms.</summary>
    public static IReadOnlyList<string> Names(string host, string ns)
    {
        // What Qualify and ServiceKey give, without building the names that would turn out to be duplicates.
        var lower = host.ToLowerInvariant();
        var firstDot = lower.IndexOf('.');
        if (firstDot < 0)
        {
            // Qualify's full name, which is also the Service's.
            return lower == "*" ? new[] { lower } : new[] { lower, lower + "." + ns + ServiceSuffix };
        }

        // With a dot, a host resolves as written; a Kubernetes form also names its Service, unless written as its full name.
        if (lower.IndexOf('*') >= 0)
        {
            return new[] { lower };
        }

        var serviceEnd = lower.IndexOf('.', firstDot + 1) < 0 ? lower.Length : ServiceNameEnd(lower);
        if (serviceEnd < 0 || (serviceEnd + ServiceSuffix.Length == lower.Length && EndsWith(lower, ServiceSuffix, 0)))
        {
            return new[] { lower };
        }

        return new[] { lower, lower.Substring(0, serviceEnd) + ServiceSuffix };
    }

    /// <summary>Do two hosts, either of them possibly a wildcard, have a name in common?</summary>
    public static bool Intersect(string a, string b) => a == b || Covers(a, b) || Covers(b, a);

    /// <summary>Does some name of <paramref name="a"/> have a name in common with some name of <paramref name="b"/>?</summary>
    public static bool Intersect(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        for (var i = 0; i < a.Count; i++)
        {
            if (Intersect(b, a[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Does some name of <paramref name="names"/> have a name in common with <paramref name="host"/>?</summary>
    public static bool Intersect(IReadOnlyList<string> names, string host)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (Intersect(host, names[i]))
            {
                return true;
            }
        }

        return false;
    }

    // "*" covers every host; "*.example.com" every host, or narrower wildcard, ending in ".example.com".
    private static bool Covers(string wildcard, string host) =>
        wildcard == "*" || (wildcard.StartsWith("*.", StringComparison.Ordinal) && EndsWith(host, wildcard, 1));

    // Does host end with value[start..]? (EndsWith of that substring, without making it.)
    private static bool EndsWith(string host, string value, int start)
    {
        var length = value.Length - start;
        return host.Length >= length && string.CompareOrdinal(host, host.Length - length, value, start, length) == 0;
    }

    // Where name.namespace ends in a host of three or more labels whose third is "svc" (reviews.prod.svc...), compared as
    // in lower case; -1 for any other host.
    private static int ServiceNameEnd(string host)
    {
        var firstDot = host.IndexOf('.');
        var secondDot = firstDot < 0 ? -1 : host.IndexOf('.', firstDot + 1);
        if (secondDot < 0)
        {
            return -1;
        }

        var thirdEnd = host.IndexOf('.', secondDot + 1) is var dot and >= 0 ? dot : host.Length;
        return thirdEnd - secondDot - 1 == 3
            && char.ToLowerInvariant(host[secondDot + 1]) == 's' && char.ToLowerInvariant(host[secondDot + 2]) == 'v' && char.ToLowerInvariant(host[secondDot + 3]) == 'c'
            ? secondDot
            : -1;
    }
}

/// <summary>
/// Values declared for hosts (DestinationRules, ServiceEntries), found by the names a destination goes by without
/// comparing it with every declaration: exact names through a dictionary, only wildcard declarations one by one. The
/// set rules ask once per destination, so a scan would make them quadratic in the size of the set.
/// </summary>
internal sealed class HostIndex<T>
{
    private readonly List<IReadOnlyList<string>> _names = new();
    private readonly List<T> _values = new();
    private readonly Dictionary<string, List<int>> _byExactName = new(StringComparer.Ordinal);
    private readonly List<int> _withWildcard = new();

    // The indexes a lookup finds, reused from one lookup to the next (an index lives within one rule's run).
    private readonly List<int> _found = new();

    public int Count => _values.Count;

    public void Add(IReadOnlyList<string> names, T value)
    {
        var index = _values.Count;
        _names.Add(names);
        _values.Add(value);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            if (name.IndexOf('*') >= 0)
            {
                _withWildcard.Add(index);
            }
            else if (_byExactName.TryGetValue(name, out var indexes))
            {
                indexes.Add(index);
            }
            else
            {
                _byExactName[name] = new List<int> { index };
            }
        }
    }

    /// <summary>Adds to <paramref name="found"/> the values declared under one of <paramref name="names"/> exactly (not through a wildcard), in the order they were added.</summary>
    public void AddExact(IReadOnlyList<string> names, List<T> found)
    {
        _found.Clear();
        AddExactIndexes(names);
        AddValues(found);
    }

    /// <summary>Adds to <paramref name="found"/> the values whose names have a name in common with <paramref name="names"/>, wildcards included, in the order they were added.</summary>
    public void AddIntersecting(IReadOnlyList<string> names, List<T> found)
    {
        _found.Clear();
        if (HasWildcard(names))
        {
            for (var i = 0; i < _names.Count; i++)
            {
                if (Hosts.Intersect(_names[i], names))
                {
                    _found.Add(i);
                }
            }
        }
        else
        {
            // A name without a wildcard meets a declared name only by being it, or by falling under a declared wildcard.
            AddExactIndexes(names);
            foreach (var index in _withWildcard)
            {
                if (Hosts.Intersect(_names[index], names))
                {
                    AddIndex(index);
                }
            }
        }

        AddValues(found);
    }

    private static bool HasWildcard(IReadOnlyList<string> names)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].IndexOf('*') >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private void AddExactIndexes(IReadOnlyList<string> names)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (_byExactName.TryGetValue(names[i], out var indexes))
            {
                foreach (var index in indexes)
                {
                    AddIndex(index);
                }
            }
        }
    }

    // Keeps the found indexes sorted and distinct, so values come in the order they were added. Lookups find a handful,
    // mostly in increasing order, so the insertion scans little.
    private void AddIndex(int index)
    {
        var at = _found.Count;
        while (at > 0 && _found[at - 1] > index)
        {
            at--;
        }

        if (at == 0 || _found[at - 1] != index)
        {
            _found.Insert(at, index);
        }
    }

    private void AddValues(List<T> found)
    {
        foreach (var index in _found)
        {
            found.Add(_values[index]);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;

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
    public static bool IsServiceForm(string host)
    {
        var labels = host.ToLowerInvariant().Split('.');
        return host.IndexOf('*') < 0 && (labels.Length == 1 || (labels.Length >= 3 && labels[2] == "svc"));
    }

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

        var labels = host.ToLowerInvariant().Split('.');
        return labels.Length switch
        {
            1 => labels[0] + "." + ns,
            2 => labels[0] + "." + labels[1],
            _ when labels[2] == "svc" => labels[0] + "." + labels[1],
            _ => null,
        };
    }

    /// <summary>The names a host goes by: as written, as Istio resolves it, and the Service's full name for Kubernetes forms.</summary>
    public static IReadOnlyList<string> Names(string host, string ns)
    {
        var names = new List<string> { host.ToLowerInvariant() };
        Add(names, Qualify(host, ns));
        if (ServiceKey(host, ns) is { } key)
        {
            Add(names, key + ServiceSuffix);
        }

        return names;
    }

    /// <summary>Do two hosts, either of them possibly a wildcard, have a name in common?</summary>
    public static bool Intersect(string a, string b) => a == b || Covers(a, b) || Covers(b, a);

    /// <summary>Does some name of <paramref name="a"/> have a name in common with some name of <paramref name="b"/>?</summary>
    public static bool Intersect(IReadOnlyList<string> a, IReadOnlyList<string> b) => a.Any(x => b.Any(y => Intersect(x, y)));

    // "*" covers every host; "*.example.com" every host, or narrower wildcard, ending in ".example.com".
    private static bool Covers(string wildcard, string host) =>
        wildcard == "*" || (wildcard.StartsWith("*.", StringComparison.Ordinal) && host.EndsWith(wildcard.Substring(1), StringComparison.Ordinal));

    private static void Add(List<string> names, string name)
    {
        if (!names.Contains(name))
        {
            names.Add(name);
        }
    }
}

/// <summary>
/// Values declared for hosts (DestinationRules, ServiceEntries), found by the names a destination goes by without
/// comparing it with every declaration: exact names through a dictionary, only wildcard declarations one by one. The
/// set rules ask once per destination, so a scan would make them quadratic in the size of the set.
/// </summary>
internal sealed class HostIndex<T>
{
    private readonly List<(IReadOnlyList<string> Names, T Value)> _entries = new();
    private readonly Dictionary<string, List<int>> _byExactName = new(StringComparer.Ordinal);
    private readonly List<int> _withWildcard = new();

    public int Count => _entries.Count;

    public void Add(IReadOnlyList<string> names, T value)
    {
        var index = _entries.Count;
        _entries.Add((names, value));
        foreach (var name in names)
        {
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

    /// <summary>The values declared under one of <paramref name="names"/> exactly (not through a wildcard), in the order they were added.</summary>
    public List<T> Exact(IReadOnlyList<string> names) => ExactIndexes(names).Select(i => _entries[i].Value).ToList();

    /// <summary>The values whose names have a name in common with <paramref name="names"/>, wildcards included, in the order they were added.</summary>
    public List<T> Intersecting(IReadOnlyList<string> names)
    {
        if (names.Any(n => n.IndexOf('*') >= 0))
        {
            return _entries.Where(e => Hosts.Intersect(e.Names, names)).Select(e => e.Value).ToList();
        }

        // A name without a wildcard meets a declared name only by being it, or by falling under a declared wildcard.
        var found = ExactIndexes(names);
        found.UnionWith(_withWildcard.Where(i => Hosts.Intersect(_entries[i].Names, names)));
        return found.Select(i => _entries[i].Value).ToList();
    }

    private SortedSet<int> ExactIndexes(IReadOnlyList<string> names)
    {
        var found = new SortedSet<int>();
        foreach (var name in names)
        {
            if (_byExactName.TryGetValue(name, out var indexes))
            {
                found.UnionWith(indexes);
            }
        }

        return found;
    }
}

using System.Collections.Generic;
using System.Linq;
using MeshDsl.Documents;

namespace MeshDsl.Analysis.Rules;

/// <summary>
/// MESH1101: a VirtualService destination whose host, port or subset is declared nowhere in the set
/// (docs/decisions/0017-route-target-resolution.md says when the set is taken to be the whole truth).
/// </summary>
internal sealed class RouteTargetNotFound() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1101",
        "Route target not found",
        RuleSeverity.Warning,
        "Routing",
        "A VirtualService destination (route, mirror or mirrors) names a host that no Service, ServiceEntry or external host declares, a port the service does not expose, or a subset that no DestinationRule for the host defines: the requests fail with 503 (no healthy upstream).",
        "IST0101");

    public override bool IsSetRule => true;

    public override void CheckSet(IReadOnlyList<AnalyzedResource> resources, AnalysisContext context)
    {
        var hosts = DeclaredHosts.From(resources, context);
        var subsets = DeclaredSubsets.From(resources, context);
        foreach (var service in resources.Where(r => r.IsIstio("VirtualService")))
        {
            if (KnownFields.Namespace(service, context) is not { } ns)
            {
                continue;
            }

            foreach (var (destination, path) in Destinations.Of(service, context))
            {
                if (context.Text(destination, "host") is not { } host || host.IndexOf('*') >= 0)
                {
                    continue;
                }

                CheckHostAndPort(service, destination, path, host, ns, hosts, context);
                if (context.Text(destination, "subset") is { } subset && subsets.Problem(host, Hosts.Names(host, ns), subset) is { } problem)
                {
                    context.Report(Rule, service, path + ".subset", destination["subset"]!, $"{path} {problem}");
                }
            }
        }
    }

    private static void CheckHostAndPort(AnalyzedResource service, DocumentMap destination, string path, string host, string ns, DeclaredHosts hosts, AnalysisContext context)
    {
        if (hosts.Find(host, ns, context.Options.ExternalHosts) is not { } target)
        {
            if (hosts.CanTellMissing(host) && !InRootNamespace(host, ns, context))
            {
                var looked = Hosts.IsServiceForm(host) ? $"no Service ({Hosts.ServiceKey(host, ns)}), ServiceEntry or external host" : "no ServiceEntry, Service or external host";
                context.Report(Rule, service, path + ".host", destination["host"]!, $"{path}.host '{host}' is declared nowhere: {looked} in the set matches it; fix the name, declare it, or list it in MeshDslExternalHosts (--external-hosts)");
            }

            return;
        }

        var port = context.Map(destination, "port");
        if (context.Integer(port, "number") is { } number && target.Ports is { } ports && !ports.Contains(number))
        {
            var exposed = string.Join(", ", ports.OrderBy(p => p));
            context.Report(Rule, service, path + ".port.number", port!["number"]!, $"{path}.port.number is {number}, but {target.Declaration} exposes {exposed}; use one of those ports");
        }
    }

    // Services of the root namespace (istio-egressgateway.istio-system.svc.cluster.local, istiod) come with Istio's installation, not the project.
    private static bool InRootNamespace(string host, string ns, AnalysisContext context) =>
        Hosts.ServiceKey(host, ns) is { } key && key.EndsWith("." + context.Options.RootNamespace, System.StringComparison.Ordinal);
}

/// <summary>The destinations of a VirtualService: http, tcp and tls routes, http mirror and mirrors, with their paths.</summary>
internal static class Destinations
{
    public static IEnumerable<(DocumentMap Destination, string Path)> Of(AnalyzedResource service, AnalysisContext context)
    {
        foreach (var section in new[] { "http", "tcp", "tls" })
        {
            var rules = context.Items(service.Spec, section);
            for (var i = 0; i < rules.Count; i++)
            {
                var routes = context.Items(rules[i], "route");
                for (var j = 0; j < routes.Count; j++)
                {
                    if (context.Map(routes[j], "destination") is { } destination)
                    {
                        yield return (destination, $"spec.{section}[{i}].route[{j}].destination");
                    }
                }

                if (context.Map(rules[i], "mirror") is { } mirror)
                {
                    yield return (mirror, $"spec.{section}[{i}].mirror");
                }

                var mirrors = context.Items(rules[i], "mirrors");
                for (var k = 0; k < mirrors.Count; k++)
                {
                    if (context.Map(mirrors[k], "destination") is { } destination)
                    {
                        yield return (destination, $"spec.{section}[{i}].mirrors[{k}].destination");
                    }
                }
            }
        }
    }
}

/// <summary>What declares a destination host, and the ports it exposes (null: any, or not known).</summary>
internal sealed record DeclaredHost(string Declaration, HashSet<long>? Ports);

/// <summary>The hosts a set declares: core Services by name and namespace, and ServiceEntry hosts, each with its ports.</summary>
internal sealed class DeclaredHosts
{
    private readonly Dictionary<string, DeclaredHost> _services = new(System.StringComparer.Ordinal);
    private readonly HostIndex<DeclaredHost> _entries = new();
    private bool _complete = true;

    public static DeclaredHosts From(IReadOnlyList<AnalyzedResource> resources, AnalysisContext context)
    {
        var declared = new DeclaredHosts();
        foreach (var resource in resources)
        {
            var ns = KnownFields.Namespace(resource, context);
            if (resource.Kind == "Service" && resource.ApiVersion == "v1")
            {
                var name = KnownFields.Name(resource, context);
                declared._complete &= name is not null && ns is not null;
                if (name is not null && ns is not null)
                {
                    var ports = KnownFields.Integers(resource.Spec, "ports", "port", context);
                    declared._services[name.ToLowerInvariant() + "." + ns] = new DeclaredHost($"Service {ns}/{name}", ports);
                }
            }
            else if (resource.IsIstio("ServiceEntry"))
            {
                var hosts = KnownFields.Strings(resource.Spec, "hosts", context, out var complete);
                declared._complete &= complete && ns is not null;
                var ports = KnownFields.Integers(resource.Spec, "ports", "number", context);
                foreach (var (host, _, _) in hosts)
                {
                    declared._entries.Add(Hosts.Names(host, ns ?? Hosts.DefaultNamespace), new DeclaredHost($"{resource} ({host})", ports));
                }
            }
        }

        return declared;
    }

    /// <summary>
    /// A missing host is reported only when the set declares hosts of its form (Services for Kubernetes names,
    /// ServiceEntries for others) and every declared host is known.
    /// </summary>
    public bool CanTellMissing(string host) =>
        _complete && (Hosts.IsServiceForm(host) ? _services.Count > 0 : _entries.Count > 0);

    /// <summary>What declares <paramref name="host"/>, resolved in <paramref name="ns"/>; null when nothing in the set or the options does.</summary>
    public DeclaredHost? Find(string host, string ns, IReadOnlyCollection<string> externalHosts)
    {
        var names = Hosts.Names(host, ns);
        foreach (var external in externalHosts)
        {
            if (Hosts.Intersect(names, new[] { external.ToLowerInvariant() }))
            {
                return new DeclaredHost("external host " + external, null);
            }
        }

        var found = new List<DeclaredHost>();
        if (Hosts.ServiceKey(host, ns) is { } key && _services.TryGetValue(key, out var service))
        {
            found.Add(service);
        }

        found.AddRange(_entries.Intersecting(names));
        if (found.Count == 0)
        {
            return null;
        }

        var ports = found.Any(f => f.Ports is null) ? null : new HashSet<long>(found.SelectMany(f => f.Ports!));
        return new DeclaredHost(string.Join(" and ", found.Select(f => f.Declaration)), ports);
    }
}

/// <summary>The DestinationRules of a set: the names of each one's host and the subsets it defines.</summary>
internal sealed class DeclaredSubsets
{
    private readonly HostIndex<(AnalyzedResource Rule, HashSet<string>? Subsets)> _rules = new();
    private bool _complete = true;

    public static DeclaredSubsets From(IReadOnlyList<AnalyzedResource> resources, AnalysisContext context)
    {
        var declared = new DeclaredSubsets();
        foreach (var rule in resources.Where(r => r.IsIstio("DestinationRule")))
        {
            var ns = KnownFields.Namespace(rule, context);
            var host = context.Text(rule.Spec, "host");
            declared._complete &= ns is not null && host is not null;
            if (ns is not null && host is not null)
            {
                declared._rules.Add(Hosts.Names(host, ns), (rule, SubsetNames(rule.Spec, context)));
            }
        }

        return declared;
    }

    /// <summary>
    /// What is wrong with routing to <paramref name="subset"/> of a host, or null when nothing is (or it cannot be told):
    /// no DestinationRule for the host while the set has some, or none for the host defines the subset.
    /// </summary>
    public string? Problem(string host, IReadOnlyList<string> names, string subset)
    {
        if (!_complete || _rules.Count == 0)
        {
            return null;
        }

        // Istio takes the most specific DestinationRule: one for the exact host before a wildcard one.
        var exact = _rules.Exact(names);
        var matching = exact.Count > 0 ? exact : _rules.Intersecting(names);
        if (matching.Count == 0)
        {
            return $"routes to subset '{subset}' of host '{host}', but no DestinationRule in the set is for that host; add one that defines subset '{subset}'";
        }

        if (matching.Any(r => r.Subsets is null || r.Subsets.Contains(subset)))
        {
            return null;
        }

        var rules = matching.Select(r => r.Rule.ToString()).Distinct().ToList();
        var defined = matching.SelectMany(r => r.Subsets!).Distinct().OrderBy(s => s, System.StringComparer.Ordinal).ToList();
        var (has, it) = rules.Count == 1 ? ("has", "it defines") : ("have", "they define");
        var choices = defined.Count == 0 ? $"{it} no subsets" : $"{it} {string.Join(", ", defined)}";
        return $"routes to subset '{subset}' of host '{host}', but {string.Join(", ", rules)} {has} no such subset ({choices}); add the subset or route to a defined one";
    }

    // The subset names; null when the list may hold more or a name is not known.
    private static HashSet<string>? SubsetNames(DocumentMap? spec, AnalysisContext context)
    {
        if (context.IsAbsent(spec, "subsets"))
        {
            return new HashSet<string>();
        }

        if (context.Get(spec, "subsets") is not DocumentList list || context.Facts.IsOpen(list))
        {
            return null;
        }

        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var item in list)
        {
            if (context.Text(item, "name") is not { } name)
            {
                return null;
            }

            names.Add(name);
        }

        return names;
    }
}

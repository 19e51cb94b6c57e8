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
        var targets = new Targets(DeclaredHosts.From(resources, context), DeclaredSubsets.From(resources, context), context);
        foreach (var service in resources)
        {
            if (!service.IsIstio("VirtualService") || KnownFields.Namespace(service, context) is not { } ns)
            {
                continue;
            }

            // The destinations of http, tcp and tls routes, and of http mirror and mirrors.
            foreach (var section in HttpRoutes.Sections)
            {
                foreach (var (i, rule) in KnownFields.Maps(context, service.Spec, section))
                {
                    foreach (var (j, route) in KnownFields.Maps(context, rule, "route"))
                    {
                        targets.Check(service, ns, context.Map(route, "destination"), new DestinationPath(section, i, "route", j));
                    }

                    targets.Check(service, ns, context.Map(rule, "mirror"), new DestinationPath(section, i, "mirror"));
                    foreach (var (k, mirror) in KnownFields.Maps(context, rule, "mirrors"))
                    {
                        targets.Check(service, ns, context.Map(mirror, "destination"), new DestinationPath(section, i, "mirrors", k));
                    }
                }
            }
        }
    }

    /// <summary>What the set declares, checked against one destination after another.</summary>
    private sealed class Targets(DeclaredHosts hosts, DeclaredSubsets subsets, AnalysisContext context)
    {
        public void Check(AnalyzedResource service, string ns, DocumentMap? destination, DestinationPath at)
        {
            if (destination is null || context.Text(destination, "host") is not { } host || host.IndexOf('*') >= 0)
            {
                return;
            }

            var names = Hosts.Names(host, ns);
            CheckHostAndPort(service, destination, at, host, names, ns);
            if (context.Text(destination, "subset") is { } subset && subsets.Problem(host, names, subset) is { } problem)
            {
                var path = at.ToString();
                context.Report(Rule, service, path + ".subset", destination["subset"]!, $"{path} {problem}");
            }
        }

        private void CheckHostAndPort(AnalyzedResource service, DocumentMap destination, DestinationPath at, string host, IReadOnlyList<string> names, string ns)
        {
            if (hosts.Find(host, names, ns, context.Options.ExternalHosts) is not { } target)
            {
                if (hosts.CanTellMissing(host) && !InRootNamespace(host, ns))
                {
                    var path = at.ToString();
                    var looked = Hosts.IsServiceForm(host) ? $"no Service ({Hosts.ServiceKey(host, ns)}), ServiceEntry or external host" : "no ServiceEntry, Service or external host";
                    context.Report(Rule, service, path + ".host", destination["host"]!, $"{path}.host '{host}' is declared nowhere: {looked} in the set matches it; fix the name, declare it, or list it in MeshDslExternalHosts (--external-hosts)");
                }

                return;
            }

            var port = context.Map(destination, "port");
            if (context.Integer(port, "number") is { } number && target.Ports is { } ports && !ports.Contains(number))
            {
                var path = at.ToString();
                var exposed = string.Join(", ", ports.OrderBy(p => p));
                context.Report(Rule, service, path + ".port.number", port!["number"]!, $"{path}.port.number is {number}, but {target.Declaration} exposes {exposed}; use one of those ports");
            }
        }

        // Services of the root namespace (istio-egressgateway.istio-system.svc.cluster.local, istiod) come with Istio's installation, not the project.
        private bool InRootNamespace(string host, string ns) =>
            Hosts.ServiceKey(host, ns) is { } key && key.EndsWith("." + context.Options.RootNamespace, System.StringComparison.Ordinal);
    }

    /// <summary>
    /// Where a destination is: <c>spec.http[0].route[1].destination</c>, <c>spec.http[0].mirror</c>. Spelled out only for a
    /// finding: the rule looks at every destination of the set, and reports on few.
    /// </summary>
    private readonly struct DestinationPath(string section, int rule, string field, int item = -1)
    {
        public override string ToString() =>
            item < 0 ? $"{HttpRoutes.Path(section, rule)}.{field}" : $"{HttpRoutes.Path(section, rule)}.{field}[{item}].destination";
    }
}

/// <summary>What declares a destination host, and the ports it exposes (null: any, or not known).</summary>
internal sealed record DeclaredHost(string Declaration, HashSet<long>? Ports);

/// <summary>The hosts a set declares: core Services by name and namespace, and ServiceEntry hosts, each with its ports.</summary>
internal sealed class DeclaredHosts
{
    private readonly Dictionary<string, DeclaredHost> _services = new(System.StringComparer.Ordinal);
    private readonly HostIndex<DeclaredHost> _entries = new();
    private readonly List<DeclaredHost> _found = new();
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
                declared._complete &= KnownFields.HasOnlyKnownStrings(resource.Spec, "hosts", context) && ns is not null;
                var ports = KnownFields.Integers(resource.Spec, "ports", "number", context);
                foreach (var (host, _, _) in KnownFields.Strings(resource.Spec, "hosts", context))
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

    /// <summary>
    /// What declares <paramref name="host"/> (going by <paramref name="names"/>, <see cref="Hosts.Names"/>), resolved in
    /// <paramref name="ns"/>; null when nothing in the set or the options does.
    /// </summary>
    public DeclaredHost? Find(string host, IReadOnlyList<string> names, string ns, IReadOnlyCollection<string> externalHosts)
    {
        foreach (var external in externalHosts)
        {
            if (Hosts.Intersect(names, external.ToLowerInvariant()))
            {
                return new DeclaredHost("external host " + external, null);
            }
        }

        // The list is reused from one destination to the next: what it finds is merged into the answer, or is the answer.
        _found.Clear();
        if (Hosts.ServiceKey(host, ns) is { } key && _services.TryGetValue(key, out var service))
        {
            _found.Add(service);
        }

        _entries.AddIntersecting(names, _found);
        return _found.Count switch
        {
            0 => null,
            1 => _found[0],
            _ => Merged(_found),
        };
    }

    // Several declarations of one host: all of them, and the ports any of them exposes (any port when one does not say).
    private static DeclaredHost Merged(List<DeclaredHost> found)
    {
        var ports = found.Any(f => f.Ports is null) ? null : new HashSet<long>(found.SelectMany(f => f.Ports!));
        return new DeclaredHost(string.Join(" and ", found.Select(f => f.Declaration)), ports);
    }
}

/// <summary>The DestinationRules of a set: the names of each one's host and the subsets it defines.</summary>
internal sealed class DeclaredSubsets
{
    private readonly HostIndex<DeclaredRule> _rules = new();
    private readonly List<DeclaredRule> _matching = new();
    private bool _complete = true;

    public static DeclaredSubsets From(IReadOnlyList<AnalyzedResource> resources, AnalysisContext context)
    {
        var declared = new DeclaredSubsets();
        foreach (var rule in resources)
        {
            if (!rule.IsIstio("DestinationRule"))
            {
                continue;
            }

            var ns = KnownFields.Namespace(rule, context);
            var host = context.Text(rule.Spec, "host");
            declared._complete &= ns is not null && host is not null;
            if (ns is not null && host is not null)
            {
                declared._rules.Add(Hosts.Names(host, ns), new DeclaredRule(rule, SubsetNames(rule.Spec, context)));
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

        // Istio takes the most specific DestinationRule: one for the exact host before a wildcard one. The list is reused
        // from one destination to the next.
        var matching = _matching;
        matching.Clear();
        _rules.AddExact(names, matching);
        if (matching.Count == 0)
        {
            _rules.AddIntersecting(names, matching);
        }

        if (matching.Count == 0)
        {
            return $"routes to subset '{subset}' of host '{host}', but no DestinationRule in the set is for that host; add one that defines subset '{subset}'";
        }

        foreach (var rule in matching)
        {
            if (rule.Subsets is null || rule.Subsets.Contains(subset))
            {
                return null;
            }
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
        for (var i = 0; i < list.Count; i++)
        {
            if (context.Text(list[i], "name") is not { } name)
            {
                return null;
            }

            names.Add(name);
        }

        return names;
    }
}

/// <summary>A DestinationRule and the subsets it defines (null: not known).</summary>
internal sealed record DeclaredRule(AnalyzedResource Rule, HashSet<string>? Subsets);

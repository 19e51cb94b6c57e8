using System.Collections.Generic;
using MeshDsl.Documents;

namespace MeshDsl.Analysis.Rules;

/// <summary>MESH1031: a VirtualService bound to a gateway answers host <c>*</c>: every host the gateway serves.</summary>
internal sealed class GatewayVirtualServiceWildcardHost() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1031",
        "Gateway-bound VirtualService with host *",
        RuleSeverity.Warning,
        "Gateways",
        "A VirtualService bound to a gateway with host * takes traffic for every host the gateway serves, including hosts other teams expose through it.");

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        if (!resource.IsIstio("VirtualService"))
        {
            return;
        }

        foreach (var (host, index, node) in KnownFields.Strings(resource.Spec, "hosts", context))
        {
            // Gateways are listed only for a finding: most VirtualServices have no host *.
            if (host == "*" && GatewayReferences.Describe(resource, context) is { } bound)
            {
                context.Report(Rule, resource, $"spec.hosts[{index}]", node, $"spec.hosts[{index}] is '*' on {resource}, bound to gateway {bound}: it claims every host the gateway serves; list the host names it should answer instead");
            }
        }
    }
}

/// <summary>MESH1102: a VirtualService names a gateway that the set does not declare.</summary>
internal sealed class GatewayNotFound() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1102",
        "Gateway not found",
        RuleSeverity.Warning,
        "Gateways",
        "A VirtualService's spec.gateways names a Gateway that is not in the set: the routes are bound to nothing and the gateway answers 404.",
        "IST0101");

    public override bool IsSetRule => true;

    public override void CheckSet(IReadOnlyList<AnalyzedResource> resources, AnalysisContext context)
    {
        var gateways = DeclaredGateways.From(resources, context);
        if (!gateways.CanTellMissing)
        {
            return;
        }

        foreach (var service in resources)
        {
            if (!service.IsIstio("VirtualService"))
            {
                continue;
            }

            var ns = KnownFields.Namespace(service, context);
            foreach (var (reference, index, node) in GatewayReferences.Of(service, context))
            {
                if (GatewayReferences.Resolve(reference, ns) is { } key && !gateways.Contains(key))
                {
                    context.Report(Rule, service, $"spec.gateways[{index}]", node, $"spec.gateways[{index}] names Gateway '{key}', which is not in the set; fix the name (namespace/name for a Gateway in another namespace) or declare the Gateway");
                }
            }
        }
    }
}

/// <summary>MESH1103: none of a gateway-bound VirtualService's hosts is served by the Gateway it names.</summary>
internal sealed class VirtualServiceHostNotOnGateway() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1103",
        "VirtualService host not served by its Gateway",
        RuleSeverity.Warning,
        "Gateways",
        "None of the VirtualService's hosts matches a host of any server of a Gateway it is bound to (taking the server hosts' namespace/ part into account): the routes never apply at that gateway.",
        "IST0132");

    public override bool IsSetRule => true;

    public override void CheckSet(IReadOnlyList<AnalyzedResource> resources, AnalysisContext context)
    {
        var gateways = DeclaredGateways.From(resources, context);
        foreach (var service in resources)
        {
            if (VirtualServiceHosts.Of(service, context) is not { } known)
            {
                continue;
            }

            foreach (var (reference, index, node) in GatewayReferences.Of(service, context))
            {
                if (GatewayReferences.Resolve(reference, known.Namespace) is not { } key || gateways.Istio(key) is not { } gateway
                    || gateways.ServersOf(gateway, context) is not { } servers || known.AnyServedBy(servers))
                {
                    continue;
                }

                var listed = string.Join(", ", known.Hosts);
                var served = new List<string>();
                foreach (var server in servers)
                {
                    served.AddRange(server.Hosts.ConvertAll(h => h.Host));
                }

                context.Report(Rule, service, $"spec.gateways[{index}]", node, $"{service} is bound to Gateway '{key}', but none of its hosts ({listed}) is among the Gateway's server hosts ({string.Join(", ", served)}); add one of its hosts to a server, or change the VirtualService's hosts");
            }
        }
    }
}

/// <summary>
/// The hosts of a VirtualService whose gateway binding can be judged: namespace and hosts known. The names each host goes
/// by are worked out once, for all the Gateway servers they are compared with.
/// </summary>
internal sealed class VirtualServiceHosts
{
    private IReadOnlyList<string>[]? _names;

    private VirtualServiceHosts(List<string> hosts, string ns)
    {
        Hosts = hosts;
        Namespace = ns;
    }

    public List<string> Hosts { get; }

    public string Namespace { get; }

    /// <summary>The hosts of a VirtualService whose namespace is known and whose hosts are all known (at least one); null otherwise.</summary>
    public static VirtualServiceHosts? Of(AnalyzedResource service, AnalysisContext context) =>
        service.IsIstio("VirtualService") && KnownFields.KnownStrings(context, service.Spec, "hosts") is { Count: > 0 } hosts
            && KnownFields.Namespace(service, context) is { } ns
            ? new VirtualServiceHosts(hosts, ns)
            : null;

    /// <summary>Does one of the Gateway's servers admit one of the hosts?</summary>
    public bool AnyServedBy(List<GatewayServer> servers)
    {
        foreach (var server in servers)
        {
            if (AnyServedBy(server))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Does the Gateway server admit one of the hosts?</summary>
    public bool AnyServedBy(GatewayServer server)
    {
        for (var i = 0; i < Hosts.Count; i++)
        {
            if (IsServedBy(server, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The hosts the Gateway server admits (for a message).</summary>
    public List<string> ServedBy(GatewayServer server)
    {
        var served = new List<string>();
        for (var i = 0; i < Hosts.Count; i++)
        {
            if (IsServedBy(server, i))
            {
                served.Add(Hosts[i]);
            }
        }

        return served;
    }

    private bool IsServedBy(GatewayServer server, int host) => GatewayServers.ServesAny(server.Hosts, Names()[host], Namespace);

    private IReadOnlyList<string>[] Names()
    {
        if (_names is null)
        {
            _names = new IReadOnlyList<string>[Hosts.Count];
            for (var i = 0; i < Hosts.Count; i++)
            {
                _names[i] = Rules.Hosts.Names(Hosts[i], Namespace);
            }
        }

        return _names;
    }
}

/// <summary>The gateways a VirtualService is bound to, other than <c>mesh</c>.</summary>
internal static class GatewayReferences
{
    /// <summary>The known entries of <c>spec.gateways</c> except <c>mesh</c>, with their indexes.</summary>
    public static StringItems Of(AnalyzedResource service, AnalysisContext context) =>
        KnownFields.Strings(service.Spec, "gateways", context, except: "mesh");

    /// <summary>The known entries of <c>spec.gateways</c> except <c>mesh</c>, as messages list them; null when there are none.</summary>
    public static string? Describe(AnalyzedResource service, AnalysisContext context)
    {
        var gateways = new List<string>();
        foreach (var (gateway, _, _) in Of(service, context))
        {
            gateways.Add(gateway);
        }

        return gateways.Count > 0 ? string.Join(", ", gateways) : null;
    }

    /// <summary>
    /// The Gateway a reference names, as <c>namespace/name</c>: <c>ns/name</c> (<c>./name</c>: the VirtualService's namespace),
    /// the older <c>name.ns...</c>, or a bare name in the VirtualService's namespace. Null when that namespace is needed and not known.
    /// </summary>
    public static string? Resolve(string reference, string? ns)
    {
        var slash = reference.IndexOf('/');
        if (slash >= 0)
        {
            var prefix = reference.Substring(0, slash);
            return prefix == "." ? (ns is null ? null : ns + reference.Substring(slash)) : reference;
        }

        var labels = reference.Split('.');
        return labels.Length > 1 ? labels[1] + "/" + labels[0] : ns is null ? null : ns + "/" + reference;
    }
}

/// <summary>The Gateways a set declares, by <c>namespace/name</c>: Istio's, and Kubernetes Gateway API ones (which also count as present).</summary>
internal sealed class DeclaredGateways
{
    private readonly Dictionary<string, List<AnalyzedResource>> _gateways = new(System.StringComparer.Ordinal);
    private readonly Dictionary<AnalyzedResource, List<GatewayServer>?> _servers = new();
    private bool _complete = true;

    /// <summary>The set declares a Gateway, and every Gateway's name and namespace is known.</summary>
    public bool CanTellMissing => _complete && _gateways.Count > 0;

    public static DeclaredGateways From(IReadOnlyList<AnalyzedResource> resources, AnalysisContext context)
    {
        var declared = new DeclaredGateways();
        foreach (var gateway in resources)
        {
            if (gateway.Kind != "Gateway")
            {
                continue;
            }

            var ns = KnownFields.Namespace(gateway, context);
            var name = KnownFields.Name(gateway, context);
            declared._complete &= ns is not null && name is not null;
            if (ns is not null && name is not null)
            {
                var key = ns + "/" + name;
                if (!declared._gateways.TryGetValue(key, out var same))
                {
                    declared._gateways[key] = same = new List<AnalyzedResource>();
                }

                same.Add(gateway);
            }
        }

        return declared;
    }

    public bool Contains(string key) => _gateways.ContainsKey(key);

    /// <summary>The Istio Gateway under <paramref name="key"/>, if the set declares one (the last, if it declares it twice).</summary>
    public AnalyzedResource? Istio(string key)
    {
        var gateways = IstioAll(key);
        return gateways.Count > 0 ? gateways[gateways.Count - 1] : null;
    }

    /// <summary>
    /// Every Istio Gateway the set declares under <paramref name="key"/>: one, unless the set declares one object twice
    /// (alternatives in separate files), when a rule that must be sure has to hold for each of them.
    /// </summary>
    public IReadOnlyList<AnalyzedResource> IstioAll(string key)
    {
        if (!_gateways.TryGetValue(key, out var gateways))
        {
            return System.Array.Empty<AnalyzedResource>();
        }

        // Mostly every Gateway under a name is Istio's, and the list itself is the answer.
        foreach (var gateway in gateways)
        {
            if (!gateway.IsIstio("Gateway"))
            {
                return gateways.FindAll(g => g.IsIstio("Gateway"));
            }
        }

        return gateways;
    }

    /// <summary>
    /// <see cref="GatewayServers.WithHosts"/> of a declared Gateway, worked out once: the set rules ask for a Gateway's
    /// servers once per VirtualService, or per route, bound to it.
    /// </summary>
    public List<GatewayServer>? ServersOf(AnalyzedResource gateway, AnalysisContext context)
    {
        if (!_servers.TryGetValue(gateway, out var servers))
        {
            _servers[gateway] = servers = GatewayServers.WithHosts(gateway, context);
        }

        return servers;
    }
}

using System.Collections.Generic;
using System.Linq;
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
        if (!resource.IsIstio("VirtualService") || GatewayReferences.Of(resource, context) is not { Count: > 0 } gateways)
        {
            return;
        }

        var bound = string.Join(", ", gateways.Select(g => g.Value));
        foreach (var (host, index, node) in KnownFields.Strings(resource.Spec, "hosts", context, out _))
        {
            if (host == "*")
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

        foreach (var service in resources.Where(r => r.IsIstio("VirtualService")))
        {
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
        foreach (var (service, ns, hosts) in VirtualServiceHosts.AllKnown(resources, context))
        {
            foreach (var (reference, index, node) in GatewayReferences.Of(service, context))
            {
                if (GatewayReferences.Resolve(reference, ns) is not { } key || gateways.Istio(key) is not { } gateway
                    || GatewayServers.WithHosts(gateway, context)?.SelectMany(s => s.Hosts).ToList() is not { } served
                    || hosts.Any(h => served.Any(s => GatewayServers.Serves(s, h.Value, ns))))
                {
                    continue;
                }

                var listed = string.Join(", ", hosts.Select(h => h.Value));
                context.Report(Rule, service, $"spec.gateways[{index}]", node, $"{service} is bound to Gateway '{key}', but none of its hosts ({listed}) is among the Gateway's server hosts ({string.Join(", ", served.Select(s => s.Host))}); add one of its hosts to a server, or change the VirtualService's hosts");
            }
        }
    }
}

/// <summary>The VirtualServices whose gateway binding can be judged: namespace and hosts known.</summary>
internal static class VirtualServiceHosts
{
    /// <summary>Each VirtualService of the set whose namespace is known and whose hosts are all known (at least one), with them.</summary>
    public static IEnumerable<(AnalyzedResource Service, string Namespace, List<(string Value, int Index, DocumentNode Node)> Hosts)> AllKnown(
        IReadOnlyList<AnalyzedResource> resources, AnalysisContext context)
    {
        foreach (var service in resources.Where(r => r.IsIstio("VirtualService")))
        {
            var hosts = KnownFields.Strings(service.Spec, "hosts", context, out var complete);
            if (KnownFields.Namespace(service, context) is { } ns && complete && hosts.Count > 0)
            {
                yield return (service, ns, hosts);
            }
        }
    }
}

/// <summary>The gateways a VirtualService is bound to, other than <c>mesh</c>.</summary>
internal static class GatewayReferences
{
    /// <summary>The known entries of <c>spec.gateways</c> except <c>mesh</c>, with their indexes.</summary>
    public static List<(string Value, int Index, DocumentNode Node)> Of(AnalyzedResource service, AnalysisContext context) =>
        KnownFields.Strings(service.Spec, "gateways", context, out _).Where(g => g.Value != "mesh").ToList();

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
    private bool _complete = true;

    /// <summary>The set declares a Gateway, and every Gateway's name and namespace is known.</summary>
    public bool CanTellMissing => _complete && _gateways.Count > 0;

    public static DeclaredGateways From(IReadOnlyList<AnalyzedResource> resources, AnalysisContext context)
    {
        var declared = new DeclaredGateways();
        foreach (var gateway in resources.Where(r => r.Kind == "Gateway"))
        {
            var ns = KnownFields.Namespace(gateway, context);
            var name = KnownFields.Name(gateway, context);
            declared._complete &= ns is not null && name is not null;
            if (ns is not null && name is not null)
            {
                if (!declared._gateways.TryGetValue(ns + "/" + name, out var same))
                {
                    declared._gateways[ns + "/" + name] = same = new List<AnalyzedResource>();
                }

                same.Add(gateway);
            }
        }

        return declared;
    }

    public bool Contains(string key) => _gateways.ContainsKey(key);

    /// <summary>The Istio Gateway under <paramref name="key"/>, if the set declares one (the last, if it declares it twice).</summary>
    public AnalyzedResource? Istio(string key) => IstioAll(key).LastOrDefault();

    /// <summary>
    /// Every Istio Gateway the set declares under <paramref name="key"/>: one, unless the set declares one object twice
    /// (alternatives in separate files), when a rule that must be sure has to hold for each of them.
    /// </summary>
    public IReadOnlyList<AnalyzedResource> IstioAll(string key) =>
        _gateways.TryGetValue(key, out var gateways) ? gateways.Where(g => g.IsIstio("Gateway")).ToList() : new List<AnalyzedResource>();
}

using System.Collections.Generic;
using System.Linq;
using MeshDsl.Documents;

namespace MeshDsl.Analysis.Rules;

/// <summary>MESH1015: two DestinationRules for one host in one namespace set the same thing; Istio keeps only the first's.</summary>
internal sealed class ConflictingDestinationRules() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1015",
        "Conflicting DestinationRules for one host",
        RuleSeverity.Warning,
        "Consistency",
        "Istio merges the DestinationRules (without workloadSelector) for one host in one namespace, but keeps only the first top-level trafficPolicy and the first definition of each subset name; which one is first depends on creation time.",
        "KIA0201");

    public override bool IsSetRule => true;

    public override void CheckSet(IReadOnlyList<AnalyzedResource> resources, AnalysisContext context)
    {
        // The rules seen so far, by namespace and host, in the order they came.
        var seen = new Dictionary<string, List<Seen>>(System.StringComparer.Ordinal);
        foreach (var rule in resources)
        {
            if (!rule.IsIstio("DestinationRule"))
            {
                continue;
            }

            var spec = rule.Spec;
            if (!context.IsAbsent(spec, "workloadSelector") || KnownFields.Namespace(rule, context) is not { } ns || context.Text(spec, "host") is not { } host)
            {
                continue;
            }

            var key = ns + "|" + Hosts.Qualify(host, ns);
            var name = KnownFields.Name(rule, context);
            if (!seen.TryGetValue(key, out var same))
            {
                seen[key] = same = new List<Seen>();
            }

            var policy = context.IsSet(spec, "trafficPolicy");
            if (policy && First(same, name, null) is { } first)
            {
                context.Report(Rule, rule, "spec.trafficPolicy", spec!["trafficPolicy"]!, $"{rule} and {first} both set spec.trafficPolicy for host '{host}', and Istio keeps only one of them; move the policy into one DestinationRule");
            }

            var subsets = new HashSet<string>(System.StringComparer.Ordinal);
            var items = context.Items(spec, "subsets");
            for (var i = 0; i < items.Count; i++)
            {
                if (context.Text(items[i], "name") is not { } subset)
                {
                    continue;
                }

                subsets.Add(subset);
                if (First(same, name, subset) is { } other)
                {
                    context.Report(Rule, rule, $"spec.subsets[{i}].name", context.Get(items[i], "name")!, $"spec.subsets[{i}] '{subset}' of {rule} is also defined by {other} for host '{host}', and Istio keeps only one of them; define each subset once");
                }
            }

            same.Add(new Seen(rule, name, policy, subsets));
        }
    }

    // The first rule seen for the same host under another name that sets a trafficPolicy (subset null) or defines subset.
    private static AnalyzedResource? First(List<Seen> same, string? name, string? subset)
    {
        foreach (var seen in same)
        {
            if (Differ(seen.Name, name) && (subset is null ? seen.Policy : seen.Subsets.Contains(subset)))
            {
                return seen.Rule;
            }
        }

        return null;
    }

    private sealed record Seen(AnalyzedResource Rule, string? Name, bool Policy, HashSet<string> Subsets);

    /// <summary>Two names known to differ: the same name, or one not known, may be one object declared twice (MESH0101 at emission).</summary>
    public static bool Differ(string? a, string? b) => a is not null && b is not null && a != b;
}

/// <summary>MESH1109: two mesh-bound VirtualServices in one namespace route the same host over HTTP.</summary>
internal sealed class ConflictingVirtualServices() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1109",
        "Conflicting VirtualServices for one host",
        RuleSeverity.Warning,
        "Consistency",
        "Two VirtualServices bound to the mesh (sidecars) in one namespace both define HTTP routes for the same host; sidecars do not merge them, so which routes apply is undefined.",
        "IST0109");

    public override bool IsSetRule => true;

    public override void CheckSet(IReadOnlyList<AnalyzedResource> resources, AnalysisContext context)
    {
        var seen = new Dictionary<string, AnalyzedResource>(System.StringComparer.Ordinal);
        foreach (var service in resources)
        {
            if (!service.IsIstio("VirtualService"))
            {
                continue;
            }

            var spec = service.Spec;
            if (!IsMeshBound(spec, context) || !context.HasItems(spec, "http") || KnownFields.Namespace(service, context) is not { } ns)
            {
                continue;
            }

            var keys = new List<string>();
            foreach (var (host, index, node) in KnownFields.Strings(spec, "hosts", context))
            {
                var key = ns + "|" + Hosts.Qualify(host, ns);
                if (seen.TryGetValue(key, out var other))
                {
                    if (!ConflictingDestinationRules.Differ(KnownFields.Name(other, context), KnownFields.Name(service, context)))
                    {
                        continue;
                    }

                    context.Report(Rule, service, $"spec.hosts[{index}]", node, $"spec.hosts[{index}] '{host}' of {service} is also routed for the mesh by {other}, and sidecars apply only one of them; merge their http routes into one VirtualService");
                }
                else
                {
                    keys.Add(key);
                }
            }

            foreach (var key in keys)
            {
                seen[key] = service;
            }
        }
    }

    // Bound to sidecars: no gateways, an empty list, or one that names "mesh".
    private static bool IsMeshBound(DocumentMap? spec, AnalysisContext context)
    {
        foreach (var (gateway, _, _) in KnownFields.Strings(spec, "gateways", context))
        {
            if (gateway == "mesh")
            {
                return true;
            }
        }

        // No known gateway but mesh: bound to sidecars when the list is surely empty or absent.
        return KnownFields.HasOnlyKnownStrings(spec, "gateways", context) && context.Get(spec, "gateways") is not DocumentList { Count: > 0 };
    }
}

/// <summary>MESH1111: more than one Sidecar without workloadSelector in a namespace.</summary>
internal sealed class MultipleSidecarsWithoutSelector() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1111",
        "Several Sidecars without workloadSelector in one namespace",
        RuleSeverity.Warning,
        "Consistency",
        "A namespace may have one Sidecar without workloadSelector, its default; with more than one, which of them applies is undefined.",
        "IST0111");

    public override bool IsSetRule => true;

    public override void CheckSet(IReadOnlyList<AnalyzedResource> resources, AnalysisContext context)
    {
        var byNamespace = new Dictionary<string, List<AnalyzedResource>>(System.StringComparer.Ordinal);
        foreach (var sidecar in resources)
        {
            if (!sidecar.IsIstio("Sidecar"))
            {
                continue;
            }

            var selectorless = sidecar.Spec is { } spec ? context.IsAbsent(spec, "workloadSelector") : context.IsAbsent(sidecar.Root, "spec");
            if (selectorless && KnownFields.Namespace(sidecar, context) is { } ns && KnownFields.Name(sidecar, context) is not null)
            {
                if (!byNamespace.TryGetValue(ns, out var list))
                {
                    byNamespace[ns] = list = new List<AnalyzedResource>();
                }

                list.Add(sidecar);
            }
        }

        // Counted by name: the same name twice is one object declared twice (MESH0101 at emission).
        foreach (var group in byNamespace)
        {
            if (group.Value.Select(s => KnownFields.Name(s, context)).Distinct().Count() < 2)
            {
                continue;
            }

            foreach (var sidecar in group.Value)
            {
                var name = KnownFields.Name(sidecar, context);
                var others = string.Join(", ", group.Value.Where(s => KnownFields.Name(s, context) != name).Select(s => s.ToString()).Distinct());
                context.Report(Rule, sidecar, "spec.workloadSelector", (DocumentNode?)sidecar.Spec ?? sidecar.Root, $"{sidecar} has no workloadSelector, nor has {others} in namespace '{group.Key}'; keep one namespace default and give the others a workloadSelector");
            }
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using MeshDsl.Documents;

namespace MeshDsl.Analysis.Rules;

/// <summary>
/// MESH1105: a workload-level PeerAuthentication disables mTLS port by port on every port its workloads are sent
/// traffic on, so the workloads are plain text whatever its mode says (docs/decisions/0023-port-level-mtls-disable.md).
/// </summary>
internal sealed class MtlsDisabledOnEveryPort() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1105",
        "mTLS disabled on every port of a workload",
        RuleSeverity.Warning,
        "Security",
        "A workload-level PeerAuthentication sets portLevelMtls DISABLE on every port that the set's Services and Deployments send the selected workloads traffic on: whatever its mode (STRICT, PERMISSIVE or inherited), those workloads take plain text only and their callers are not authenticated.");

    public override bool IsSetRule => true;

    public override void CheckSet(IReadOnlyList<AnalyzedResource> resources, AnalysisContext context)
    {
        DeclaredWorkloads? workloads = null;
        foreach (var policy in resources)
        {
            if (!policy.IsIstio("PeerAuthentication"))
            {
                continue;
            }

            // A DISABLE mode is MESH1041's; a policy without a selector cannot set portLevelMtls.
            var spec = policy.Spec;
            if (spec is null || DisabledPorts(spec, context) is not { Count: > 0 } disabled || Mtls.Mode(spec, context) is not { } mode || mode == "DISABLE"
                || KnownFields.Namespace(policy, context) is not { } ns || Labels.WorkloadSelector(policy, context) is not { Count: > 0 } selector)
            {
                continue;
            }

            workloads ??= DeclaredWorkloads.From(resources, context);
            if (workloads.PortsOf(ns, selector) is { Ports.Count: > 0 } reached && reached.Ports.All(disabled.Contains))
            {
                var ports = reached.Ports.OrderBy(p => p).ToList();
                var which = ports.Count == 1 ? $"port {ports[0]}, the only port" : $"ports {string.Join(", ", ports)}, every port";
                var sources = string.Join(", ", reached.Sources.Select(s => s.ToString()).Distinct());
                context.Report(Rule, policy, "spec.portLevelMtls", spec["portLevelMtls"]!, $"{policy}: spec.portLevelMtls sets DISABLE on {which} the workloads it selects ({Labels.Describe(selector)}) are sent traffic on ({sources}): despite mtls.mode {mode} they accept only plain text, and their callers are not authenticated; remove the DISABLE entries so mtls.mode applies, or use PERMISSIVE on a port while its plain-text clients migrate");
            }
        }
    }

    // The ports spec.portLevelMtls sets to DISABLE; null when the map may hold more or an entry is not known.
    private static HashSet<long>? DisabledPorts(DocumentMap spec, AnalysisContext context)
    {
        if (context.Map(spec, "portLevelMtls") is not { } settings || context.Facts.IsOpen(settings))
        {
            return null;
        }

        var disabled = new HashSet<long>();
        foreach (var entry in settings)
        {
            var mode = context.IsAbsent(entry.Value, "mode") ? "UNSET" : context.Text(entry.Value, "mode");
            if (!long.TryParse(entry.Key, out var port) || mode is null)
            {
                return null;
            }

            if (mode == "DISABLE")
            {
                disabled.Add(port);
            }
        }

        return disabled;
    }
}

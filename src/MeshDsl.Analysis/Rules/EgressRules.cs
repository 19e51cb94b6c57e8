using MeshDsl.Documents;

namespace MeshDsl.Analysis.Rules;

/// <summary>MESH1050: a Sidecar lets its workloads call any host outside the registry.</summary>
internal sealed class OutboundAllowAny() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1050",
        "Outbound traffic allowed to any host",
        RuleSeverity.Info,
        "Security",
        "A Sidecar sets outboundTrafficPolicy.mode: ALLOW_ANY: its workloads may call any host, declared or not, so the mesh keeps no record of their external dependencies. REGISTRY_ONLY plus ServiceEntries keeps that list explicit.");

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        var policy = context.Map(resource.Spec, "outboundTrafficPolicy");
        if (resource.IsIstio("Sidecar") && context.Text(policy, "mode") == "ALLOW_ANY")
        {
            context.Report(Rule, resource, "spec.outboundTrafficPolicy.mode", context.Get(policy, "mode")!, $"{resource}: spec.outboundTrafficPolicy.mode is ALLOW_ANY, so its workloads may call any external host; set REGISTRY_ONLY and declare the hosts they need as ServiceEntries (an egress gateway and a NetworkPolicy enforce it)");
        }
    }
}

/// <summary>MESH1052: a Sidecar egress listener imports <c>*/*</c>, every service of every namespace.</summary>
internal sealed class SidecarImportsEverything() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1052",
        "Sidecar imports every namespace",
        RuleSeverity.Info,
        "Workloads",
        "A Sidecar egress listener lists the host */*: its proxies receive the configuration of every service in the mesh, which costs memory, CPU and push time, as if there were no Sidecar scope at all.");

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        if (!resource.IsIstio("Sidecar"))
        {
            return;
        }

        foreach (var (index, egress) in KnownFields.Maps(context, resource.Spec, "egress"))
        {
            foreach (var (host, hostIndex, node) in KnownFields.Strings(egress, "hosts", context))
            {
                if (host == "*/*")
                {
                    var path = $"spec.egress[{index}].hosts[{hostIndex}]";
                    context.Report(Rule, resource, path, node, $"{resource}: {path} is '*/*', so its proxies load every service of the mesh; list the namespaces the workloads call (./*, istio-system/*, backend/*)");
                }
            }
        }
    }
}

/// <summary>MESH1053: a ServiceEntry or Sidecar port without a protocol: Istio sniffs it.</summary>
internal sealed class ProtocolNotDeclared() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1053",
        "Port protocol not declared",
        RuleSeverity.Info,
        "Security",
        "A ServiceEntry port or a Sidecar listener port has no protocol, so Istio detects it by sniffing the first bytes: the first request waits, server-first protocols break, and HTTP routing and policies may not apply.");

    private static readonly string[] Listeners = { "ingress", "egress" };

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        if (resource.IsIstio("ServiceEntry"))
        {
            foreach (var (index, port) in KnownFields.Maps(context, resource.Spec, "ports"))
            {
                Check(resource, context, port, "ports", index, string.Empty);
            }
        }
        else if (resource.IsIstio("Sidecar"))
        {
            foreach (var listeners in Listeners)
            {
                foreach (var (index, listener) in KnownFields.Maps(context, resource.Spec, listeners))
                {
                    if (context.Map(listener, "port") is { } port)
                    {
                        Check(resource, context, port, listeners, index, ".port");
                    }
                }
            }
        }
    }

    // The port at spec.{list}[index]{below}.
    private static void Check(AnalyzedResource resource, AnalysisContext context, DocumentMap port, string list, int index, string below)
    {
        if (context.IsAbsent(port, "protocol") || context.Text(port, "protocol") is { Length: 0 })
        {
            var path = $"spec.{list}[{index}]{below}";
            context.Report(Rule, resource, path, port, $"{resource}: {path} declares no protocol, so Istio sniffs it from the first bytes; set protocol (HTTP, HTTP2, GRPC, HTTPS, TLS, TCP, ...)");
        }
    }
}

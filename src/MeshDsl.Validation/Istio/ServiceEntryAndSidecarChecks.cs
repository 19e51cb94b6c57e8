using System.Collections.Generic;
using System.Linq;
using System.Net;
using MeshDsl.Documents;

namespace MeshDsl.Validation.Istio;

/// <summary>
/// The checks Istio's validating webhook runs on ServiceEntry and Sidecar beyond their CRD schemas
/// (ISTIO-CHECKS.md §B.5 and §B.6; the SEnn/SCnn id is in each message).
/// </summary>
internal static class ServiceEntryAndSidecarChecks
{
    public static void CheckServiceEntry(DocumentMap document, Findings findings)
    {
        if (document.Map("spec") is not { } spec)
        {
            return;
        }

        var hosts = spec.Items("hosts").OfType<DocumentScalar>().Select(h => h.Text).ToList();
        var resolution = spec.Text("resolution") ?? "NONE";
        foreach (var address in spec.Items("addresses").OfType<DocumentScalar>())
        {
            if (!IPAddress.TryParse(address.Text, out _) && !IPNetwork.TryParse(address.Text, out _))
            {
                findings.Error(IstioIds.ServiceEntry, "spec.addresses", address, $"SE05: address '{address.Text}' is not an IP or a CIDR");
            }
        }

        var index = 0;
        var ports = spec.Items("ports").ToList();
        foreach (var port in ports)
        {
            var path = $"spec.ports[{index++}]";
            // SE07 (unique names) is the schema's map-type list check, MESH0211.
            if (port.Text("name") is { } name && !IstioSyntax.IsDns1123Label(name))
            {
                findings.Error(IstioIds.ServiceEntry, path + ".name", port.Get("name")!, $"SE09: port name '{(name.Length > 80 ? name.Substring(0, 77) + "..." : name)}' is not a DNS-1123 label");
            }

            if (port.Text("protocol") is { Length: > 0 } protocol && !IstioSyntax.Protocols.Contains(protocol))
            {
                findings.Error(IstioIds.ServiceEntry, path + ".protocol", port.Get("protocol")!, $"SE09: protocol '{protocol}' is not one of {string.Join(", ", IstioSyntax.Protocols)}");
            }
        }

        if (resolution is "DNS" or "DNS_ROUND_ROBIN" && !spec.Has("endpoints"))
        {
            foreach (var host in hosts.Where(h => h.Contains('*')))
            {
                findings.Error(IstioIds.ServiceEntry, "spec.hosts", spec.Get("hosts")!, $"SE13: {resolution} resolution without endpoints resolves the hosts themselves, so '{host}' cannot be a wildcard");
            }
        }

        if (resolution == "DYNAMIC_DNS")
        {
            if (hosts.Any(h => !h.StartsWith("*.", System.StringComparison.Ordinal)))
            {
                findings.Error(IstioIds.ServiceEntry, "spec.hosts", spec.Get("hosts")!, "SE17: DYNAMIC_DNS needs wildcard hosts (*.example.com)");
            }

            if (spec.Has("addresses") || spec.Has("endpoints"))
            {
                findings.Error(IstioIds.ServiceEntry, "spec", spec, "SE17: DYNAMIC_DNS cannot have addresses or endpoints");
            }
        }

        if (resolution != "NONE" && hosts.Count > 1)
        {
            var index2 = 0;
            foreach (var port in ports)
            {
                if (port.Text("protocol")?.ToUpperInvariant() is { } protocol and not ("HTTP" or "TLS" or "HTTPS" or "HTTP2" or "GRPC"))
                {
                    findings.Error(IstioIds.ServiceEntry, $"spec.ports[{index2}].protocol", port.Get("protocol")!, $"SE18: with several hosts and {resolution} resolution, a {protocol} port cannot tell the hosts apart; use HTTP or TLS ports, or one host per ServiceEntry");
                }

                index2++;
            }
        }
    }

    public static void CheckSidecar(DocumentMap document, Findings findings)
    {
        if (document.Map("spec") is not { } spec)
        {
            return;
        }

        if (!new[] { "egress", "ingress", "outboundTrafficPolicy", "inboundConnectionPool" }.Any(spec.Has))
        {
            findings.Error(IstioIds.Sidecar, "spec", spec, "SC02: a Sidecar needs at least one of egress, ingress, outboundTrafficPolicy or inboundConnectionPool");
        }

        var numbers = new HashSet<long>();
        var index = 0;
        foreach (var listener in spec.Items("ingress"))
        {
            var path = $"spec.ingress[{index++}].port";
            if (listener.Map("port") is not { } port)
            {
                continue;
            }

            if (port.Has("targetPort"))
            {
                findings.Error(IstioIds.Sidecar, path + ".targetPort", port.Get("targetPort")!, "SC03: targetPort is not allowed on a Sidecar ingress port; use defaultEndpoint");
            }

            if (port.Integer("number") is { } number && !numbers.Add(number))
            {
                findings.Error(IstioIds.Sidecar, path + ".number", port.Get("number")!, $"SC03: ingress port {number} is declared twice");
            }
        }

        var egress = spec.Items("egress").ToList();
        var catchAll = egress.Select((listener, i) => (listener, i)).Where(e => !e.listener.Has("port")).ToList();
        if (catchAll.Count > 1)
        {
            findings.Error(IstioIds.Sidecar, $"spec.egress[{catchAll[1].i}]", catchAll[1].listener, "SC07: only one egress listener may omit its port (the catch-all)");
        }
        else if (catchAll.Count == 1 && catchAll[0].i != egress.Count - 1)
        {
            findings.Error(IstioIds.Sidecar, $"spec.egress[{catchAll[0].i}]", catchAll[0].listener, "SC07: the catch-all egress listener (no port) must come last");
        }

        if (spec.Map("outboundTrafficPolicy") is { } policy && policy.Has("egressProxy") && policy.Text("mode") != "ALLOW_ANY")
        {
            findings.Error(IstioIds.Sidecar, "spec.outboundTrafficPolicy.egressProxy", policy.Get("egressProxy")!, "SC10: egressProxy is only used with mode ALLOW_ANY");
        }
    }
}

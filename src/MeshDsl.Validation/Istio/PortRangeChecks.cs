using System.Collections.Generic;
using System.Linq;
using MeshDsl.Documents;

namespace MeshDsl.Validation.Istio;

/// <summary>
/// X08 (ISTIO-CHECKS.md §B.1): port numbers are in 1..65535 where only Istio's webhook checks them (the schema
/// accepts 0..4294967295): VirtualService matches, destinations and redirects, Sidecar listeners and egress proxy,
/// DestinationRule tunnels. Gateway ports are GW04; ServiceEntry, WorkloadEntry and PeerAuthentication ports are CEL's.
/// </summary>
internal static class PortRangeChecks
{
    private const long MaxPort = 65535;

    public static void CheckVirtualService(DocumentMap spec, Findings findings)
    {
        foreach (var (route, i) in spec.Items("http").Select((r, i) => (r, i)))
        {
            var path = $"spec.http[{i}]";
            CheckMatchPorts(route, path, findings);
            CheckDestinationPorts(route.Items("route").Select(d => d.Get("destination")), path + ".route", findings);
            CheckDestinationPorts(route.Items("mirrors").Select(m => m.Get("destination")), path + ".mirrors", findings);
            CheckSelector(route.Map("mirror").Get("port"), path + ".mirror.port", findings);
            if (route.Map("redirect").Integer("port") is long port and > MaxPort)
            {
                Report(route.Map("redirect")!.Get("port")!, path + ".redirect.port", port, findings);
            }
        }

        foreach (var kind in new[] { "tls", "tcp" })
        {
            foreach (var (route, i) in spec.Items(kind).Select((r, i) => (r, i)))
            {
                CheckMatchPorts(route, $"spec.{kind}[{i}]", findings);
                CheckDestinationPorts(route.Items("route").Select(d => d.Get("destination")), $"spec.{kind}[{i}].route", findings);
            }
        }
    }

    public static void CheckSidecar(DocumentMap spec, Findings findings)
    {
        foreach (var (listener, i) in spec.Items("ingress").Select((l, i) => (l, i)))
        {
            if (listener.Map("port") is { } port && Number(port) is long number and (< 1 or > MaxPort))
            {
                Report(port.Get("number") ?? port, $"spec.ingress[{i}].port.number", number, findings);
            }
        }

        foreach (var (listener, i) in spec.Items("egress").Select((l, i) => (l, i)))
        {
            var unixSocket = listener.Text("bind")?.StartsWith("unix://", System.StringComparison.Ordinal) == true;
            if (listener.Map("port") is { } port && Number(port) is long number && (number > MaxPort || (number < 1 && !unixSocket)))
            {
                var message = number == 0 ? "X08: egress port 0 needs a unix:// bind address; otherwise use a port in 1-65535" : $"X08: port {number} is outside 1-65535";
                findings.Error(IstioIds.CrossCutting, $"spec.egress[{i}].port.number", port.Get("number") ?? port, message);
            }
        }

        CheckSelector(spec.Map("outboundTrafficPolicy").Map("egressProxy").Get("port"), "spec.outboundTrafficPolicy.egressProxy.port", findings);
    }

    public static void CheckDestinationRule(DocumentMap spec, Findings findings)
    {
        var policies = spec.Items("subsets").Select((s, i) => (Policy: s.Map("trafficPolicy"), Path: $"spec.subsets[{i}].trafficPolicy"))
            .Prepend((Policy: spec.Map("trafficPolicy"), Path: "spec.trafficPolicy"));
        foreach (var (policy, path) in policies)
        {
            if (policy.Map("tunnel") is { } tunnel && tunnel.Integer("targetPort") is long port and (< 1 or > MaxPort))
            {
                Report(tunnel.Get("targetPort")!, path + ".tunnel.targetPort", port, findings);
            }
        }
    }

    private static void CheckMatchPorts(DocumentNode route, string path, Findings findings)
    {
        foreach (var (match, j) in route.Items("match").Select((m, j) => (m, j)))
        {
            if (match.Integer("port") is long port and > MaxPort)
            {
                Report(match.Get("port")!, $"{path}.match[{j}].port", port, findings);
            }
        }
    }

    private static void CheckDestinationPorts(IEnumerable<DocumentNode?> destinations, string path, Findings findings)
    {
        foreach (var (destination, j) in destinations.Select((d, j) => (d, j)))
        {
            CheckSelector(destination.Get("port"), $"{path}[{j}].destination.port", findings);
        }
    }

    // A port selector that is set must name a port.
    private static void CheckSelector(DocumentNode? selector, string path, Findings findings)
    {
        if (selector is DocumentMap map && Number(map) is long number and (< 1 or > MaxPort))
        {
            Report(map.Get("number") ?? map, path + ".number", number, findings);
        }
    }

    // Istio reads a missing number as 0; a number of the wrong type is the schema's finding, not this one.
    private static long? Number(DocumentMap port) => port.Has("number") ? port.Integer("number") : 0;

    private static void Report(DocumentNode node, string path, long port, Findings findings) =>
        findings.Error(IstioIds.CrossCutting, path, node, port == 0 ? "X08: the port number is missing or 0; use a port in 1-65535" : $"X08: port {port} is outside 1-65535");
}

using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using MeshDsl.Documents;

namespace MeshDsl.Validation.Istio;

/// <summary>
/// The checks Istio's validating webhook runs on WorkloadEntry, WorkloadGroup and ProxyConfig beyond their CRD
/// schemas and CEL rules (ISTIO-CHECKS.md §B.13; the WEnn/WGnn/PCnn id is in each message). Unix addresses, port
/// names and ranges, probe ports and schemes, the required template and non-negative counts are the schema's.
/// </summary>
internal static class WorkloadChecks
{
    public static void CheckWorkloadEntry(DocumentMap document, Findings findings)
    {
        if (document.Map("spec") is not { } spec)
        {
            return;
        }

        var address = spec.Text("address") ?? string.Empty;
        var network = spec.Text("network") ?? string.Empty;
        if (address.Length == 0 && network.Length == 0 && (spec.Has("address") || spec.Has("network")))
        {
            findings.Error(IstioIds.Workload, "spec.address", spec.Get("address") ?? spec.Get("network")!, "WE01: a WorkloadEntry needs an address (or, reached through a gateway, a network); both are empty");
        }
        else if (address.Length == 0 && network.Length > 0)
        {
            findings.Warning(IstioIds.Workload, "spec.network", spec.Get("network")!, $"WE01: no address: the workload is reachable only through network '{network}''s gateway");
        }

        if (address.Length > 0 && !address.StartsWith("unix://", StringComparison.Ordinal) && !IsIpAddress(address) && FqdnProblem(address) is { } problem)
        {
            findings.Error(IstioIds.Workload, "spec.address", spec.Get("address")!, $"WE03: address '{Shorten(address)}' is not an IP address nor a valid host name: {problem}");
        }

        LabelChecks.Check(spec.Get("labels"), "spec.labels", IstioIds.Workload, "WE04", findings);
    }

    public static void CheckWorkloadGroup(DocumentMap document, Findings findings)
    {
        if (document.Map("spec") is not { } spec)
        {
            return;
        }

        LabelChecks.Check(spec.Map("metadata").Get("labels"), "spec.metadata.labels", IstioIds.Workload, "WG01", findings);
        if (spec.Map("probe").Map("exec").Get("command") is DocumentList { Count: 0 } command)
        {
            findings.Error(IstioIds.Workload, "spec.probe.exec.command", command, "WG02: an exec probe needs a command");
        }
    }

    public static void CheckProxyConfig(DocumentMap document, Findings findings)
    {
        if (document.Map("spec") is { } spec)
        {
            CommonChecks.WarnOnEmptySelector(spec, "selector", IstioIds.Workload, "PC01", findings);
        }
    }

    // Istio's netutil.IsValidIPAddress: a literal IPv4 (four parts) or IPv6 address, no zone.
    private static bool IsIpAddress(string text) =>
        IPAddress.TryParse(text, out var ip) && !text.Contains('%') && (ip.AddressFamily == AddressFamily.InterNetworkV6 || text.Count(c => c == '.') == 3);

    // Istio's agent.ValidateFQDN: at most 255 characters of DNS-1123 labels, a trailing dot allowed, the last label not all digits.
    private static string? FqdnProblem(string name)
    {
        if (name.Length > 255)
        {
            return "it is longer than 255 characters";
        }

        var labels = name.Split('.');
        if (labels[^1].Length > 0 && labels[^1].All(char.IsAsciiDigit))
        {
            return $"the top-level domain '{labels[^1]}' is all digits";
        }

        var bad = labels.Select((label, i) => (label, i)).FirstOrDefault(l => !(l.i == labels.Length - 1 && l.label.Length == 0) && !IstioSyntax.IsDns1123Label(l.label)).label;
        return bad is null ? null : $"'{Shorten(bad)}' is not a DNS-1123 label";
    }

    private static string Shorten(string text) => text.Length > 80 ? text.Substring(0, 77) + "..." : text;
}

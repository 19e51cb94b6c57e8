using Xunit;

namespace MeshDsl.Validation.Tests;

/// <summary>Istio's webhook-only WorkloadEntry, WorkloadGroup and ProxyConfig checks (ISTIO-CHECKS.md §B.13).</summary>
public sealed class WorkloadCheckTests
{
    public static TheoryData<string, string, string, string, string, FindingSeverity> Cases => new()
    {
        // apiVersion kind, check, violating spec, passing spec, path, severity
        { "networking.istio.io/v1 WorkloadEntry", "WE01", "network: vm-network", "network: vm-network\naddress: 10.0.0.1", "spec.network", FindingSeverity.Warning },
        { "networking.istio.io/v1 WorkloadEntry", "WE01", "address: \"\"", "address: 10.0.0.1", "spec.address", FindingSeverity.Error },
        { "networking.istio.io/v1 WorkloadEntry", "WE03", "address: vm_1.example.com", "address: vm-1.example.com", "spec.address", FindingSeverity.Error },
        { "networking.istio.io/v1 WorkloadEntry", "WE03", "address: 10.0.0.1.5", "address: \"2001:db8::1\"", "spec.address", FindingSeverity.Error },
        { "networking.istio.io/v1 WorkloadEntry", "WE04", "address: 10.0.0.1\nlabels: {app: \"reviews v2\"}", "address: 10.0.0.1\nlabels: {app: reviews-v2}", "spec.labels.app", FindingSeverity.Error },
        { "networking.istio.io/v1 WorkloadGroup", "WG01", "template: {}\nmetadata: {labels: {\"app!\": reviews}}", "template: {}\nmetadata: {labels: {app: reviews}}", "spec.metadata.labels.app!", FindingSeverity.Error },
        { "networking.istio.io/v1 WorkloadGroup", "WG02", "template: {}\nprobe: {exec: {command: []}}", "template: {}\nprobe: {exec: {command: [/bin/true]}}", "spec.probe.exec.command", FindingSeverity.Error },
        { "networking.istio.io/v1beta1 ProxyConfig", "PC01", "selector: {}\nconcurrency: 2", "selector: {matchLabels: {app: reviews}}\nconcurrency: 2", "spec.selector", FindingSeverity.Warning },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Violation_is_reported_and_its_fix_passes(string type, string check, string violating, string passing, string path, FindingSeverity severity)
        => WebhookCheckAssert.ReportedAndFixed("MESH0313", type, check, violating, passing, path, severity);
}

using System.Collections.Generic;
using MeshDsl.Documents;

namespace MeshDsl.Validation.Istio;

/// <summary>The list semantic checks report into, locating each finding at its node.</summary>
internal sealed class Findings
{
    public Findings(List<ValidationFinding> list) => List = list;

    public List<ValidationFinding> List { get; }

    public void Error(string id, string path, DocumentNode node, string message) =>
        List.Add(new ValidationFinding(id, FindingSeverity.Error, path, message, node.DeclaredAt));

    public void Warning(string id, string path, DocumentNode node, string message) =>
        List.Add(new ValidationFinding(id, FindingSeverity.Warning, path, message, node.DeclaredAt));
}

/// <summary>Ids of Istio's semantic (webhook) checks, one per kind family (ISTIO-CHECKS.md §B).</summary>
public static class IstioIds
{
    /// <summary>Cross-cutting checks on every Istio kind (§B.1): annotations, selectors, targetRefs, exportTo, durations, ports, labels.</summary>
    public const string CrossCutting = "MESH0301";

    /// <summary>VirtualService checks (§B.2).</summary>
    public const string VirtualService = "MESH0302";

    /// <summary>DestinationRule checks (§B.3).</summary>
    public const string DestinationRule = "MESH0303";

    /// <summary>Gateway checks (§B.4).</summary>
    public const string Gateway = "MESH0304";

    /// <summary>ServiceEntry checks (§B.5).</summary>
    public const string ServiceEntry = "MESH0305";

    /// <summary>Sidecar checks (§B.6).</summary>
    public const string Sidecar = "MESH0306";

    /// <summary>AuthorizationPolicy checks (§B.7).</summary>
    public const string AuthorizationPolicy = "MESH0307";

    /// <summary>RequestAuthentication checks (§B.8).</summary>
    public const string RequestAuthentication = "MESH0308";

    /// <summary>PeerAuthentication checks (§B.9).</summary>
    public const string PeerAuthentication = "MESH0309";

    /// <summary>Telemetry checks (§B.10).</summary>
    public const string Telemetry = "MESH0310";

    /// <summary>EnvoyFilter checks (§B.11).</summary>
    public const string EnvoyFilter = "MESH0311";

    /// <summary>WorkloadEntry, WorkloadGroup and ProxyConfig checks (§B.13).</summary>
    public const string Workload = "MESH0313";
}

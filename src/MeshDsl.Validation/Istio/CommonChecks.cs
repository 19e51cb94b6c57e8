using System;
using System.Collections.Generic;
using System.Linq;
using MeshDsl.Documents;

namespace MeshDsl.Validation.Istio;

/// <summary>
/// The cross-cutting checks Istio's validating webhook runs on every Istio kind beyond the CRD schemas
/// (ISTIO-CHECKS.md §B.1; the Xnn id is in each message): metadata annotations, selectors, targetRefs,
/// exportTo, durations, ports and label maps.
/// </summary>
internal static class CommonChecks
{
    private const string DryRun = "istio.io/dry-run";

    // Set by Istio on the configs it generates; its webhook rejects them from users (constants.AlwaysReject,
    // InternalParentNames, InternalParentNamespace).
    private static readonly string[] InternalAnnotations = { "internal.istio.io/webhook-always-reject", "internal.istio.io/parents", "internal.istio.io/parent-namespace" };

    private static readonly string[] GoBooleans = { "1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False" };

    // v1beta1 selectors (matchLabels) checked here; PeerAuthentication (PA04) and ProxyConfig (PC01) report their own.
    private static readonly Dictionary<string, string> MatchLabelSelectors = new(StringComparer.Ordinal)
    {
        ["AuthorizationPolicy"] = "selector", ["RequestAuthentication"] = "selector", ["Telemetry"] = "selector",
        ["WasmPlugin"] = "selector", ["TrafficExtension"] = "selector", ["DestinationRule"] = "workloadSelector",
    };

    private static readonly HashSet<string> LabelSelectorKinds = new(StringComparer.Ordinal) { "Sidecar", "ServiceEntry", "EnvoyFilter" };

    private static readonly HashSet<string> TargetRefKinds = new(StringComparer.Ordinal) { "AuthorizationPolicy", "RequestAuthentication", "Telemetry", "WasmPlugin", "TrafficExtension" };

    private static readonly string[] TargetRefTypes = { "core/Service", "networking.istio.io/ServiceEntry", "gateway.networking.k8s.io/Gateway", "gateway.networking.k8s.io/GatewayClass" };

    private static readonly Dictionary<string, Action<DocumentMap, Findings>[]> KindChecks = new(StringComparer.Ordinal)
    {
        ["VirtualService"] = new Action<DocumentMap, Findings>[] { PortRangeChecks.CheckVirtualService, LabelChecks.CheckVirtualService },
        ["DestinationRule"] = new Action<DocumentMap, Findings>[] { PortRangeChecks.CheckDestinationRule, LabelChecks.CheckDestinationRule },
        ["Sidecar"] = new Action<DocumentMap, Findings>[] { PortRangeChecks.CheckSidecar },
        ["ServiceEntry"] = new Action<DocumentMap, Findings>[] { LabelChecks.CheckServiceEntry },
    };

    public static void Check(DocumentMap document, string kind, DurationTree? durations, Findings findings)
    {
        CheckAnnotations(document, kind, findings);
        DurationChecks.Check(document, durations, findings);
        if (document.Map("spec") is not { } spec)
        {
            return;
        }

        if (MatchLabelSelectors.TryGetValue(kind, out var selector))
        {
            WarnOnEmptySelector(spec, selector, IstioIds.CrossCutting, "X09", findings);
        }

        if (LabelSelectorKinds.Contains(kind))
        {
            CheckWorkloadSelector(spec, findings);
        }

        if (TargetRefKinds.Contains(kind))
        {
            CheckTargetRefs(spec, findings);
        }

        if (spec.Get("exportTo") is DocumentList exportTo)
        {
            CheckExportTo(exportTo, document.Map("metadata").Text("namespace"), kind == "ServiceEntry", kind == "DestinationRule" && spec.Has("workloadSelector"), findings);
        }

        foreach (var check in KindChecks.GetValueOrDefault(kind) ?? Array.Empty<Action<DocumentMap, Findings>>())
        {
            check(spec, findings);
        }
    }

    /// <summary>Warns when a v1beta1 <paramref name="field"/> selector is set without labels: it then selects every workload.</summary>
    public static void WarnOnEmptySelector(DocumentMap spec, string field, string id, string check, Findings findings)
    {
        if (spec.Get(field) is DocumentMap selector && selector.Get("matchLabels") is not DocumentMap { Count: > 0 })
        {
            findings.Warning(id, $"spec.{field}", selector, $"{check}: {field} has no matchLabels, so it selects every workload in the namespace; add labels or remove it");
        }
    }

    private static void CheckAnnotations(DocumentMap document, string kind, Findings findings)
    {
        if (document.Map("metadata").Map("annotations") is not { } annotations)
        {
            return;
        }

        if (annotations.Get(DryRun) is { } dryRun)
        {
            CheckDryRun(dryRun, document, kind, findings);
        }

        foreach (var name in InternalAnnotations.Where(annotations.Has))
        {
            findings.Error(IstioIds.CrossCutting, $"metadata.annotations.{name}", annotations.Get(name)!, $"X02: annotation '{name}' is internal to Istio and may not be set by users");
        }
    }

    private static void CheckDryRun(DocumentNode value, DocumentMap document, string kind, Findings findings)
    {
        const string path = "metadata.annotations." + DryRun;
        var action = document.Map("spec").Text("action") ?? "ALLOW";
        if (kind != "AuthorizationPolicy")
        {
            findings.Error(IstioIds.CrossCutting, path, value, $"X01: annotation {DryRun} is only supported on AuthorizationPolicy; remove it from this {kind}");
        }
        else if (action is not ("ALLOW" or "DENY"))
        {
            findings.Error(IstioIds.CrossCutting, path, value, $"X01: annotation {DryRun} only supports action ALLOW or DENY, not {action}");
        }
        else if (value is not DocumentScalar scalar || !GoBooleans.Contains(scalar.Text))
        {
            findings.Error(IstioIds.CrossCutting, path, value, $"X01: annotation {DryRun} must be 'true' or 'false'");
        }
    }

    private static void CheckWorkloadSelector(DocumentMap spec, Findings findings)
    {
        if (spec.Get("workloadSelector") is not DocumentMap selector)
        {
            return;
        }

        var labels = selector.Map("labels") ?? new DocumentMap();
        foreach (var entry in labels.Where(e => e.Key.Length == 0 || e.Key.Contains('*')))
        {
            findings.Error(IstioIds.CrossCutting, $"spec.workloadSelector.labels.{entry.Key}", entry.Value, entry.Key.Length == 0 ? "X10: a workloadSelector label key cannot be empty" : $"X10: workloadSelector label key '{entry.Key}' cannot hold a wildcard");
        }

        if (labels.Count == 0)
        {
            findings.Warning(IstioIds.CrossCutting, "spec.workloadSelector", selector, "X10: workloadSelector has no labels, so it applies to every workload in the namespace; add labels or remove it");
        }
    }

    private static void CheckTargetRefs(DocumentMap spec, Findings findings)
    {
        var references = spec.Items("targetRefs").Select((r, i) => (Ref: (DocumentNode?)r, Path: $"spec.targetRefs[{i}]"))
            .Append((Ref: spec.Get("targetRef"), Path: "spec.targetRef"));
        foreach (var (reference, path) in references)
        {
            if (reference.Text("kind") is not { } kind)
            {
                continue;
            }

            var group = reference.Text("group") is { Length: > 0 } named ? named : "core";
            if (!TargetRefTypes.Contains($"{group}/{kind}"))
            {
                findings.Error(IstioIds.CrossCutting, path + ".kind", reference.Get("kind")!, $"X12: a targetRef to {group}/{kind} is not supported; it must be one of {string.Join(", ", TargetRefTypes)}");
            }
        }
    }

    private static void CheckExportTo(DocumentList exportTo, string? ns, bool isServiceEntry, bool hasWorkloadSelector, Findings findings)
    {
        const string path = "spec.exportTo";
        var own = ns ?? ".";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < exportTo.Count; i++)
        {
            if (exportTo[i] is not DocumentScalar { Kind: ScalarKind.String } entry)
            {
                continue;
            }

            var key = entry.Text == "." ? own : entry.Text;
            if (seen.Contains(key))
            {
                findings.Error(IstioIds.CrossCutting, $"{path}[{i}]", entry, key == entry.Text ? $"X13: exportTo lists '{key}' twice" : $"X13: exportTo lists both '.' and the own namespace '{key}'");
            }
            else if (ExportToProblem(entry.Text, isServiceEntry) is { } problem)
            {
                findings.Error(IstioIds.CrossCutting, $"{path}[{i}]", entry, $"X13: {problem}");
            }
            else
            {
                seen.Add(key);
            }
        }

        if (hasWorkloadSelector && seen.Count > 0 && (!seen.Contains(own) || seen.Count > 1))
        {
            findings.Error(IstioIds.CrossCutting, path, exportTo, "X13: a DestinationRule with a workloadSelector can be exported only to its own namespace ('.')");
        }

        foreach (var alone in new[] { "*", "~" }.Where(a => seen.Contains(a) && exportTo.Count > 1))
        {
            findings.Error(IstioIds.CrossCutting, path, exportTo, $"X13: '{alone}' cannot be combined with other exportTo entries");
        }
    }

    private static string? ExportToProblem(string entry, bool isServiceEntry) => entry switch
    {
        "." or "*" => null,
        "~" => isServiceEntry ? null : "'~' (export to no one) is only allowed on a ServiceEntry",
        _ when IstioSyntax.IsDns1123Label(entry) => null,
        _ => $"'{(entry.Length > 80 ? entry.Substring(0, 77) + "..." : entry)}' is not '.', '*' or a namespace name (a DNS-1123 label)",
    };
}

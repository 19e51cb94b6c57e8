using System.Linq;
using MeshDsl.Documents;

namespace MeshDsl.Validation.Istio;

/// <summary>
/// The checks Istio's validating webhook runs on a Telemetry beyond its CRD schema and CEL rules
/// (ISTIO-CHECKS.md §B.10; the TMnn id is in each message). TM02 (accessLogging filter expressions parse as
/// Envoy CEL) is not checked: it needs Envoy's CEL dialect.
/// </summary>
internal static class TelemetryChecks
{
    public static void Check(DocumentMap document, Findings findings)
    {
        if (document.Map("spec") is not { } spec)
        {
            return;
        }

        CheckTracing(spec, findings);
        foreach (var (metrics, i) in spec.Items("metrics").Select((m, i) => (m, i)))
        {
            foreach (var (overrides, j) in metrics.Items("overrides").Select((o, j) => (o, j)))
            {
                if (overrides.Map("tagOverrides")?.Get(string.Empty) is { } unnamed)
                {
                    findings.Warning(IstioIds.Telemetry, $"spec.metrics[{i}].overrides[{j}].tagOverrides.", unnamed, "TM07: a tag override needs a tag name; the empty name overrides no tag");
                }
            }
        }
    }

    private static void CheckTracing(DocumentMap spec, Findings findings)
    {
        if (spec.Get("tracing") is DocumentList { Count: > 1 } tracing)
        {
            findings.Warning(IstioIds.Telemetry, "spec.tracing", tracing, "TM04: more than one tracing entry is not supported; merge them into one");
        }

        foreach (var (entry, i) in spec.Items("tracing").Select((t, i) => (t, i)))
        {
            if (entry.Get("providers") is DocumentList { Count: > 1 } providers)
            {
                findings.Warning(IstioIds.Telemetry, $"spec.tracing[{i}].providers", providers, "TM04: more than one provider in a tracing entry is not supported; keep one");
            }

            if (entry.Map("customTags")?.Get(string.Empty) is { } unnamed)
            {
                findings.Error(IstioIds.Telemetry, $"spec.tracing[{i}].customTags.", unnamed, "TM06: a custom tag needs a name");
            }
        }
    }
}

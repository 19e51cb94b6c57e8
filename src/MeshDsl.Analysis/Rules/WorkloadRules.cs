using System.Collections.Generic;
using MeshDsl.Documents;

namespace MeshDsl.Analysis.Rules;

/// <summary>MESH1070: a workload's pod template does not size its sidecar (sidecar.istio.io/proxyCPU, proxyMemory).</summary>
internal sealed class ProxyResourcesNotSet() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1070",
        "Sidecar resources not set",
        RuleSeverity.Info,
        "Workloads",
        "A Deployment's pod template has no sidecar.istio.io/proxyCPU or proxyMemory annotation: its sidecar runs with the install's default requests, which fit no workload in particular. (The annotations are Alpha; install-level values are the alternative.)");

    // The annotations' paths below the pod template, for KnownFields.IsMissing.
    private static readonly string[][] Annotations =
    {
        new[] { "metadata", "annotations", "sidecar.istio.io/proxyCPU" },
        new[] { "metadata", "annotations", "sidecar.istio.io/proxyMemory" },
    };

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        if (PodTemplates.Of(resource, context) is not { } template || PodTemplates.InjectionDisabled(template, context))
        {
            return;
        }

        List<string>? missing = null;
        foreach (var annotation in Annotations)
        {
            if (KnownFields.IsMissing(context, template, annotation))
            {
                (missing ??= new List<string>()).Add(annotation[2]);
            }
        }

        if (missing is not null)
        {
            var metadata = context.Map(template, "metadata");
            var node = (DocumentNode?)context.Map(metadata, "annotations") ?? (DocumentNode?)metadata ?? template;
            context.Report(Rule, resource, "spec.template.metadata.annotations", node, $"{resource}: spec.template.metadata.annotations has no {string.Join(" or ", missing)}, so its sidecar runs with the install's default requests; set proxyCPU and proxyMemory (and proxyCPULimit, proxyMemoryLimit) for this workload");
        }
    }
}

/// <summary>MESH1071: a container without a liveness or a readiness probe.</summary>
internal sealed class ProbesMissing() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1071",
        "Container without liveness or readiness probe",
        RuleSeverity.Warning,
        "Workloads",
        "A container of a Deployment has no livenessProbe or no readinessProbe: without readiness the mesh sends it traffic before it can serve, and without liveness a hung process is never restarted, so outlier detection alone has to hide it.");

    private static readonly string[] Probes = { "livenessProbe", "readinessProbe" };

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        if (PodTemplates.Of(resource, context) is not { } template)
        {
            return;
        }

        foreach (var (index, container) in KnownFields.Maps(context, context.Map(template, "spec"), "containers"))
        {
            List<string>? missing = null;
            foreach (var probe in Probes)
            {
                if (context.IsAbsent(container, probe))
                {
                    (missing ??= new List<string>()).Add(probe);
                }
            }

            if (missing is not null)
            {
                var path = $"spec.template.spec.containers[{index}]";
                var name = context.Text(container, "name") is { } text ? $"container '{text}'" : "the container";
                context.Report(Rule, resource, path, container, $"{resource}: {name} at {path} has no {string.Join(" and no ", missing)}; add {(missing.Count > 1 ? "them" : "it")} so traffic waits until the container is ready and a hung process is restarted");
            }
        }
    }
}

/// <summary>The pod templates of Kubernetes workloads (apps/v1 Deployment, StatefulSet, DaemonSet).</summary>
internal static class PodTemplates
{
    public static DocumentMap? Of(AnalyzedResource resource, AnalysisContext context) =>
        resource.ApiVersion == "apps/v1" && resource.Kind is "Deployment" or "StatefulSet" or "DaemonSet"
            ? context.Map(resource.Spec, "template")
            : null;

    /// <summary>Known to get no sidecar: <c>sidecar.istio.io/inject: "false"</c> as a label or an annotation.</summary>
    public static bool InjectionDisabled(DocumentMap template, AnalysisContext context)
    {
        var metadata = context.Map(template, "metadata");
        return context.Text(context.Map(metadata, "labels"), "sidecar.istio.io/inject") == "false"
            || context.Text(context.Map(metadata, "annotations"), "sidecar.istio.io/inject") == "false";
    }
}

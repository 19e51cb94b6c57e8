namespace MeshDsl.Analysis.Rules;

/// <summary>MESH1060: an EnvoyFilter in the root namespace without a selector patches every proxy of the mesh.</summary>
internal sealed class MeshWideEnvoyFilter() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1060",
        "EnvoyFilter applies to the whole mesh",
        RuleSeverity.Warning,
        "Workloads",
        "An EnvoyFilter in the root namespace without workloadSelector or targetRefs patches every proxy in every namespace: one mistake in the patch breaks the whole mesh.");

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        var spec = resource.Spec;
        if (resource.IsIstio("EnvoyFilter") && KnownFields.DeclaredNamespace(resource, context) == context.Options.RootNamespace && spec is not null
            && context.IsAbsent(spec, "workloadSelector") && context.IsAbsent(spec, "targetRefs"))
        {
            context.Report(Rule, resource, "spec", spec, $"{resource} is in the root namespace '{context.Options.RootNamespace}' without workloadSelector or targetRefs, so it patches every proxy of the mesh; add a workloadSelector, or move it to the namespace of the workloads it is for");
        }
    }
}

/// <summary>MESH1061: an EnvoyFilter patch without <c>match.proxy.proxyVersion</c> meets every future proxy version.</summary>
internal sealed class EnvoyFilterNotVersionPinned() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1061",
        "EnvoyFilter patch not pinned to a proxy version",
        RuleSeverity.Info,
        "Workloads",
        "An EnvoyFilter configPatch has no match.proxy.proxyVersion: it applies to every proxy version, and Envoy internals it patches can change on any Istio upgrade.");

    private static readonly string[] ProxyVersion = { "match", "proxy", "proxyVersion" };

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        if (!resource.IsIstio("EnvoyFilter"))
        {
            return;
        }

        foreach (var (index, patch) in KnownFields.Maps(context, resource.Spec, "configPatches"))
        {
            if (KnownFields.IsMissing(context, patch, ProxyVersion))
            {
                var path = $"spec.configPatches[{index}]";
                context.Report(Rule, resource, path, patch, $"{resource}: {path} has no match.proxy.proxyVersion, so it applies to every proxy version and may break on an upgrade; pin it (proxyVersion: '^1\\.30.*') and review it with each upgrade");
            }
        }
    }
}

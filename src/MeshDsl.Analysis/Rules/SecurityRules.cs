using MeshDsl.Documents;

namespace MeshDsl.Analysis.Rules;

/// <summary>MESH1040: the mesh-wide PeerAuthentication (root namespace, no selector) is not STRICT.</summary>
internal sealed class MeshWideMtlsNotStrict() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1040",
        "Mesh-wide mTLS is not STRICT",
        RuleSeverity.Warning,
        "Security",
        "The PeerAuthentication in the root namespace without a selector sets the mesh's default mTLS mode; anything but STRICT lets workloads accept plain-text traffic. PERMISSIVE is for migrating, not for staying.");

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        var spec = resource.Spec;
        if (!resource.IsIstio("PeerAuthentication") || resource.Namespace != context.Options.RootNamespace || spec is null || !context.IsAbsent(spec, "selector"))
        {
            return;
        }

        var mtls = context.Map(spec, "mtls");
        if (Mtls.Mode(spec, context) is { } mode && mode != "STRICT")
        {
            context.Report(Rule, resource, "spec.mtls.mode", context.Get(mtls, "mode") ?? (DocumentNode?)mtls ?? spec, $"{resource} is the mesh-wide mTLS policy and its mode is {mode}; set mode: STRICT once every workload has a sidecar");
        }
    }
}

/// <summary>MESH1041: a PeerAuthentication that disables mTLS for a namespace or workload.</summary>
internal sealed class PeerAuthenticationDisable() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1041",
        "mTLS disabled",
        RuleSeverity.Warning,
        "Security",
        "mode: DISABLE turns mutual TLS off: traffic to the selected workloads travels in plain text and their peers are not authenticated.");

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        if (!resource.IsIstio("PeerAuthentication") || resource.Namespace == context.Options.RootNamespace && context.IsAbsent(resource.Spec, "selector"))
        {
            return;
        }

        var mtls = context.Map(resource.Spec, "mtls");
        if (context.Text(mtls, "mode") == "DISABLE")
        {
            context.Report(Rule, resource, "spec.mtls.mode", context.Get(mtls, "mode")!, $"{resource} disables mTLS; use STRICT, or PERMISSIVE only while clients without sidecars are migrated");
        }
    }
}

/// <summary>MESH1049: PERMISSIVE mTLS in a namespace configured as production.</summary>
internal sealed class PermissiveMtlsInProduction() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1049",
        "PERMISSIVE mTLS in a production namespace",
        RuleSeverity.Warning,
        "Security",
        "A PeerAuthentication in a namespace listed as production (MeshDslProductionNamespaces, or meshdsl_production_namespaces in .editorconfig) accepts plain text; production namespaces should run STRICT.");

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        if (!resource.IsIstio("PeerAuthentication") || resource.Namespace is not { } ns || !Contains(context.Options.ProductionNamespaces, ns))
        {
            return;
        }

        var mtls = context.Map(resource.Spec, "mtls");
        if (context.Text(mtls, "mode") == "PERMISSIVE")
        {
            context.Report(Rule, resource, "spec.mtls.mode", context.Get(mtls, "mode")!, $"{resource} is PERMISSIVE in production namespace '{ns}'; set mode: STRICT");
        }
    }

    private static bool Contains(System.Collections.Generic.IReadOnlyCollection<string> namespaces, string ns)
    {
        foreach (var candidate in namespaces)
        {
            if (candidate == ns)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>MESH1042: an ALLOW AuthorizationPolicy with an empty rule <c>{}</c>, which matches every request.</summary>
internal sealed class AuthorizationPolicyAllowAll() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1042",
        "AuthorizationPolicy allows everything",
        RuleSeverity.Warning,
        "Security",
        "An ALLOW policy with an empty rule {} matches every request in its scope, which defeats default-deny: any caller, any path, any method.");

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        var spec = resource.Spec;
        if (!resource.IsIstio("AuthorizationPolicy") || spec is null)
        {
            return;
        }

        var action = context.IsAbsent(spec, "action") ? "ALLOW" : context.Text(spec, "action");
        if (action != "ALLOW")
        {
            return;
        }

        var rules = context.Items(spec, "rules");
        for (var i = 0; i < rules.Count; i++)
        {
            if (context.IsEmptyMap(rules[i]))
            {
                context.Report(Rule, resource, $"spec.rules[{i}]", rules[i], $"{resource} allows every request: rule spec.rules[{i}] is empty ({{}}); remove it, or say who may call what (from, to, when)");
            }
        }
    }
}

/// <summary>Reading PeerAuthentication's mode.</summary>
internal static class Mtls
{
    /// <summary>The known mode; UNSET when mtls or its mode is known to be missing; null when not known.</summary>
    public static string? Mode(DocumentMap spec, AnalysisContext context)
    {
        if (context.Map(spec, "mtls") is not { } mtls)
        {
            return context.IsAbsent(spec, "mtls") ? "UNSET" : null;
        }

        return context.IsAbsent(mtls, "mode") ? "UNSET" : context.Text(mtls, "mode");
    }
}

using System.Collections.Generic;

namespace MeshDsl.Analysis.Rules;

/// <summary>MESH1045: a namespace has ALLOW policies but no allow-nothing baseline, here or in the root namespace.</summary>
internal sealed class NoDefaultDeny() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1045",
        "No default-deny AuthorizationPolicy",
        RuleSeverity.Info,
        "Security",
        "A namespace has ALLOW AuthorizationPolicies but no allow-nothing policy (an AuthorizationPolicy with an empty spec) in it or in the root namespace: a workload no ALLOW policy selects accepts every request.");

    public override bool IsSetRule => true;

    public override void CheckSet(IReadOnlyList<AnalyzedResource> resources, AnalysisContext context)
    {
        var covered = new HashSet<string>(System.StringComparer.Ordinal);
        var granting = new List<(AnalyzedResource Policy, string Namespace)>();
        foreach (var resource in resources)
        {
            if (!resource.IsIstio("AuthorizationPolicy"))
            {
                continue;
            }

            var ns = KnownFields.DeclaredNamespace(resource, context);
            if (AuthorizationPolicies.AllowsNothing(resource, context) is not false)
            {
                // A baseline whose namespace is not known may be anywhere: it covers everything.
                covered.Add(ns ?? "*");
            }
            else if (AuthorizationPolicies.Action(resource, context) == "ALLOW" && context.HasItems(resource.Spec, "rules") && ns is not null)
            {
                granting.Add((resource, ns));
            }
        }

        if (covered.Contains("*") || covered.Contains(context.Options.RootNamespace))
        {
            return;
        }

        var reported = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var (policy, ns) in granting)
        {
            if (!covered.Contains(ns) && reported.Add(ns))
            {
                var node = context.Get(context.Get(policy.Root, "metadata"), "namespace")!;
                context.Report(Rule, policy, "metadata.namespace", node, $"namespace '{ns}' has ALLOW policies ({policy} first) but no allow-nothing baseline, so a workload they do not select accepts every request; add an AuthorizationPolicy with an empty spec (spec: {{}}) in '{ns}', or one in the root namespace '{context.Options.RootNamespace}' for the whole mesh");
            }
        }
    }
}

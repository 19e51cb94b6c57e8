using System.Collections.Generic;
using System.Linq;
using MeshDsl.Documents;

namespace MeshDsl.Analysis.Rules;

/// <summary>
/// MESH1046: a RequestAuthentication that no AuthorizationPolicy backs with a request-principal requirement: it rejects
/// invalid tokens, but a request without any token passes it, so "JWT required" is not what the workloads get.
/// </summary>
internal sealed class RequestAuthenticationNotEnforced() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1046",
        "RequestAuthentication without a policy that requires a token",
        RuleSeverity.Warning,
        "Security",
        "A RequestAuthentication rejects requests whose JWT is invalid but accepts requests that carry no token at all; unless an AuthorizationPolicy for the same workloads requires a request principal (requestPrincipals: [\"*\"]), callers without a token get in as if the token were optional.");

    public override bool IsSetRule => true;

    public override void CheckSet(IReadOnlyList<AnalyzedResource> resources, AnalysisContext context)
    {
        // A set without any AuthorizationPolicy leaves authorization to someone else: nothing can be told missing.
        var policies = resources.Where(r => r.IsIstio("AuthorizationPolicy")).ToList();
        if (policies.Count == 0)
        {
            return;
        }

        var root = context.Options.RootNamespace;
        foreach (var authentication in resources.Where(r => r.IsIstio("RequestAuthentication")))
        {
            // targetRefs (a Gateway API gateway, a waypoint) are not modelled.
            var spec = authentication.Spec;
            if (!context.HasItems(spec, "jwtRules") || !context.IsAbsent(spec, "targetRef") || !context.IsAbsent(spec, "targetRefs")
                || KnownFields.Namespace(authentication, context) is not { } ns || Labels.WorkloadSelector(authentication, context) is not { } selector)
            {
                continue;
            }

            var scope = new Scope(ns, selector);
            var overlapping = policies.Where(p => Scope.Of(p, context).MayOverlap(scope, root)).ToList();
            if (!overlapping.Any(p => MayRequireToken(p, context)) && TokenlessAdmission(overlapping, scope, root, context) is { } admitted)
            {
                context.Report(Rule, authentication, "spec.jwtRules", spec!["jwtRules"]!, $"{authentication} validates JWTs for {scope.Describe(root)}, but a request without a token passes it (only an invalid token is rejected), and no AuthorizationPolicy for those workloads requires a request principal: {admitted}; add an ALLOW policy with the same selector whose rules require from.source.requestPrincipals ([\"*\"]: any valid token), or a DENY policy with notRequestPrincipals: [\"*\"]");
            }
        }
    }

    // When no policy reads the token, a token-less request is treated like any other: let in by an ALLOW policy's rules, or
    // by default when no ALLOW policy applies. Null when an ALLOW policy without rules (allow-nothing) may apply and no
    // policy with rules surely does: then the request may be refused like every other.
    private static string? TokenlessAdmission(List<AnalyzedResource> overlapping, Scope scope, string root, AnalysisContext context)
    {
        var allowing = overlapping.Where(p => AuthorizationPolicies.Action(p, context) == "ALLOW").ToList();
        var granting = allowing.Where(p => context.HasItems(p.Spec, "rules")).ToList();
        var covering = granting.FirstOrDefault(p => Scope.Of(p, context).Covers(scope, root));
        if (covering is null && granting.Count < allowing.Count)
        {
            return null;
        }

        return (covering ?? granting.FirstOrDefault()) is { } admits
            ? $"{admits} admits requests by rules that do not read the token"
            : "no ALLOW policy applies to them, so every request is admitted";
    }

    // Whether the policy may turn token-less requests away: a CUSTOM provider may check tokens itself, and rules that read
    // the request principal or request.auth.* attributes decide on the token. Anything not known may be such a rule.
    private static bool MayRequireToken(AnalyzedResource policy, AnalysisContext context)
    {
        if (AuthorizationPolicies.Action(policy, context) is null or "CUSTOM")
        {
            return true;
        }

        var rules = policy.Spec is null ? System.Array.Empty<DocumentMap>() : KnownFields.ClosedMaps(context, policy.Spec, "rules");
        return rules is null || rules.Any(rule =>
            KnownFields.ClosedMaps(context, rule, "from") is not { } sources || sources.Any(f => ReadsPrincipal(f, context))
            || KnownFields.ClosedMaps(context, rule, "when") is not { } conditions || conditions.Any(c => ReadsToken(c, context)));
    }

    // from[].source sets requestPrincipals or notRequestPrincipals, or may.
    private static bool ReadsPrincipal(DocumentMap from, AnalysisContext context) => context.Get(from, "source") switch
    {
        null => false,
        DocumentMap source => context.Facts.IsOpen(source) || context.IsSet(source, "requestPrincipals") || context.IsSet(source, "notRequestPrincipals"),
        _ => true,
    };

    // when[].key is a request.auth.* attribute (the principal, audiences, presenter, claims), or may be.
    private static bool ReadsToken(DocumentMap condition, AnalysisContext context) =>
        context.Text(condition, "key") is not { } key || key.StartsWith("request.auth.", System.StringComparison.Ordinal);

    /// <summary>Where a policy applies: its namespace (the root namespace: every one) and selector (empty: every workload); null when not known.</summary>
    private sealed record Scope(string? Namespace, Dictionary<string, string>? Selector)
    {
        public static Scope Of(AnalyzedResource policy, AnalysisContext context)
        {
            var targeted = !context.IsAbsent(policy.Spec, "targetRef") || !context.IsAbsent(policy.Spec, "targetRefs");
            return new Scope(KnownFields.Namespace(policy, context), targeted ? null : Labels.WorkloadSelector(policy, context));
        }

        /// <summary>Is every workload of <paramref name="other"/> surely in this scope?</summary>
        public bool Covers(Scope other, string root) =>
            Namespace is not null && Selector is not null && other.Selector is not null
            && (Namespace == other.Namespace || Namespace == root) && Labels.Selects(Selector, other.Selector);

        /// <summary>Can one workload be in both scopes (as far as is known)?</summary>
        public bool MayOverlap(Scope other, string root) =>
            (Namespace is null || other.Namespace is null || Namespace == other.Namespace || Namespace == root || other.Namespace == root)
            && (Selector is null || other.Selector is null || Labels.Overlap(Selector, other.Selector));

        public string Describe(string root)
        {
            var where = Namespace == root ? "in every namespace" : $"in namespace '{Namespace}'";
            return Selector is { Count: > 0 } ? $"the workloads {Labels.Describe(Selector)} {where}" : $"every workload {where}";
        }
    }
}

using System.Collections.Generic;
using MeshDsl.Documents;

namespace MeshDsl.Analysis.Rules;

/// <summary>MESH1043: ALLOW with negative matches, or DENY with positive path, host or header matches: a mismatch becomes a bypass.</summary>
internal sealed class UnsafeMatchPolarity() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1043",
        "Unsafe match polarity in an AuthorizationPolicy",
        RuleSeverity.Warning,
        "Security",
        "An ALLOW policy that matches by exclusion (notPaths, notHosts, notMethods, notValues), or a DENY policy that matches paths, hosts or header values positively, fails open: a request spelled differently from the list (path normalization, case, a port in the Host header) is let through instead of refused.");

    private static readonly string[] AllowNegative = { "notPaths", "notHosts", "notMethods" };
    private static readonly string[] DenyPositive = { "paths", "hosts" };

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        var action = resource.IsIstio("AuthorizationPolicy") ? AuthorizationPolicies.Action(resource, context) : null;
        if (action is not ("ALLOW" or "DENY"))
        {
            return;
        }

        var allow = action == "ALLOW";
        foreach (var (operation, path) in AuthorizationPolicies.Operations(resource, context))
        {
            foreach (var field in allow ? AllowNegative : DenyPositive)
            {
                if (context.HasItems(operation, field))
                {
                    Report(resource, context, allow, path.Field(field), context.Get(operation, field)!);
                }
            }
        }

        foreach (var (condition, path) in AuthorizationPolicies.Conditions(resource, context))
        {
            // A DENY on positive values is fine for IPs or claims; header values are where spelling varies.
            var field = allow ? "notValues" : "values";
            var headerKey = context.Text(condition, "key") is { } key && key.StartsWith("request.headers[", System.StringComparison.Ordinal);
            if (context.HasItems(condition, field) && (allow || headerKey))
            {
                Report(resource, context, allow, path.Field(field), context.Get(condition, field)!);
            }
        }
    }

    private static void Report(AnalyzedResource resource, AnalysisContext context, bool allow, string path, DocumentNode node)
    {
        var message = allow
            ? $"{resource} is an ALLOW policy that matches by exclusion at {path}: a request that escapes the list (another spelling of the path, a port in the Host header) is allowed; list what is allowed with the positive field instead"
            : $"{resource} is a DENY policy that matches positively at {path}: a request spelled differently (case, %2F, //, a port in the Host header) escapes the deny; deny with the negative field listing what is allowed, or normalize paths (meshConfig.pathNormalization)";
        context.Report(Rule, resource, path, node, message);
    }
}

/// <summary>MESH1044: a DENY policy lists an exact host without its <c>host:*</c> variant: a Host header with a port escapes it.</summary>
internal sealed class HostMatchWithoutPort() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1044",
        "DENY host match without a port variant",
        RuleSeverity.Warning,
        "Security",
        "A DENY AuthorizationPolicy lists an exact host (hosts or notHosts) without the same host followed by :*; the Host header may carry a port (foo.com:80), which the exact entry does not match.");

    public override void Check(AnalyzedResource resource, AnalysisContext context) => HostPorts.Check(Rule, "DENY", resource, context);
}

/// <summary>MESH1054: the ALLOW counterpart of MESH1044, at Info: a Host header with a port is refused (hosts) or let through (notHosts).</summary>
internal sealed class HostMatchWithoutPortInAllow() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1054",
        "ALLOW host match without a port variant",
        RuleSeverity.Info,
        "Security",
        "An ALLOW AuthorizationPolicy lists an exact host (hosts or notHosts) without the same host followed by :*; requests whose Host header carries a port are refused by hosts, and let through by notHosts.");

    public override void Check(AnalyzedResource resource, AnalysisContext context) => HostPorts.Check(Rule, "ALLOW", resource, context);
}

/// <summary>MESH1047: an AuthorizationPolicy with <c>istio.io/dry-run: "true"</c> is logged but not enforced.</summary>
internal sealed class DryRunPolicy() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1047",
        "AuthorizationPolicy in dry-run mode",
        RuleSeverity.Warning,
        "Security",
        "The annotation istio.io/dry-run: \"true\" makes Istio evaluate and log the AuthorizationPolicy without enforcing it; left on, the policy protects nothing.");

    private const string Annotation = "istio.io/dry-run";

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        if (!resource.IsIstio("AuthorizationPolicy"))
        {
            return;
        }

        var annotations = context.Map(context.Get(resource.Root, "metadata"), "annotations");
        var value = context.Text(annotations, Annotation) ?? (context.Boolean(annotations, Annotation) is { } flag ? (flag ? "true" : "false") : null);
        if (value is "1" or "t" or "T" or "true" or "True" or "TRUE")
        {
            const string path = "metadata.annotations." + Annotation;
            context.Report(Rule, resource, path, context.Get(annotations, Annotation)!, $"{resource} is in dry-run ({path}: \"{value}\"): it is logged, not enforced; remove the annotation once the logs show the policy does what you want");
        }
    }
}

/// <summary>MESH1048: a RequestAuthentication fetches its JWKS over plain HTTP.</summary>
internal sealed class JwksUriPlainHttp() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1048",
        "JWKS fetched over plain HTTP",
        RuleSeverity.Warning,
        "Security",
        "A RequestAuthentication jwtRules[].jwksUri uses http://: istiod fetches the token-signing keys without transport security, so whoever can alter that traffic can make forged tokens pass.");

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        if (!resource.IsIstio("RequestAuthentication"))
        {
            return;
        }

        foreach (var (index, jwtRule) in KnownFields.Maps(context, resource.Spec, "jwtRules"))
        {
            if (context.Text(jwtRule, "jwksUri") is { } uri && uri.StartsWith("http://", System.StringComparison.OrdinalIgnoreCase))
            {
                var path = $"spec.jwtRules[{index}].jwksUri";
                context.Report(Rule, resource, path, context.Get(jwtRule, "jwksUri")!, $"{resource} fetches signing keys from {uri} over plain HTTP ({path}); use an https:// URL");
            }
        }
    }
}

/// <summary>MESH1044 and MESH1054: exact hosts listed without their <c>:*</c> variant.</summary>
internal static class HostPorts
{
    private static readonly string[] HostFields = { "hosts", "notHosts" };

    public static void Check(RuleDescriptor rule, string action, AnalyzedResource resource, AnalysisContext context)
    {
        if (!resource.IsIstio("AuthorizationPolicy") || AuthorizationPolicies.Action(resource, context) != action)
        {
            return;
        }

        foreach (var (operation, path) in AuthorizationPolicies.Operations(resource, context))
        {
            foreach (var field in HostFields)
            {
                // The whole list must be known: the :* variant may be an item the analyzer cannot see.
                if (KnownFields.KnownStrings(context, operation, field) is not { } hosts)
                {
                    continue;
                }

                var escapes = (action == "DENY") == (field == "hosts");
                foreach (var (host, index, node) in KnownFields.Strings(operation, field, context))
                {
                    if (host.IndexOf('*') < 0 && host.IndexOf(':') < 0 && !Contains(hosts, host + ":*"))
                    {
                        var consequence = escapes ? "escapes the policy" : "is refused";
                        var list = path.Field(field);
                        context.Report(rule, resource, $"{list}[{index}]", node, $"{resource}: {list} lists '{host}' without '{host}:*', so a request with Host: {host}:80 does not match it and {consequence}; add '{host}:*' to {field}");
                    }
                }
            }
        }
    }

    private static bool Contains(IReadOnlyList<string> hosts, string host)
    {
        foreach (var candidate in hosts)
        {
            if (string.Equals(candidate, host, System.StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

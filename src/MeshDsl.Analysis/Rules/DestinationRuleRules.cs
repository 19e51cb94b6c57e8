using MeshDsl.Documents;

namespace MeshDsl.Analysis.Rules;

/// <summary>MESH1020: no outlier detection at any level of a DestinationRule: passive health checking is off.</summary>
internal sealed class NoOutlierDetection() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1020",
        "DestinationRule without outlier detection",
        RuleSeverity.Info,
        "Resilience",
        "No trafficPolicy of the DestinationRule (top level, port level or subset) sets outlierDetection, so Envoy keeps sending requests to endpoints that keep failing.");

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        if (resource.IsIstio("DestinationRule") && TrafficPolicies.NoneSets(resource, context, "outlierDetection", static (_, _) => true))
        {
            context.Report(Rule, resource, "spec", resource.Spec!, $"{resource} has no outlierDetection in any trafficPolicy; add one (for example consecutive5xxErrors: 5, interval: 30s, baseEjectionTime: 30s) so failing endpoints are ejected");
        }
    }
}

/// <summary>MESH1021: no connection-pool limit at any level: Envoy's defaults (2³²−1) mean no circuit breaking.</summary>
internal sealed class NoConnectionPoolLimits() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1021",
        "DestinationRule without connection-pool limits",
        RuleSeverity.Info,
        "Resilience",
        "No trafficPolicy of the DestinationRule limits connections or pending requests (tcp.maxConnections, http.http1MaxPendingRequests, http.http2MaxRequests); the defaults are 2^32-1, so nothing breaks the circuit under overload.");

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        if (resource.IsIstio("DestinationRule") && TrafficPolicies.NoneSets(resource, context, "connectionPool", HasLimit))
        {
            context.Report(Rule, resource, "spec", resource.Spec!, $"{resource} sets no connection-pool limit in any trafficPolicy; add connectionPool limits (for example tcp.maxConnections: 100, http.http1MaxPendingRequests: 50) so overload trips the circuit breaker");
        }
    }

    // A pool counts when it sets a limit, or when the analyzer cannot see all of it.
    private static bool HasLimit(DocumentMap pool, AnalysisContext context)
    {
        var tcp = context.Map(pool, "tcp");
        var http = context.Map(pool, "http");
        return context.Facts.IsOpen(pool)
            || context.IsSet(tcp, "maxConnections") || (tcp is not null && context.Facts.IsOpen(tcp))
            || context.IsSet(http, "http1MaxPendingRequests") || context.IsSet(http, "http2MaxRequests") || (http is not null && context.Facts.IsOpen(http));
    }
}

/// <summary>The trafficPolicy objects of a DestinationRule: top level, its port-level settings, and each subset's.</summary>
internal static class TrafficPolicies
{
    /// <summary>
    /// True when it is known that no trafficPolicy sets <paramref name="field"/> to something that <paramref name="counts"/>:
    /// every map on the way is complete, and no policy has the field (or one that counts).
    /// </summary>
    public static bool NoneSets(AnalyzedResource resource, AnalysisContext context, string field, System.Func<DocumentMap, AnalysisContext, bool> counts)
    {
        var spec = resource.Spec;
        if (spec is null || context.Facts.IsOpen(spec) || (context.Get(spec, "subsets") is DocumentList subsets && context.Facts.IsOpen(subsets)))
        {
            return false;
        }

        if (!Lacks(spec, field, counts, context))
        {
            return false;
        }

        foreach (var (_, subset) in KnownFields.Maps(context, spec, "subsets"))
        {
            if (!Lacks(subset, field, counts, context))
            {
                return false;
            }
        }

        return true;
    }

    // Is it known that the trafficPolicy of owner (the spec or a subset), if any, does not set the field?
    private static bool Lacks(DocumentMap owner, string field, System.Func<DocumentMap, AnalysisContext, bool> counts, AnalysisContext context)
    {
        if (context.Map(owner, "trafficPolicy") is not { } policy)
        {
            return context.IsAbsent(owner, "trafficPolicy");
        }

        if (context.Facts.IsOpen(policy) || !LacksField(policy, field, counts, context))
        {
            return false;
        }

        var ports = context.Items(policy, "portLevelSettings");
        for (var i = 0; i < ports.Count; i++)
        {
            if (ports[i] is not DocumentMap settings || context.Facts.IsOpen(settings) || !LacksField(settings, field, counts, context))
            {
                return false;
            }
        }

        return !(context.Get(policy, "portLevelSettings") is DocumentList list && context.Facts.IsOpen(list));
    }

    private static bool LacksField(DocumentMap policy, string field, System.Func<DocumentMap, AnalysisContext, bool> counts, AnalysisContext context) =>
        policy[field] switch
        {
            null => true,
            DocumentMap value => !counts(value, context),
            _ => false,
        };
}

using MeshDsl.Documents;

namespace MeshDsl.Analysis.Rules;

/// <summary>MESH1001: an HTTP route that forwards traffic has no timeout (istio/api: "default is disabled").</summary>
internal sealed class RouteWithoutTimeout : MeshRule
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1001",
        "HTTP route without a timeout",
        RuleSeverity.Warning,
        "Resilience",
        "An HTTP route that forwards traffic has no timeout, and Istio sets none by default: a slow upstream holds the caller's requests and connections until something else gives up.");

    public RouteWithoutTimeout()
        : base(Rule)
    {
    }

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        foreach (var (route, path) in HttpRoutes.Of(resource, context))
        {
            if (context.HasItems(route, "route") && context.IsAbsent(route, "timeout"))
            {
                context.Report(Rule, resource, path, route, $"{path} forwards traffic without a timeout; set one (for example timeout: 10s) so a slow upstream cannot hold callers indefinitely");
            }
        }
    }
}

/// <summary>MESH1002: retries without <c>perTryTimeout</c>: each attempt may use the whole route timeout, or run unbounded.</summary>
internal sealed class RetriesWithoutPerTryTimeout : MeshRule
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1002",
        "Retries without a per-try timeout",
        RuleSeverity.Warning,
        "Resilience",
        "A retry policy with attempts but no perTryTimeout: each attempt may consume the whole route timeout (or run unbounded without one), so the retries never get a chance.");

    public RetriesWithoutPerTryTimeout()
        : base(Rule)
    {
    }

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        foreach (var (route, path) in HttpRoutes.Of(resource, context))
        {
            var retries = context.Map(route, "retries");
            if (context.Integer(retries, "attempts") is > 0 && context.IsAbsent(retries, "perTryTimeout"))
            {
                context.Report(Rule, resource, path + ".retries", retries!, $"{path}.retries has {context.Integer(retries, "attempts")} attempts and no perTryTimeout; set one (for example perTryTimeout: 2s) so a hung attempt cannot use up the route's whole timeout");
            }
        }
    }
}

/// <summary>MESH1003: (attempts + 1) × perTryTimeout exceeds the route timeout, so the last attempts are cut off.</summary>
internal sealed class RetryBudgetExceedsTimeout : MeshRule
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1003",
        "Retry budget exceeds the route timeout",
        RuleSeverity.Warning,
        "Resilience",
        "The first try plus the retries, each allowed perTryTimeout, take longer than the route's timeout: the route gives up before the retries it promises can run.");

    public RetryBudgetExceedsTimeout()
        : base(Rule)
    {
    }

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        foreach (var (route, path) in HttpRoutes.Of(resource, context))
        {
            var retries = context.Map(route, "retries");
            if (Milliseconds(context.Text(route, "timeout")) is not { } timeout
                || Milliseconds(context.Text(retries, "perTryTimeout")) is not { } perTry
                || context.Integer(retries, "attempts") is not { } attempts
                || attempts <= 0)
            {
                continue;
            }

            var budget = (attempts + 1) * perTry;
            if (budget > timeout)
            {
                context.Report(Rule, resource, path + ".retries", retries!, $"{path}: {attempts + 1} tries × perTryTimeout {context.Text(retries, "perTryTimeout")} = {budget} ms, more than the route timeout {context.Text(route, "timeout")}; lower attempts or perTryTimeout, or raise the timeout to at least {budget} ms");
            }
        }
    }

    private static long? Milliseconds(string? duration) =>
        Duration.TryParseNanoseconds(duration, out var nanoseconds) && nanoseconds > 0 ? nanoseconds / 1_000_000 : null;
}

/// <summary>The HTTP routes of a VirtualService, with their paths.</summary>
internal static class HttpRoutes
{
    public static System.Collections.Generic.IEnumerable<(DocumentMap Route, string Path)> Of(AnalyzedResource resource, AnalysisContext context)
    {
        if (!resource.IsIstio("VirtualService"))
        {
            yield break;
        }

        var routes = context.Items(resource.Spec, "http");
        for (var i = 0; i < routes.Count; i++)
        {
            if (routes[i] is DocumentMap route)
            {
                yield return (route, $"spec.http[{i}]");
            }
        }
    }
}

using MeshDsl.Documents;

namespace MeshDsl.Analysis.Rules;

/// <summary>MESH1001: an HTTP route that forwards traffic has no timeout (istio/api: "default is disabled").</summary>
internal sealed class RouteWithoutTimeout() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1001",
        "HTTP route without a timeout",
        RuleSeverity.Warning,
        "Resilience",
        "An HTTP route that forwards traffic has no timeout, and Istio sets none by default: a slow upstream holds the caller's requests and connections until something else gives up.");

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        foreach (var (index, route) in HttpRoutes.Of(resource, context))
        {
            if (context.HasItems(route, "route") && context.IsAbsent(route, "timeout"))
            {
                var path = HttpRoutes.Path(index);
                context.Report(Rule, resource, path, route, $"{path} forwards traffic without a timeout; set one (for example timeout: 10s) so a slow upstream cannot hold callers indefinitely", "10s");
            }
        }
    }
}

/// <summary>MESH1002: retries without <c>perTryTimeout</c>: each attempt may use the whole route timeout, or run unbounded.</summary>
internal sealed class RetriesWithoutPerTryTimeout() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1002",
        "Retries without a per-try timeout",
        RuleSeverity.Warning,
        "Resilience",
        "A retry policy with attempts but no perTryTimeout: each attempt may consume the whole route timeout (or run unbounded without one), so the retries never get a chance.");

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        foreach (var (index, route) in HttpRoutes.Of(resource, context))
        {
            var retries = context.Map(route, "retries");
            if (context.Integer(retries, "attempts") is > 0 and var attempts && context.IsAbsent(retries, "perTryTimeout"))
            {
                var perTry = PerTryTimeout(context.Text(route, "timeout"), attempts);
                var path = HttpRoutes.Path(index);
                context.Report(Rule, resource, path + ".retries", retries!, $"{path}.retries has {attempts} attempts and no perTryTimeout; set one (for example perTryTimeout: {perTry}) so a hung attempt cannot use up the route's whole timeout", perTry);
            }
        }
    }

    // The try and its retries, each given an equal share of the route's timeout; 2s when the timeout is not known.
    private static string PerTryTimeout(string? timeout, long attempts) =>
        Duration.TryParseNanoseconds(timeout, out var nanoseconds) && nanoseconds >= 1_000_000 * (attempts + 1)
            ? $"{nanoseconds / 1_000_000 / (attempts + 1)}ms"
            : "2s";
}

/// <summary>MESH1003: (attempts + 1) × perTryTimeout exceeds the route timeout, so the last attempts are cut off.</summary>
internal sealed class RetryBudgetExceedsTimeout() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1003",
        "Retry budget exceeds the route timeout",
        RuleSeverity.Warning,
        "Resilience",
        "The first try plus the retries, each allowed perTryTimeout, take longer than the route's timeout: the route gives up before the retries it promises can run.");

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        foreach (var (index, route) in HttpRoutes.Of(resource, context))
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
                var path = HttpRoutes.Path(index);
                context.Report(Rule, resource, path + ".retries", retries!, $"{path}: {attempts + 1} tries × perTryTimeout {context.Text(retries, "perTryTimeout")} = {budget} ms, more than the route timeout {context.Text(route, "timeout")}; lower attempts or perTryTimeout, or raise the timeout to at least {budget} ms");
            }
        }
    }

    private static long? Milliseconds(string? duration) =>
        Duration.TryParseNanoseconds(duration, out var nanoseconds) && nanoseconds > 0 ? nanoseconds / 1_000_000 : null;
}

/// <summary>MESH1004: fault injection on a route that also sets retries or a timeout, which Istio then does not enable.</summary>
internal sealed class FaultDisablesRetriesAndTimeout() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1004",
        "Fault injection disables the route's retries and timeout",
        RuleSeverity.Info,
        "Resilience",
        "When an HTTP route injects faults, Istio enables neither its timeout nor its retries (istio/api: \"timeouts or retries will not be enabled when faults are enabled\"), so a fault test does not exercise them.");

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        foreach (var (index, route) in HttpRoutes.Of(resource, context))
        {
            if (context.Get(route, "fault") is not { } fault)
            {
                continue;
            }

            // Retries count when they retry: attempts unset or 0 already disables them.
            var timeout = context.IsSet(route, "timeout");
            var retries = context.Integer(context.Map(route, "retries"), "attempts") is > 0;
            if (timeout || retries)
            {
                var disabled = timeout && retries ? "timeout and retries" : timeout ? "timeout" : "retries";
                var path = HttpRoutes.Path(index);
                context.Report(Rule, resource, path + ".fault", fault, $"{path} injects faults and also sets {disabled}, which Istio does not enable while faults are injected; test them on a route without fault, or drop them here");
            }
        }
    }
}

/// <summary>MESH1005: a fault delay or abort without a percentage never triggers.</summary>
internal sealed class FaultWithoutPercentage() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1005",
        "Fault without a percentage",
        RuleSeverity.Warning,
        "Resilience",
        "A fault delay or abort without percentage (and, for a delay, without the deprecated percent) applies to no request at all: the fault is configured but never injected.");

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        foreach (var (index, route) in HttpRoutes.Of(resource, context))
        {
            var fault = context.Map(route, "fault");
            var delay = context.Map(fault, "delay");
            if (context.IsAbsent(delay, "percentage") && (context.IsAbsent(delay, "percent") || context.Integer(delay, "percent") == 0))
            {
                var path = HttpRoutes.Path(index);
                context.Report(Rule, resource, path + ".fault.delay", delay!, $"{path}.fault.delay has no percentage, so no request is delayed; set percentage (for example percentage: {{value: 10}}), or remove the delay");
            }

            var abort = context.Map(fault, "abort");
            if (context.IsAbsent(abort, "percentage"))
            {
                var path = HttpRoutes.Path(index);
                context.Report(Rule, resource, path + ".fault.abort", abort!, $"{path}.fault.abort has no percentage, so no request is aborted; set percentage (for example percentage: {{value: 10}}), or remove the abort");
            }
        }
    }
}

/// <summary>MESH1006: a mirror without a percentage copies every request.</summary>
internal sealed class MirrorWithoutPercentage() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1006",
        "Mirror without a percentage",
        RuleSeverity.Info,
        "Routing",
        "A mirror (mirror, or an entry of mirrors) without a percentage copies 100% of the route's requests to the mirror host, which doubles the load the route generates.");

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        foreach (var (index, route) in HttpRoutes.Of(resource, context))
        {
            if (context.Get(route, "mirror") is { } mirror && context.IsAbsent(route, "mirrorPercentage") && context.IsAbsent(route, "mirrorPercent") && context.IsAbsent(route, "mirror_percent"))
            {
                var path = HttpRoutes.Path(index);
                context.Report(Rule, resource, path + ".mirror", mirror, $"{path}.mirror has no mirrorPercentage, so every request is also sent to the mirror; set mirrorPercentage (for example {{value: 10}}) unless mirroring all traffic is intended");
            }

            var mirrors = context.Items(route, "mirrors");
            for (var j = 0; j < mirrors.Count; j++)
            {
                if (context.IsAbsent(mirrors[j], "percentage"))
                {
                    var path = HttpRoutes.Path(index);
                    context.Report(Rule, resource, $"{path}.mirrors[{j}]", mirrors[j], $"{path}.mirrors[{j}] has no percentage, so every request is also sent to it; set percentage (for example {{value: 10}}) unless mirroring all traffic is intended");
                }
            }
        }
    }
}

/// <summary>MESH1009: among weighted destinations, one without weight (or weight 0) gets no traffic.</summary>
internal sealed class ZeroWeightDestination() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1009",
        "Destination without weight gets no traffic",
        RuleSeverity.Warning,
        "Routing",
        "When a route has several destinations and some have a weight, a destination whose weight is unset or 0 receives no traffic at all (istio/api: a weight of 0 means no traffic when there is more than one destination).");

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        foreach (var section in HttpRoutes.Sections)
        {
            foreach (var (index, rule) in HttpRoutes.Of(resource, context, section))
            {
                var routes = context.Items(rule, "route");
                if (routes.Count < 2 || !AnyWeighted(routes, context))
                {
                    continue;
                }

                for (var j = 0; j < routes.Count; j++)
                {
                    var weight = context.IsAbsent(routes[j], "weight") ? "no weight" : context.Integer(routes[j], "weight") == 0 ? "weight 0" : null;
                    if (weight is not null)
                    {
                        var path = HttpRoutes.Path(section, index);
                        context.Report(Rule, resource, $"{path}.route[{j}]", routes[j], $"{path}.route[{j}] has {weight} while other destinations of the route have one, so it gets no traffic; give it a weight, or remove it");
                    }
                }
            }
        }
    }

    private static bool AnyWeighted(System.Collections.Generic.IReadOnlyList<DocumentNode> routes, AnalysisContext context)
    {
        for (var j = 0; j < routes.Count; j++)
        {
            if (context.Integer(routes[j], "weight") is > 0)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The rules of a VirtualService's route sections (HTTP routes unless told otherwise), with their indexes.</summary>
internal static class HttpRoutes
{
    /// <summary>The sections of a VirtualService that hold routes to destinations.</summary>
    public static readonly string[] Sections = { "http", "tcp", "tls" };

    /// <summary><c>spec.http[i]</c> of a VirtualService (nothing for other kinds).</summary>
    public static MapItems Of(AnalyzedResource resource, AnalysisContext context) => Of(resource, context, "http");

    /// <summary>The rules of one section of a VirtualService: <c>http</c>, <c>tcp</c> or <c>tls</c>.</summary>
    public static MapItems Of(AnalyzedResource resource, AnalysisContext context, string section) =>
        resource.IsIstio("VirtualService") ? KnownFields.Maps(context, resource.Spec, section) : default;

    /// <summary>
    /// <c>spec.http[i]</c>, spelled out only when a finding needs it: most routes have none, and the rules that walk
    /// them would otherwise format it per route and per rule.
    /// </summary>
    public static string Path(int index) => Path("http", index);

    /// <summary><c>spec.{section}[i]</c>: the one spelling of a route's path, for every rule that reports on one.</summary>
    public static string Path(string section, int index) => $"spec.{section}[{index}]";
}

using System.Collections.Generic;
using System.Linq;
using MeshDsl.Documents;

namespace MeshDsl.Validation.Istio;

/// <summary>
/// The checks Istio's validating webhook runs on a VirtualService beyond its CRD schema
/// (ISTIO-CHECKS.md §B.2; the VSnn id is in each message).
/// </summary>
internal static class VirtualServiceChecks
{
    // Envoy's retry policies (VS22); an HTTP status code is accepted too.
    private static readonly HashSet<string> RetryPolicies = new(System.StringComparer.Ordinal)
    {
        "5xx", "gateway-error", "reset", "reset-before-request", "connect-failure", "retriable-4xx", "refused-stream",
        "retriable-status-codes", "retriable-headers", "envoy-ratelimited", "http3-post-connect-failure",
        "cancelled", "deadline-exceeded", "internal", "resource-exhausted", "unavailable",
    };

    private static readonly string[] StringMatchFields = { "uri", "scheme", "method", "authority" };

    public static void Check(DocumentMap document, Findings findings)
    {
        var spec = document.Map("spec");
        if (spec is null)
        {
            return;
        }

        var hosts = spec.Items("hosts").OfType<DocumentScalar>().Select(h => h.Text).ToList();
        var gateways = spec.Items("gateways").OfType<DocumentScalar>().Select(g => g.Text).ToList();
        if (!spec.Has("http") && !spec.Has("tcp") && !spec.Has("tls"))
        {
            findings.Error(IstioIds.VirtualService, "spec", spec, "VS05: a VirtualService needs at least one of http, tcp or tls routes");
        }

        if (hosts.Contains("*") && (gateways.Count == 0 || gateways.Contains("mesh")))
        {
            findings.Error(IstioIds.VirtualService, "spec.hosts", spec.Get("hosts")!, "VS03: host '*' is not allowed for a VirtualService that applies to sidecars (no gateways, or 'mesh'); name the hosts");
        }

        var index = 0;
        foreach (var route in spec.Items("http"))
        {
            CheckHttpRoute(route, $"spec.http[{index++}]", findings);
        }
    }

    private static void CheckHttpRoute(DocumentNode route, string path, Findings findings)
    {
        var hasRoute = route.Has("route");
        var hasRedirect = route.Has("redirect");
        var hasDirect = route.Has("directResponse");
        if (!route.Has("delegate") && !hasRoute && !hasRedirect && !hasDirect)
        {
            findings.Error(IstioIds.VirtualService, path, route, "VS08: an HTTP route needs one action: route, redirect or directResponse");
        }

        if (hasRedirect && (hasRoute || hasDirect || route.Has("fault") || route.Has("rewrite")))
        {
            findings.Error(IstioIds.VirtualService, path + ".redirect", route.Get("redirect")!, "VS08: redirect cannot be combined with route, directResponse, fault or rewrite");
        }
        else if (hasDirect && (hasRoute || route.Has("fault") || route.Has("rewrite")))
        {
            findings.Error(IstioIds.VirtualService, path + ".directResponse", route.Get("directResponse")!, "VS08: directResponse cannot be combined with route, fault or rewrite");
        }

        if (route.Has("mirror") && route.Has("mirrors"))
        {
            findings.Error(IstioIds.VirtualService, path + ".mirrors", route.Get("mirrors")!, "VS09: mirror and mirrors are mutually exclusive; use mirrors");
        }

        var matchIndex = 0;
        foreach (var match in route.Items("match"))
        {
            CheckMatch(match, $"{path}.match[{matchIndex++}]", findings);
        }

        if (route.Map("redirect") is { } redirect && redirect.Integer("redirectCode") is { } code && code is < 300 or > 399)
        {
            findings.Error(IstioIds.VirtualService, path + ".redirect.redirectCode", redirect.Get("redirectCode")!, $"VS20: redirectCode {code} is not a redirection (300-399)");
        }

        if (route.Map("redirect") is { } target && target.Text("scheme") is { } scheme && scheme is not ("http" or "https"))
        {
            findings.Error(IstioIds.VirtualService, path + ".redirect.scheme", target.Get("scheme")!, $"VS20: redirect scheme '{scheme}' is not http or https");
        }

        CheckRetries(route, path, findings);
        CheckWeights(route, path, findings);
    }

    private static void CheckMatch(DocumentNode match, string path, Findings findings)
    {
        foreach (var field in StringMatchFields)
        {
            CheckStringMatch(match.Get(field), $"{path}.{field}", field != "uri", findings);
        }

        foreach (var group in new[] { "headers", "withoutHeaders", "queryParams" })
        {
            if (match.Get(group) is DocumentMap entries)
            {
                foreach (var entry in entries)
                {
                    CheckStringMatch(entry.Value, $"{path}.{group}.{entry.Key}", prefixMustBeNonEmpty: true, findings);
                }
            }
        }
    }

    private static void CheckStringMatch(DocumentNode? match, string path, bool prefixMustBeNonEmpty, Findings findings)
    {
        if (match.Text("regex") is { } regex && regex != "*")
        {
            var problem = regex.Length == 0 ? "it is empty" : regex.Length > 1024 ? "it is longer than 1024 characters" : Re2Patterns.Problem(regex);
            if (problem is not null)
            {
                findings.Error(IstioIds.VirtualService, path + ".regex", match!.Get("regex")!, $"VS13: regex '{regex}' is not valid: {problem}");
            }
        }

        if (prefixMustBeNonEmpty && match.Text("prefix") is "")
        {
            findings.Error(IstioIds.VirtualService, path + ".prefix", match!.Get("prefix")!, "VS13: prefix must not be empty");
        }
    }

    private static void CheckRetries(DocumentNode route, string path, Findings findings)
    {
        if (route.Map("retries") is not { } retries)
        {
            return;
        }

        if (retries.Integer("attempts") == 0 && (retries.Has("perTryTimeout") || retries.Has("retryOn") || retries.Has("retryRemoteLocalities")))
        {
            findings.Error(IstioIds.VirtualService, path + ".retries", retries, "VS22: attempts: 0 disables retries, so perTryTimeout, retryOn and retryRemoteLocalities cannot be set");
        }

        if (retries.Text("retryOn") is { } retryOn)
        {
            foreach (var policy in retryOn.Split(',').Select(p => p.Trim()))
            {
                if (!RetryPolicies.Contains(policy) && !(policy.Length == 3 && int.TryParse(policy, out var status) && status is >= 100 and <= 599))
                {
                    findings.Error(IstioIds.VirtualService, path + ".retries.retryOn", retries.Get("retryOn")!, $"VS22: '{policy}' is not an Envoy retry policy ({string.Join(", ", RetryPolicies.OrderBy(p => p, System.StringComparer.Ordinal))}) nor an HTTP status code");
                }
            }
        }
    }

    private static void CheckWeights(DocumentNode route, string path, Findings findings)
    {
        var destinations = route.Items("route").ToList();
        if (destinations.Count > 1 && destinations.All(d => (d.Integer("weight") ?? 0) == 0))
        {
            findings.Error(IstioIds.VirtualService, path + ".route", route.Get("route")!, "VS24: with more than one destination, the weights cannot all be 0; give each a weight");
        }

        var index = 0;
        foreach (var destination in destinations)
        {
            if (destination.Map("destination").Text("host") == "*")
            {
                findings.Error(IstioIds.VirtualService, $"{path}.route[{index}].destination.host", destination.Map("destination")!.Get("host")!, "VS24: destination host '*' is not allowed; name the service");
            }

            index++;
        }
    }
}

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

    private static readonly string[] StringMatchGroups = { "headers", "withoutHeaders", "queryParams" };

    public static void Check(DocumentMap document, Findings findings)
    {
        var spec = document.Map("spec");
        if (spec is null)
        {
            return;
        }

        if (!spec.Has("http") && !spec.Has("tcp") && !spec.Has("tls"))
        {
            findings.Error(IstioIds.VirtualService, "spec", spec, "VS05: a VirtualService needs at least one of http, tcp or tls routes");
        }

        if (ListsString(spec, "hosts", "*") && (!ListsString(spec, "gateways", null) || ListsString(spec, "gateways", "mesh")))
        {
            findings.Error(IstioIds.VirtualService, "spec.hosts", spec.Get("hosts")!, "VS03: host '*' is not allowed for a VirtualService that applies to sidecars (no gateways, or 'mesh'); name the hosts");
        }

        var routes = List(spec, "http");
        for (var i = 0; i < routes.Count; i++)
        {
            CheckHttpRoute(routes[i], new RoutePath(i), findings);
        }
    }

    private static void CheckHttpRoute(DocumentNode route, RoutePath path, Findings findings)
    {
        var hasRoute = route.Has("route");
        var hasRedirect = route.Has("redirect");
        var hasDirect = route.Has("directResponse");
        if (!route.Has("delegate") && !hasRoute && !hasRedirect && !hasDirect)
        {
            findings.Error(IstioIds.VirtualService, path.Of(), route, "VS08: an HTTP route needs one action: route, redirect or directResponse");
        }

        if (hasRedirect && (hasRoute || hasDirect || route.Has("fault") || route.Has("rewrite")))
        {
            findings.Error(IstioIds.VirtualService, path.Of(".redirect"), route.Get("redirect")!, "VS08: redirect cannot be combined with route, directResponse, fault or rewrite");
        }
        else if (hasDirect && (hasRoute || route.Has("fault") || route.Has("rewrite")))
        {
            findings.Error(IstioIds.VirtualService, path.Of(".directResponse"), route.Get("directResponse")!, "VS08: directResponse cannot be combined with route, fault or rewrite");
        }

        if (route.Has("mirror") && route.Has("mirrors"))
        {
            findings.Error(IstioIds.VirtualService, path.Of(".mirrors"), route.Get("mirrors")!, "VS09: mirror and mirrors are mutually exclusive; use mirrors");
        }

        var matches = List(route, "match");
        for (var i = 0; i < matches.Count; i++)
        {
            CheckMatch(matches[i], path, i, findings);
        }

        if (route.Map("redirect") is { } redirect && redirect.Integer("redirectCode") is { } code && code is < 300 or > 399)
        {
            findings.Error(IstioIds.VirtualService, path.Of(".redirect.redirectCode"), redirect.Get("redirectCode")!, $"VS20: redirectCode {code} is not a redirection (300-399)");
        }

        if (route.Map("redirect") is { } target && target.Text("scheme") is { } scheme && scheme is not ("http" or "https"))
        {
            findings.Error(IstioIds.VirtualService, path.Of(".redirect.scheme"), target.Get("scheme")!, $"VS20: redirect scheme '{scheme}' is not http or https");
        }

        CheckRetries(route, path, findings);
        CheckWeights(route, path, findings);
    }

    private static void CheckMatch(DocumentNode match, RoutePath route, int index, Findings findings)
    {
        foreach (var field in StringMatchFields)
        {
            CheckStringMatch(match.Get(field), new StringMatchPath(route, index, field, null), field != "uri", findings);
        }

        foreach (var group in StringMatchGroups)
        {
            if (match.Get(group) is DocumentMap entries)
            {
                foreach (var entry in entries)
                {
                    CheckStringMatch(entry.Value, new StringMatchPath(route, index, group, entry.Key), prefixMustBeNonEmpty: true, findings);
                }
            }
        }
    }

    private static void CheckStringMatch(DocumentNode? match, StringMatchPath path, bool prefixMustBeNonEmpty, Findings findings)
    {
        if (match.Text("regex") is { } regex && regex != "*")
        {
            var problem = regex.Length == 0 ? "it is empty" : regex.Length > 1024 ? "it is longer than 1024 characters" : Re2Patterns.Problem(regex);
            if (problem is not null)
            {
                findings.Error(IstioIds.VirtualService, path.Of("regex"), match!.Get("regex")!, $"VS13: regex '{regex}' is not valid: {problem}");
            }
        }

        if (prefixMustBeNonEmpty && match.Text("prefix") is "")
        {
            findings.Error(IstioIds.VirtualService, path.Of("prefix"), match!.Get("prefix")!, "VS13: prefix must not be empty");
        }
    }

    private static void CheckRetries(DocumentNode route, RoutePath path, Findings findings)
    {
        if (route.Map("retries") is not { } retries)
        {
            return;
        }

        if (retries.Integer("attempts") == 0 && (retries.Has("perTryTimeout") || retries.Has("retryOn") || retries.Has("retryRemoteLocalities")))
        {
            findings.Error(IstioIds.VirtualService, path.Of(".retries"), retries, "VS22: attempts: 0 disables retries, so perTryTimeout, retryOn and retryRemoteLocalities cannot be set");
        }

        if (retries.Text("retryOn") is { } retryOn)
        {
            // Comma-separated, each policy trimmed; walked in place, so a valid list allocates nothing.
            for (var start = 0; start <= retryOn.Length;)
            {
                var end = retryOn.IndexOf(',', start) is var comma and >= 0 ? comma : retryOn.Length;
                if (!IsRetryPolicy(retryOn, start, end))
                {
                    var policy = retryOn.Substring(start, end - start).Trim();
                    findings.Error(IstioIds.VirtualService, path.Of(".retries.retryOn"), retries.Get("retryOn")!, $"VS22: '{policy}' is not an Envoy retry policy ({string.Join(", ", RetryPolicies.OrderBy(p => p, System.StringComparer.Ordinal))}) nor an HTTP status code");
                }

                start = end + 1;
            }
        }
    }

    // Is retryOn[start..end], trimmed, an Envoy retry policy or an HTTP status code?
    private static bool IsRetryPolicy(string retryOn, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(retryOn[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(retryOn[end - 1]))
        {
            end--;
        }

        var length = end - start;
        if (length == 3 && IsDigit(retryOn[start]) && IsDigit(retryOn[start + 1]) && IsDigit(retryOn[start + 2])
            && ((retryOn[start] - '0') * 100) + ((retryOn[start + 1] - '0') * 10) + (retryOn[start + 2] - '0') is >= 100 and <= 599)
        {
            return true;
        }

        foreach (var policy in RetryPolicies)
        {
            if (policy.Length == length && string.CompareOrdinal(retryOn, start, policy, 0, length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static void CheckWeights(DocumentNode route, RoutePath path, Findings findings)
    {
        var destinations = List(route, "route");
        if (destinations.Count > 1 && AllWeightsZero(destinations))
        {
            findings.Error(IstioIds.VirtualService, path.Of(".route"), route.Get("route")!, "VS24: with more than one destination, the weights cannot all be 0; give each a weight");
        }

        for (var i = 0; i < destinations.Count; i++)
        {
            if (destinations[i].Map("destination").Text("host") == "*")
            {
                findings.Error(IstioIds.VirtualService, path.Of($".route[{i}].destination.host"), destinations[i].Map("destination")!.Get("host")!, "VS24: destination host '*' is not allowed; name the service");
            }
        }
    }

    private static bool AllWeightsZero(IReadOnlyList<DocumentNode> destinations)
    {
        for (var i = 0; i < destinations.Count; i++)
        {
            if ((destinations[i].Integer("weight") ?? 0) != 0)
            {
                return false;
            }
        }

        return true;
    }

    // The items of a list field, indexed: foreach over Nodes.Items allocates an enumerator per list, and these checks run
    // on every VirtualService while the user types.
    private static IReadOnlyList<DocumentNode> List(DocumentNode node, string key) =>
        node.Get(key) as DocumentList ?? (IReadOnlyList<DocumentNode>)System.Array.Empty<DocumentNode>();

    // Does the list field hold the string value (any string item, for null)?
    private static bool ListsString(DocumentNode node, string key, string? value)
    {
        var items = List(node, key);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is DocumentScalar scalar && (value is null || scalar.Text == value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>spec.http[i]</c> and the fields below it, spelled out only for a finding: most routes have none, and the checks
    /// look at every field of every match.
    /// </summary>
    private readonly struct RoutePath(int index)
    {
        public string Of(string below = "") => $"spec.http[{index}]{below}";
    }

    /// <summary>A StringMatch of a route's match: <c>spec.http[i].match[j].uri</c>, <c>spec.http[i].match[j].headers.name</c>.</summary>
    private readonly struct StringMatchPath(RoutePath route, int match, string field, string? key)
    {
        /// <summary>The path of a field of the StringMatch.</summary>
        public string Of(string name) =>
            key is null ? route.Of($".match[{match}].{field}.{name}") : route.Of($".match[{match}].{field}.{key}.{name}");
    }
}

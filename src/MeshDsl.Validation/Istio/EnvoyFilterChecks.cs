using System;
using System.Collections.Generic;
using System.Linq;
using MeshDsl.Documents;

namespace MeshDsl.Validation.Istio;

/// <summary>
/// The checks Istio's validating webhook runs on an EnvoyFilter beyond its CRD schema and CEL rules
/// (ISTIO-CHECKS.md §B.11; the EFnn id is in each message). EF07 (patch values build into Envoy's xDS types)
/// is not checked: it needs Envoy's protobuf descriptors. As in Istio, a config patch's checks stop at its first error.
/// </summary>
internal static class EnvoyFilterChecks
{
    private const string ConnectionManager = "envoy.filters.network.http_connection_manager";

    private static readonly HashSet<string> ListenerClass = new(StringComparer.Ordinal) { "LISTENER", "FILTER_CHAIN", "NETWORK_FILTER", "HTTP_FILTER" };

    private static readonly HashSet<string> RouteClass = new(StringComparer.Ordinal) { "ROUTE_CONFIGURATION", "VIRTUAL_HOST", "HTTP_ROUTE" };

    // Istio's xds.DeprecatedFilterNames, reversed: deprecated name → canonical name.
    private static readonly Dictionary<string, string> DeprecatedFilterNames = new(StringComparer.Ordinal)
    {
        ["envoy.buffer"] = "envoy.filters.http.buffer", ["envoy.cors"] = "envoy.filters.http.cors", ["envoy.csrf"] = "envoy.filters.http.csrf",
        ["envoy.http_dynamo_filter"] = "envoy.filters.http.dynamo", ["envoy.ext_authz"] = "envoy.filters.http.ext_authz or envoy.filters.network.ext_authz",
        ["envoy.fault"] = "envoy.filters.http.fault", ["envoy.grpc_http1_bridge"] = "envoy.filters.http.grpc_http1_bridge",
        ["envoy.grpc_json_transcoder"] = "envoy.filters.http.grpc_json_transcoder", ["envoy.grpc_web"] = "envoy.filters.http.grpc_web",
        ["envoy.gzip"] = "envoy.filters.http.gzip", ["envoy.health_check"] = "envoy.filters.http.health_check", ["envoy.ip_tagging"] = "envoy.filters.http.ip_tagging",
        ["envoy.lua"] = "envoy.filters.http.lua", ["envoy.rate_limit"] = "envoy.filters.http.ratelimit", ["envoy.router"] = "envoy.filters.http.router",
        ["envoy.squash"] = "envoy.filters.http.squash", ["envoy.listener.http_inspector"] = "envoy.filters.listener.http_inspector",
        ["envoy.listener.original_dst"] = "envoy.filters.listener.original_dst", ["envoy.listener.original_src"] = "envoy.filters.listener.original_src",
        ["envoy.listener.proxy_protocol"] = "envoy.filters.listener.proxy_protocol", ["envoy.listener.tls_inspector"] = "envoy.filters.listener.tls_inspector",
        ["envoy.client_ssl_auth"] = "envoy.filters.network.client_ssl_auth", ["envoy.http_connection_manager"] = ConnectionManager,
        ["envoy.mongo_proxy"] = "envoy.filters.network.mongo_proxy", ["envoy.ratelimit"] = "envoy.filters.network.ratelimit",
        ["envoy.redis_proxy"] = "envoy.filters.network.redis_proxy", ["envoy.tcp_proxy"] = "envoy.filters.network.tcp_proxy",
    };

    public static void Check(DocumentMap document, Findings findings)
    {
        findings.Warning(IstioIds.EnvoyFilter, "kind", document.Get("kind") ?? document, "EF01: EnvoyFilter exposes Envoy internals that may change in any Istio release; prefer another API if one fits, and retest it on every upgrade");
        foreach (var (patch, i) in document.Map("spec").Items("configPatches").Select((p, i) => (p, i)))
        {
            _ = CheckPatchShape(patch, $"spec.configPatches[{i}]", findings)
                && CheckProxyVersion((DocumentMap)patch, $"spec.configPatches[{i}]", findings)
                && CheckMatchKind((DocumentMap)patch, $"spec.configPatches[{i}]", findings)
                && CheckFilterMatch((DocumentMap)patch, $"spec.configPatches[{i}].match.listener.filterChain.filter", findings);
        }
    }

    private static bool CheckPatchShape(DocumentNode patch, string path, Findings findings)
    {
        if (patch is not DocumentMap)
        {
            if (patch is DocumentScalar { Kind: ScalarKind.Null })
            {
                findings.Error(IstioIds.EnvoyFilter, path, patch, "EF03: a config patch cannot be null");
            }

            return false;
        }

        var operation = patch.Map("patch").Text("operation");
        var problem = patch.Text("applyTo") is null or "INVALID" ? "a config patch needs applyTo"
            : patch.Map("patch") is null ? "a config patch needs a patch"
            : operation is null or "INVALID" ? "a config patch needs patch.operation"
            : operation != "REMOVE" && patch.Map("patch")!.Get("value") is null or DocumentScalar { Kind: ScalarKind.Null } ? $"patch.operation {operation} needs patch.value (only REMOVE takes none)"
            : null;
        if (problem is not null)
        {
            findings.Error(IstioIds.EnvoyFilter, path, patch, "EF03: " + problem);
        }

        return problem is null;
    }

    private static bool CheckProxyVersion(DocumentMap patch, string path, Findings findings)
    {
        var version = patch.Map("match").Map("proxy").Text("proxyVersion");
        if (version is { Length: > 0 } && Re2Patterns.Problem(version) is { } problem)
        {
            findings.Error(IstioIds.EnvoyFilter, path + ".match.proxy.proxyVersion", patch.Map("match")!.Map("proxy")!.Get("proxyVersion")!, $"EF04: proxyVersion '{version}' is not a valid regex: {problem}");
            return false;
        }

        return true;
    }

    // Istio's waypoint match is left alone: this check predates it.
    private static bool CheckMatchKind(DocumentMap patch, string path, Findings findings)
    {
        var applyTo = patch.Text("applyTo")!;
        var match = patch.Map("match");
        var expected = ListenerClass.Contains(applyTo) ? "listener" : RouteClass.Contains(applyTo) ? "routeConfiguration" : applyTo == "CLUSTER" ? "cluster" : null;
        var other = new[] { "listener", "routeConfiguration", "cluster" }.FirstOrDefault(k => k != expected && match.Has(k));
        if (expected is null || other is null || match!.Has(expected))
        {
            return true;
        }

        findings.Error(IstioIds.EnvoyFilter, $"{path}.match.{other}", match.Get(other)!, $"EF05: applyTo {applyTo} patches {expected} objects, so its match must be a {expected} match, not a {other} match");
        return !ListenerClass.Contains(applyTo);
    }

    private static bool CheckFilterMatch(DocumentMap patch, string path, Findings findings)
    {
        var applyTo = patch.Text("applyTo")!;
        if (!ListenerClass.Contains(applyTo) || patch.Map("match").Map("listener").Map("filterChain").Get("filter") is not DocumentMap filter)
        {
            return true;
        }

        if (applyTo is "LISTENER" or "FILTER_CHAIN")
        {
            findings.Warning(IstioIds.EnvoyFilter, path, filter, $"EF06: a filter match has no effect with applyTo {applyTo}");
        }

        if (FilterMatchProblem(filter, applyTo, path) is { } problem)
        {
            findings.Error(IstioIds.EnvoyFilter, problem.Path, problem.Node, "EF06: " + problem.Text);
            return false;
        }

        WarnOnDeprecatedName(filter, path, findings);
        WarnOnDeprecatedName(filter.Get("subFilter") as DocumentMap, path + ".subFilter", findings);
        return true;
    }

    private static (string Path, DocumentNode Node, string Text)? FilterMatchProblem(DocumentMap filter, string applyTo, string path)
    {
        var name = filter.Text("name");
        if (name is null or "")
        {
            return (path, filter, "a filter match needs the filter's name");
        }

        if (filter.Get("subFilter") is not DocumentMap subFilter)
        {
            return null;
        }

        return applyTo != "HTTP_FILTER" ? (path + ".subFilter", subFilter, "a subFilter match can be used only with applyTo HTTP_FILTER")
            : name is not (ConnectionManager or "envoy.http_connection_manager") ? (path + ".name", filter.Get("name")!, $"a subFilter match needs the filter match to be {ConnectionManager}")
            : subFilter.Text("name") is null or "" ? (path + ".subFilter", subFilter, "a subFilter match needs the subFilter's name")
            : null;
    }

    private static void WarnOnDeprecatedName(DocumentMap? filter, string path, Findings findings)
    {
        if (filter.Text("name") is { } name && DeprecatedFilterNames.TryGetValue(name, out var canonical))
        {
            findings.Warning(IstioIds.EnvoyFilter, path + ".name", filter!.Get("name")!, $"EF06: filter name '{name}' is deprecated; use {canonical}");
        }
    }
}

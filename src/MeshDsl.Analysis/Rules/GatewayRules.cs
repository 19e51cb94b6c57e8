using System.Collections.Generic;
using MeshDsl.Documents;

namespace MeshDsl.Analysis.Rules;

/// <summary>MESH1030: a Gateway server host <c>*</c> or <c>*/*</c> lets any VirtualService anywhere bind any domain.</summary>
internal sealed class GatewayWildcardHost() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1030",
        "Gateway server accepts every host",
        RuleSeverity.Warning,
        "Gateways",
        "A Gateway server lists the host * or */*: any VirtualService in any namespace can bind any domain to the gateway and take its traffic. List the domains, or limit by namespace (frontend/*).");

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        foreach (var (serverIndex, server) in GatewayServers.Of(resource, context))
        {
            foreach (var (host, index, node) in KnownFields.Strings(server, "hosts", context))
            {
                if (host is "*" or "*/*")
                {
                    var path = GatewayServers.Path(serverIndex);
                    context.Report(Rule, resource, $"{path}.hosts[{index}]", node, $"{resource}: {path}.hosts[{index}] is '{host}', so a VirtualService in any namespace can bind any domain to this gateway; list the domains (app.example.com, *.example.com) or a namespace (frontend/*)");
                }
            }
        }
    }
}

/// <summary>MESH1032: a host is served on HTTPS and also on plain HTTP without a redirect.</summary>
internal sealed class HttpWithoutHttpsRedirect() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1032",
        "Plain HTTP served beside HTTPS without a redirect",
        RuleSeverity.Info,
        "Gateways",
        "A Gateway serves a host over HTTPS and also over plain HTTP, and the HTTP server does not set tls.httpsRedirect: true; clients that use http:// stay on plain text instead of being sent to HTTPS.");

    private static readonly string[] HttpsRedirect = { "tls", "httpsRedirect" };

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        var servers = GatewayServers.Of(resource, context);
        foreach (var (index, http) in servers)
        {
            if (GatewayServers.Protocol(http, context) != "HTTP" || !KnownFields.IsMissing(context, http, HttpsRedirect) && context.Boolean(context.Map(http, "tls"), "httpsRedirect") != false)
            {
                continue;
            }

            if (HttpsTwin(http, servers, context, out var host, out var twin))
            {
                var path = GatewayServers.Path(index);
                context.Report(Rule, resource, path, http, $"{resource}: {path} serves '{host}' over plain HTTP, and {GatewayServers.Path(twin)} serves it over HTTPS; set tls.httpsRedirect: true on {path} so clients are sent to HTTPS");
            }
        }
    }

    // The first host of the HTTP server that an HTTPS server also serves, and that server's index.
    private static bool HttpsTwin(DocumentMap http, MapItems servers, AnalysisContext context, out string host, out int twin)
    {
        foreach (var (candidate, _, _) in KnownFields.Strings(http, "hosts", context))
        {
            foreach (var (index, https) in servers)
            {
                if (GatewayServers.Protocol(https, context) != "HTTPS")
                {
                    continue;
                }

                foreach (var (secure, _, _) in KnownFields.Strings(https, "hosts", context))
                {
                    if (GatewayServers.HostsOverlap(candidate, secure))
                    {
                        host = candidate;
                        twin = index;
                        return true;
                    }
                }
            }
        }

        host = string.Empty;
        twin = -1;
        return false;
    }
}

/// <summary>MESH1033: a server accepts TLS 1.0 or 1.1.</summary>
internal sealed class WeakMinTlsVersion() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1033",
        "Minimum TLS version below 1.2",
        RuleSeverity.Warning,
        "Gateways",
        "A Gateway server (or a Sidecar ingress listener) sets tls.minProtocolVersion to TLSV1_0 or TLSV1_1, versions RFC 8996 deprecates: clients can negotiate protocols with known weaknesses.");

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        foreach (var (index, server) in GatewayServers.Of(resource, context))
        {
            Check(resource, context, server, "servers", index);
        }

        if (resource.IsIstio("Sidecar"))
        {
            foreach (var (index, ingress) in KnownFields.Maps(context, resource.Spec, "ingress"))
            {
                Check(resource, context, ingress, "ingress", index);
            }
        }
    }

    // A Gateway's spec.servers[i] or a Sidecar's spec.ingress[i].
    private static void Check(AnalyzedResource resource, AnalysisContext context, DocumentMap listener, string field, int index)
    {
        var tls = context.Map(listener, "tls");
        if (context.Text(tls, "minProtocolVersion") is "TLSV1_0" or "TLSV1_1")
        {
            var version = context.Text(tls, "minProtocolVersion");
            var path = $"spec.{field}[{index}]";
            context.Report(Rule, resource, path + ".tls.minProtocolVersion", context.Get(tls, "minProtocolVersion")!, $"{resource}: {path}.tls.minProtocolVersion is {version}, which RFC 8996 deprecates; set TLSV1_2 (or TLSV1_3)");
        }
    }
}

/// <summary>MESH1035: a Gateway server reads its certificate from files rather than a Secret named by credentialName.</summary>
internal sealed class FileMountedGatewayCertificate() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1035",
        "Gateway certificate mounted from files",
        RuleSeverity.Info,
        "Gateways",
        "A Gateway server's tls reads serverCertificate and privateKey (or tlsCertificates) from files instead of naming a Secret with credentialName: the files must be mounted into the gateway Deployment, and a renewed certificate needs a restart rather than arriving over SDS.");

    private static readonly string[] FileFields = { "serverCertificate", "privateKey", "tlsCertificates" };

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        foreach (var (index, server) in GatewayServers.Of(resource, context))
        {
            var tls = context.Map(server, "tls");
            if (tls is null || context.Text(tls, "mode") == "ISTIO_MUTUAL" || !context.IsAbsent(tls, "credentialName") || !context.IsAbsent(tls, "credentialNames"))
            {
                continue;
            }

            foreach (var field in FileFields)
            {
                if (context.IsSet(tls, field))
                {
                    var path = GatewayServers.Path(index);
                    context.Report(Rule, resource, $"{path}.tls.{field}", context.Get(tls, field)!, $"{resource}: {path}.tls.{field} reads the certificate from a file mounted into the gateway pod; put it in a Secret in the gateway's namespace and set credentialName, so istiod serves it over SDS and renewals need no restart");
                    break;
                }
            }
        }
    }
}

/// <summary>Reading Gateway servers.</summary>
internal static class GatewayServers
{
    /// <summary><c>spec.servers[i]</c> of a Gateway (nothing for other kinds), with their indexes.</summary>
    public static MapItems Of(AnalyzedResource resource, AnalysisContext context) =>
        resource.IsIstio("Gateway") ? KnownFields.Maps(context, resource.Spec, "servers") : default;

    /// <summary><c>spec.servers[i]</c>, spelled out only when a finding needs it.</summary>
    public static string Path(int index) => $"spec.servers[{index}]";

    /// <summary>
    /// Each server of a Gateway with its hosts, each host with the namespace whose VirtualServices it admits
    /// (<c>ns/host</c>; <c>.</c> is the Gateway's own, <c>*</c> or no prefix any); null when the servers, a server's hosts
    /// or the Gateway's namespace are not all known.
    /// </summary>
    public static List<GatewayServer>? WithHosts(AnalyzedResource gateway, AnalysisContext context)
    {
        var gatewayNs = KnownFields.Namespace(gateway, context);
        if (gatewayNs is null || context.Get(gateway.Spec, "servers") is not DocumentList list || context.Facts.IsOpen(list))
        {
            return null;
        }

        var servers = new List<GatewayServer>();
        foreach (var (index, server) in Of(gateway, context))
        {
            if (!KnownFields.HasOnlyKnownStrings(server, "hosts", context))
            {
                return null;
            }

            var hosts = new List<ServerHost>();
            foreach (var (host, _, _) in KnownFields.Strings(server, "hosts", context))
            {
                var slash = host.IndexOf('/');
                var ns = slash < 0 ? "*" : host.Substring(0, slash);
                hosts.Add(new ServerHost(ns == "." ? gatewayNs : ns, host.Substring(slash + 1).ToLowerInvariant()));
            }

            servers.Add(new GatewayServer(server, index, hosts));
        }

        return servers.Count == list.Count ? servers : null;
    }

    /// <summary>Does a server host admit a host of a VirtualService in <paramref name="ns"/>, going by <paramref name="names"/> (<see cref="Hosts.Names"/>)?</summary>
    public static bool Serves(ServerHost server, IReadOnlyList<string> names, string ns) =>
        (server.Namespace == "*" || server.Namespace == ns) && Hosts.Intersect(names, server.Host);

    /// <summary>Does one of the server hosts admit a host going by <paramref name="names"/>?</summary>
    public static bool ServesAny(List<ServerHost> servers, IReadOnlyList<string> names, string ns)
    {
        foreach (var server in servers)
        {
            if (Serves(server, names, ns))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The server's known protocol, upper case (Istio parses it case-insensitively).</summary>
    public static string? Protocol(DocumentMap server, AnalysisContext context) =>
        context.Text(context.Map(server, "port"), "protocol")?.ToUpperInvariant();

    /// <summary>Can one request match both server hosts? Hosts may carry a namespace (<c>ns/host</c>) and a leading <c>*</c>.</summary>
    public static bool HostsOverlap(string first, string second)
    {
        var a = WithoutNamespace(first);
        var b = WithoutNamespace(second);
        if (a == "*" || b == "*")
        {
            return true;
        }

        if (a.StartsWith("*", System.StringComparison.Ordinal))
        {
            return b.EndsWith(a.Substring(1), System.StringComparison.OrdinalIgnoreCase)
                || b.StartsWith("*", System.StringComparison.Ordinal) && a.EndsWith(b.Substring(1), System.StringComparison.OrdinalIgnoreCase);
        }

        return b.StartsWith("*", System.StringComparison.Ordinal)
            ? a.EndsWith(b.Substring(1), System.StringComparison.OrdinalIgnoreCase)
            : string.Equals(a, b, System.StringComparison.OrdinalIgnoreCase);
    }

    private static string WithoutNamespace(string host) => host.IndexOf('/') is var slash and >= 0 ? host.Substring(slash + 1) : host;
}

/// <summary>A server of a Gateway (<c>spec.servers[Index]</c>) and its hosts.</summary>
internal sealed record GatewayServer(DocumentMap Server, int Index, List<ServerHost> Hosts)
{
    public string Path => GatewayServers.Path(Index);
}

/// <summary>A Gateway server host: the namespace whose VirtualServices it admits (<c>*</c>: any) and the host, lower case.</summary>
internal sealed record ServerHost(string Namespace, string Host);

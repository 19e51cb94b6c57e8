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
        foreach (var (server, path) in GatewayServers.Of(resource, context))
        {
            foreach (var (index, host, node) in KnownFields.Strings(context, server, "hosts"))
            {
                if (host is "*" or "*/*")
                {
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

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        var servers = new List<(DocumentMap Server, string Path)>(GatewayServers.Of(resource, context));
        foreach (var (http, path) in servers)
        {
            if (GatewayServers.Protocol(http, context) != "HTTP" || !KnownFields.IsMissing(context, http, "tls", "httpsRedirect") && context.Boolean(context.Map(http, "tls"), "httpsRedirect") != false)
            {
                continue;
            }

            if (HttpsTwin(http, servers, context) is { } twin)
            {
                context.Report(Rule, resource, path, http, $"{resource}: {path} serves '{twin.Host}' over plain HTTP, and {twin.Path} serves it over HTTPS; set tls.httpsRedirect: true on {path} so clients are sent to HTTPS");
            }
        }
    }

    private static (string Host, string Path)? HttpsTwin(DocumentMap http, List<(DocumentMap Server, string Path)> servers, AnalysisContext context)
    {
        foreach (var (_, host, _) in KnownFields.Strings(context, http, "hosts"))
        {
            foreach (var (https, path) in servers)
            {
                if (GatewayServers.Protocol(https, context) != "HTTPS")
                {
                    continue;
                }

                foreach (var (_, secure, _) in KnownFields.Strings(context, https, "hosts"))
                {
                    if (GatewayServers.HostsOverlap(host, secure))
                    {
                        return (host, path);
                    }
                }
            }
        }

        return null;
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
        var listeners = new List<(DocumentMap Server, string Path)>(GatewayServers.Of(resource, context));
        if (resource.IsIstio("Sidecar"))
        {
            foreach (var (index, ingress) in KnownFields.Maps(context, resource.Spec, "ingress"))
            {
                listeners.Add((ingress, $"spec.ingress[{index}]"));
            }
        }

        foreach (var (listener, path) in listeners)
        {
            var tls = context.Map(listener, "tls");
            if (context.Text(tls, "minProtocolVersion") is "TLSV1_0" or "TLSV1_1")
            {
                var version = context.Text(tls, "minProtocolVersion");
                context.Report(Rule, resource, path + ".tls.minProtocolVersion", context.Get(tls, "minProtocolVersion")!, $"{resource}: {path}.tls.minProtocolVersion is {version}, which RFC 8996 deprecates; set TLSV1_2 (or TLSV1_3)");
            }
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
        foreach (var (server, path) in GatewayServers.Of(resource, context))
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
    /// <summary><c>spec.servers[i]</c> of a Gateway, with their paths.</summary>
    public static IEnumerable<(DocumentMap Server, string Path)> Of(AnalyzedResource resource, AnalysisContext context)
    {
        if (!resource.IsIstio("Gateway"))
        {
            yield break;
        }

        foreach (var (index, server) in KnownFields.Maps(context, resource.Spec, "servers"))
        {
            yield return (server, $"spec.servers[{index}]");
        }
    }

    /// <summary>
    /// Each server of a Gateway with its hosts, each host with the namespace whose VirtualServices it admits
    /// (<c>ns/host</c>; <c>.</c> is the Gateway's own, <c>*</c> or no prefix any); null when the servers, a server's hosts
    /// or the Gateway's namespace are not all known.
    /// </summary>
    public static List<(DocumentMap Server, string Path, List<(string Namespace, string Host)> Hosts)>? WithHosts(AnalyzedResource gateway, AnalysisContext context)
    {
        var gatewayNs = KnownFields.Namespace(gateway, context);
        if (gatewayNs is null || context.Get(gateway.Spec, "servers") is not DocumentList list || context.Facts.IsOpen(list))
        {
            return null;
        }

        var servers = new List<(DocumentMap, string, List<(string, string)>)>();
        foreach (var (server, path) in Of(gateway, context))
        {
            var known = KnownFields.Strings(server, "hosts", context, out var complete);
            if (!complete)
            {
                return null;
            }

            var hosts = new List<(string, string)>();
            foreach (var (host, _, _) in known)
            {
                var slash = host.IndexOf('/');
                var ns = slash < 0 ? "*" : host.Substring(0, slash);
                hosts.Add((ns == "." ? gatewayNs : ns, host.Substring(slash + 1).ToLowerInvariant()));
            }

            servers.Add((server, path, hosts));
        }

        return servers.Count == list.Count ? servers : null;
    }

    /// <summary>Does a server host admit <paramref name="host"/> of a VirtualService in <paramref name="ns"/>?</summary>
    public static bool Serves((string Namespace, string Host) server, string host, string ns) =>
        (server.Namespace == "*" || server.Namespace == ns) && Hosts.Intersect(Hosts.Names(host, ns), new[] { server.Host });

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

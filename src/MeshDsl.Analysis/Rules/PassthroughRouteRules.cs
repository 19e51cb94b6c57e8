using System.Collections.Generic;
using MeshDsl.Documents;

namespace MeshDsl.Analysis.Rules;

/// <summary>
/// MESH1104: an http route that applies only at Gateways whose servers for the VirtualService's hosts pass TLS through:
/// the gateway never decrypts that traffic, so it never sees an HTTP request to match.
/// </summary>
internal sealed class HttpRouteOnPassthroughServer() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1104",
        "HTTP route on a TLS passthrough server",
        RuleSeverity.Warning,
        "Gateways",
        "A VirtualService's http route applies only at Gateways that serve its hosts with tls.mode: PASSTHROUGH and on no HTTP server: the gateway forwards the encrypted stream by SNI without reading HTTP, so the route never matches. Passthrough traffic is routed by tls routes that match sniHosts.");

    private static readonly string[] HttpProtocols = { "HTTP", "HTTP2", "HTTP_PROXY", "GRPC", "GRPC-WEB" };

    private enum ServerKind
    {
        /// <summary>Terminates HTTP (HTTP, HTTP2, gRPC, or HTTPS that is not passed through): http routes apply.</summary>
        Http,

        /// <summary>Passes TLS through to the destination: only tls routes apply.</summary>
        Passthrough,

        /// <summary>TCP, terminated TLS, AUTO_PASSTHROUGH: not where http routes apply either, and not this rule's concern.</summary>
        Other,

        /// <summary>The protocol or the TLS mode is not known: it may be an HTTP server.</summary>
        Unknown,
    }

    public override bool IsSetRule => true;

    public override void CheckSet(IReadOnlyList<AnalyzedResource> resources, AnalysisContext context)
    {
        var gateways = DeclaredGateways.From(resources, context);
        foreach (var service in resources)
        {
            if (VirtualServiceHosts.Of(service, context) is not { } hosts || BoundGateways(service.Spec, context) is not { } bound)
            {
                continue;
            }

            foreach (var (index, route) in KnownFields.Maps(context, service.Spec, "http"))
            {
                if (AppliesAt(route, bound, context) is { } at && !at.Contains("mesh") && PassthroughOnly(at, gateways, hosts, route, context) is { } servers)
                {
                    var path = HttpRoutes.Path(index);
                    context.Report(Rule, service, path, route, $"{service}: {path} applies only at {servers}: a passthrough server forwards the TLS stream without decrypting it, so this HTTP route never matches; route that traffic with a tls route matching sniHosts ({string.Join(", ", hosts.Hosts)})");
                }
            }
        }
    }

    // spec.gateways as written, mesh when it is empty or absent; null when not all known.
    private static List<string>? BoundGateways(DocumentMap? spec, AnalysisContext context)
    {
        if (!KnownFields.HasOnlyKnownStrings(spec, "gateways", context))
        {
            return null;
        }

        var gateways = new List<string>();
        foreach (var (gateway, _, _) in KnownFields.Strings(spec, "gateways", context))
        {
            gateways.Add(gateway);
        }

        if (gateways.Count == 0)
        {
            gateways.Add("mesh");
        }

        return gateways;
    }

    // The gateways an http route applies at, each once: those its matches name, which override the VirtualService's; null
    // when not known (the matches must be a closed list of closed maps).
    private static List<string>? AppliesAt(DocumentMap route, List<string> bound, AnalysisContext context)
    {
        var at = new List<string>();
        if (context.IsAbsent(route, "match"))
        {
            AddEach(at, bound);
            return at;
        }

        if (context.Get(route, "match") is not DocumentList matches || context.Facts.IsOpen(matches))
        {
            return null;
        }

        if (matches.Count == 0)
        {
            AddEach(at, bound);
        }

        for (var i = 0; i < matches.Count; i++)
        {
            if (matches[i] is not DocumentMap match || context.Facts.IsOpen(match))
            {
                return null;
            }

            var named = context.IsAbsent(match, "gateways") ? bound : KnownFields.KnownStrings(context, match, "gateways");
            if (named is null)
            {
                return null;
            }

            AddEach(at, named.Count == 0 ? bound : named);
        }

        return at;
    }

    private static void AddEach(List<string> at, List<string> gateways)
    {
        foreach (var gateway in gateways)
        {
            if (!at.Contains(gateway))
            {
                at.Add(gateway);
            }
        }
    }

    // Does one of the route's matches name the port (so the message can name the server on that port)?
    private static bool MatchesPort(DocumentMap route, long port, AnalysisContext context)
    {
        foreach (var (_, match) in KnownFields.Maps(context, route, "match"))
        {
            if (context.Integer(match, "port") == port)
            {
                return true;
            }
        }

        return false;
    }

    // "Gateway ns/name, whose server ... passes host through" for each gateway, when at every one of them the hosts are
    // served by a PASSTHROUGH server and by no server that may be HTTP; null otherwise.
    private static string? PassthroughOnly(List<string> references, DeclaredGateways gateways, VirtualServiceHosts hosts, DocumentMap route, AnalysisContext context)
    {
        var found = new List<string>();
        foreach (var reference in references)
        {
            if (GatewayReferences.Resolve(reference, hosts.Namespace) is not { } key || PassthroughServer(gateways.IstioAll(key), gateways, hosts, route, context) is not { } server)
            {
                return null;
            }

            found.Add($"Gateway {key}, whose server {server}");
        }

        return found.Count > 0 ? string.Join(" and ", found) : null;
    }

    // The passthrough server of these declarations of one Gateway that serves the hosts (one on a port the route matches,
    // if any), described; null when the hosts are also (or only) served by a server that may be HTTP, by none at all, or
    // the Gateway is not declared or known.
    private static string? PassthroughServer(IReadOnlyList<AnalyzedResource> declarations, DeclaredGateways gateways, VirtualServiceHosts hosts, DocumentMap route, AnalysisContext context)
    {
        string? first = null;
        string? onMatchedPort = null;
        foreach (var gateway in declarations)
        {
            if (gateways.ServersOf(gateway, context) is not { } servers)
            {
                return null;
            }

            foreach (var server in servers)
            {
                var kind = hosts.AnyServedBy(server) ? Kind(server.Server, context) : ServerKind.Other;
                if (kind is ServerKind.Http or ServerKind.Unknown)
                {
                    return null;
                }

                if (kind == ServerKind.Passthrough)
                {
                    var number = context.Integer(context.Map(server.Server, "port"), "number");
                    var described = $"{server.Path}{(number is null ? string.Empty : $" (port {number})")} passes {string.Join(", ", hosts.ServedBy(server))} through with tls.mode PASSTHROUGH";
                    first ??= described;
                    onMatchedPort ??= number is { } port && MatchesPort(route, port, context) ? described : null;
                }
            }
        }

        return onMatchedPort ?? first;
    }

    // How Istio's gateway treats a server (IsHTTPServer, IsPassThroughServer): only an explicit PASSTHROUGH counts as one.
    private static ServerKind Kind(DocumentMap server, AnalysisContext context)
    {
        var protocol = GatewayServers.Protocol(server, context);
        var tls = context.Map(server, "tls");
        var mode = context.Text(tls, "mode");
        return protocol switch
        {
            null => ServerKind.Unknown,
            _ when System.Array.IndexOf(HttpProtocols, protocol) >= 0 => ServerKind.Http,
            "HTTPS" or "TLS" when mode == "PASSTHROUGH" => ServerKind.Passthrough,
            "HTTPS" when mode is null => ServerKind.Unknown,
            "HTTPS" when mode != "AUTO_PASSTHROUGH" => ServerKind.Http,
            _ => ServerKind.Other,
        };
    }
}

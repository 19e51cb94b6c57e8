using System.Collections.Generic;
using System.Linq;
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
        foreach (var (service, ns, hosts) in VirtualServiceHosts.AllKnown(resources, context))
        {
            if (BoundGateways(service.Spec, context) is not { } bound)
            {
                continue;
            }

            var names = hosts.ConvertAll(h => h.Value);
            foreach (var (index, route) in KnownFields.Maps(context, service.Spec, "http"))
            {
                if (AppliesAt(route, bound, context) is { } at && !at.Contains("mesh") && PassthroughOnly(at, gateways, names, MatchPorts(route, context), ns, context) is { } servers)
                {
                    context.Report(Rule, service, $"spec.http[{index}]", route, $"{service}: spec.http[{index}] applies only at {servers}: a passthrough server forwards the TLS stream without decrypting it, so this HTTP route never matches; route that traffic with a tls route matching sniHosts ({string.Join(", ", names)})");
                }
            }
        }
    }

    // spec.gateways as written, mesh when it is empty or absent; null when not all known.
    private static List<string>? BoundGateways(DocumentMap? spec, AnalysisContext context)
    {
        var gateways = KnownFields.Strings(spec, "gateways", context, out var complete);
        return !complete ? null : gateways.Count == 0 ? new List<string> { "mesh" } : gateways.ConvertAll(g => g.Value);
    }

    // The gateways an http route applies at: those its matches name, which override the VirtualService's; null when not known.
    private static HashSet<string>? AppliesAt(DocumentMap route, List<string> bound, AnalysisContext context)
    {
        if (KnownFields.ClosedMaps(context, route, "match") is not { } matches)
        {
            return null;
        }

        var at = new HashSet<string>(matches.Count == 0 ? bound : Enumerable.Empty<string>(), System.StringComparer.Ordinal);
        foreach (var match in matches)
        {
            var named = context.IsAbsent(match, "gateways") ? bound : KnownFields.KnownStrings(context, match, "gateways");
            if (named is null)
            {
                return null;
            }

            at.UnionWith(named.Count == 0 ? bound : named);
        }

        return at;
    }

    // The ports the route's matches name (to name the server on that port in the message).
    private static HashSet<long> MatchPorts(DocumentMap route, AnalysisContext context) =>
        new(KnownFields.Maps(context, route, "match").Select(m => context.Integer(m.Map, "port")).OfType<long>());

    // "Gateway ns/name, whose server ... passes host through" for each gateway, when at every one of them the hosts are
    // served by a PASSTHROUGH server and by no server that may be HTTP; null otherwise.
    private static string? PassthroughOnly(IEnumerable<string> references, DeclaredGateways gateways, List<string> hosts, HashSet<long> ports, string ns, AnalysisContext context)
    {
        var found = new List<string>();
        foreach (var reference in references)
        {
            if (GatewayReferences.Resolve(reference, ns) is not { } key || PassthroughServer(gateways.IstioAll(key), hosts, ports, ns, context) is not { } server)
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
    private static string? PassthroughServer(IReadOnlyList<AnalyzedResource> declarations, List<string> hosts, HashSet<long> ports, string ns, AnalysisContext context)
    {
        string? first = null;
        string? onMatchedPort = null;
        foreach (var gateway in declarations)
        {
            if (GatewayServers.WithHosts(gateway, context) is not { } servers)
            {
                return null;
            }

            foreach (var (server, path, serverHosts) in servers)
            {
                var served = hosts.Where(h => serverHosts.Any(s => GatewayServers.Serves(s, h, ns))).ToList();
                var kind = served.Count == 0 ? ServerKind.Other : Kind(server, context);
                if (kind is ServerKind.Http or ServerKind.Unknown)
                {
                    return null;
                }

                if (kind == ServerKind.Passthrough)
                {
                    var number = context.Integer(context.Map(server, "port"), "number");
                    var described = $"{path}{(number is null ? string.Empty : $" (port {number})")} passes {string.Join(", ", served)} through with tls.mode PASSTHROUGH";
                    first ??= described;
                    onMatchedPort ??= number is { } port && ports.Contains(port) ? described : null;
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
            _ when HttpProtocols.Contains(protocol) => ServerKind.Http,
            "HTTPS" or "TLS" when mode == "PASSTHROUGH" => ServerKind.Passthrough,
            "HTTPS" when mode is null => ServerKind.Unknown,
            "HTTPS" when mode != "AUTO_PASSTHROUGH" => ServerKind.Http,
            _ => ServerKind.Other,
        };
    }
}

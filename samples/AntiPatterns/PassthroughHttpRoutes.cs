using MeshDsl;
using MeshDsl.Istio.Networking;
using MeshDsl.Istio.Networking.V1;

namespace AntiPatterns;

/// <summary>
/// MESH1104: the partner egress gateway passes TLS for api.partner.example through untouched (tls.mode PASSTHROUGH), so
/// it never sees the HTTP requests inside, and the VirtualService's http route never matches. Passthrough traffic is
/// routed with a tls route that matches sniHosts: .Tls(t => t.Match(m => m.Port(443).SniHosts("api.partner.example"))...).
/// </summary>
public sealed class PassthroughHttpRoutes : IMeshDefinition
{
    /// <inheritdoc />
    public void Define(IMeshBuilder mesh) => mesh
        .Add(Gateway.Create("partner-egress", gw => gw
            .Namespace(Shop.Namespace)
            .Selector("istio", "egressgateway")
            .Servers(s => s
                .Port(p => p.Number(443).Name("tls").Protocol("TLS"))
                .Hosts("api.partner.example")
                .Tls(t => t.Mode(ServerTLSMode.Passthrough)))))
        .Add(VirtualService.Create("partner", vs => vs
            .Namespace(Shop.Namespace)
            .Hosts("api.partner.example")
            .Gateways("partner-egress")
            .Http(r => r
                .Route(d => d.Destination(x => x.Host("api.partner.example").Port(p => p.Number(443))))
                .Timeout("10s"))));
}

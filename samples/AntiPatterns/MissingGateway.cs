using MeshDsl;
using MeshDsl.Istio.Networking;
using MeshDsl.Istio.Networking.V1;

namespace AntiPatterns;

/// <summary>
/// MESH1102: the storefront VirtualService names gateway "shop-gateway", which resolves in its own namespace
/// (shop/shop-gateway), but the Gateway lives in istio-system: the routes are bound to nothing and the gateway
/// answers 404. Gateways("istio-system/shop-gateway") is the fix.
/// </summary>
public sealed class MissingGateway : IMeshDefinition
{
    /// <inheritdoc />
    public void Define(IMeshBuilder mesh) => mesh
        .Add(Gateway.Create("shop-gateway", gw => gw
            .Namespace("istio-system")
            .Selector("istio", "ingressgateway")
            .Servers(s => s
                .Port(p => p.Number(443).Name("https").Protocol("HTTPS"))
                .Tls(t => t.Mode(ServerTLSMode.Simple).CredentialName("shop-example-com-tls"))
                .Hosts("shop.example.com"))))
        .Add(VirtualService.Create("storefront", vs => vs
            .Namespace(Shop.Namespace)
            .Hosts("shop.example.com")
            .Gateways("shop-gateway")
            .Http(r => r
                .Route(d => d.Destination(x => x.Host("storefront").Port(p => p.Number(8080))))
                .Timeout("10s"))));
}

using MeshDsl;
using MeshDsl.Istio.Networking.V1;

namespace Bookinfo;

/// <summary>
/// Bookinfo behind Istio's ingress gateway: the product page and its API, nothing else, on one named host
/// (Istio's own sample uses "*", which lets any VirtualService claim any domain on the gateway: MESH1030, MESH1031).
/// </summary>
public sealed class Ingress : IMeshDefinition
{
    /// <summary>The public host name of the shop.</summary>
    public const string Host = "bookinfo.example.com";

    /// <inheritdoc />
    public void Define(IMeshBuilder mesh) => mesh
        .Add(Gateway.Create("bookinfo-gateway", gw => gw
            .Namespace(Apps.Namespace)
            .Selector("istio", "ingressgateway")
            .Servers(s => s
                .Port(p => p.Number(80).Name("http").Protocol("HTTP"))
                .Hosts(Host))))
        .Add(VirtualService.Create("bookinfo", vs => vs
            .Namespace(Apps.Namespace)
            .Hosts(Host)
            .Gateways("bookinfo-gateway")
            .Http(r => r
                .Match(m => m.Uri(u => u.Exact("/productpage")))
                .Match(m => m.Uri(u => u.Prefix("/static")))
                .Match(m => m.Uri(u => u.Exact("/login")))
                .Match(m => m.Uri(u => u.Exact("/logout")))
                .Match(m => m.Uri(u => u.Prefix("/api/v1/products")))
                .Route(d => d.Destination(x => x.Host("productpage").Port(p => p.Number(9080))))
                .Timeout("10s"))));
}

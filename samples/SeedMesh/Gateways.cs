using MeshDsl;
using MeshDsl.Istio.Networking;
using MeshDsl.Istio.Networking.V1Beta1;

namespace SeedMesh;

/// <summary>Edge traffic: the seed mesh's ingress and egress Gateways.</summary>
public sealed class Gateways : IMeshDefinition
{
    /// <summary>Ingress for *.example.com: HTTPS on 443 with the example-com-tls certificate, plain HTTP on 80.</summary>
    public static Gateway WebGateway { get; } = Gateway.Create("web-gateway", gw => gw
        .Namespace("default")
        .Selector("istio", "ingressgateway")
        .Servers(s => s
            .Port(p => p.Number(443).Name("https").Protocol("HTTPS"))
            .Tls(t => t.Mode(ServerTLSMode.Simple).CredentialName("example-com-tls"))
            .Hosts("*.example.com"))
        .Servers(s => s
            .Port(p => p.Number(80).Name("http").Protocol("HTTP"))
            .Hosts("*")));

    /// <summary>Egress for api.external.com on 443, passing TLS through untouched.</summary>
    public static Gateway ExternalGateway { get; } = Gateway.Create("external-gateway", gw => gw
        .Namespace("default")
        .Selector("istio", "egressgateway")
        .Servers(s => s
            .Port(p => p.Number(443).Name("https").Protocol("HTTPS"))
            .Hosts("api.external.com")
            .Tls(t => t.Mode(ServerTLSMode.Passthrough))));

    /// <summary>Adds this file's resources to the mesh; building the project writes them as manifests.</summary>
    public void Define(IMeshBuilder mesh) => mesh
        .Add(WebGateway)
        .Add(ExternalGateway);
}

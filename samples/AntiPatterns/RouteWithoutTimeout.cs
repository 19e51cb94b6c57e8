using MeshDsl;
using MeshDsl.Istio.Networking.V1;

namespace AntiPatterns;

/// <summary>
/// MESH1001: the route forwards to catalog without a timeout. Istio sets none by default, so a slow catalog
/// holds every caller's request and connection until something else gives up.
/// </summary>
public sealed class RouteWithoutTimeout : IMeshDefinition
{
    /// <inheritdoc />
    public void Define(IMeshBuilder mesh) => mesh
        .Add(VirtualService.Create("catalog", vs => vs
            .Namespace(Shop.Namespace)
            .Hosts("catalog")
            .Http(r => r
                .Route(d => d.Destination(x => x.Host("catalog"))))));
}

using MeshDsl;
using MeshDsl.Istio.Networking.V1;

namespace AntiPatterns;

/// <summary>
/// MESH1002: three retries but no perTryTimeout. The first attempt may use the whole 10 s timeout, so a hung
/// attempt leaves no time for the retries the route promises.
/// </summary>
public sealed class RetriesWithoutPerTryTimeout : IMeshDefinition
{
    /// <inheritdoc />
    public void Define(IMeshBuilder mesh) => mesh
        .Add(VirtualService.Create("cart", vs => vs
            .Namespace(Shop.Namespace)
            .Hosts("cart")
            .Http(r => r
                .Route(d => d.Destination(x => x.Host("cart")))
                .Timeout("10s")
                .Retries(x => x.Attempts(3).RetryOn("5xx,connect-failure")))));
}

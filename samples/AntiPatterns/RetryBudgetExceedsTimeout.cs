using MeshDsl;
using MeshDsl.Istio.Networking.V1;

namespace AntiPatterns;

/// <summary>
/// MESH1003: four tries (the first plus 3 retries) of up to 2 s each need 8 s, but the route gives up after 3 s,
/// so the last retries never run.
/// </summary>
public sealed class RetryBudgetExceedsTimeout : IMeshDefinition
{
    /// <inheritdoc />
    public void Define(IMeshBuilder mesh) => mesh
        .Add(VirtualService.Create("search", vs => vs
            .Namespace(Shop.Namespace)
            .Hosts("search")
            .Http(r => r
                .Route(d => d.Destination(x => x.Host("search")))
                .Timeout("3s")
                .Retries(x => x.Attempts(3).PerTryTimeout("2s").RetryOn("5xx,connect-failure")))));
}

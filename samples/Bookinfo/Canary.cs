using MeshDsl;
using MeshDsl.Istio.Networking.V1;

namespace Bookinfo;

/// <summary>
/// reviews v3 as a canary: the tester "jason" always gets v3, everyone else is split 90/10 between v1 and v3.
/// </summary>
public sealed class Canary : IMeshDefinition
{
    /// <inheritdoc />
    public void Define(IMeshBuilder mesh) => mesh
        .Add(VirtualService.Create("reviews", vs => vs
            .Namespace(Apps.Namespace)
            .Hosts("reviews")
            .Http(r => r
                .Match(m => m.Headers("end-user", s => s.Exact("jason")))
                .Route(d => d.Destination(x => x.Host("reviews").Subset("v3")))
                .Timeout("5s"))
            .Http(r => r
                .Route(d => d.Destination(x => x.Host("reviews").Subset("v1")).Weight(90))
                .Route(d => d.Destination(x => x.Host("reviews").Subset("v3")).Weight(10))
                .Timeout("5s")
                .Retries(x => x.Attempts(2).PerTryTimeout("1.5s")))));
}

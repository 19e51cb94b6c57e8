using MeshDsl;
using MeshDsl.Istio.Networking.V1;

namespace Bookinfo;

/// <summary>
/// Resilience testing on ratings: "jason" gets a 7 s delay, 10 % of everyone else an HTTP 500, to see how
/// reviews copes (its route timeout is 5 s).
/// </summary>
public sealed class FaultInjection : IMeshDefinition
{
    /// <inheritdoc />
    public void Define(IMeshBuilder mesh) => mesh
        .Add(VirtualService.Create("ratings", vs => vs
            .Namespace(Apps.Namespace)
            .Hosts("ratings")
            .Http(r => r
                .Match(m => m.Headers("end-user", s => s.Exact("jason")))
                .Fault(f => f.Delay(d => d.FixedDelay("7s").Percentage(p => p.Value(100.0))))
                .Route(d => d.Destination(x => x.Host("ratings").Subset("v1")))
                .Timeout("10s"))
            .Http(r => r
                .Fault(f => f.Abort(a => a.HttpStatus(500).Percentage(p => p.Value(10.0))))
                .Route(d => d.Destination(x => x.Host("ratings").Subset("v1")))
                .Timeout("10s"))));
}

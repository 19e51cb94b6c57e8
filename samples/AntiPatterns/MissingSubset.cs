using MeshDsl;
using MeshDsl.Istio.Networking.V1;

namespace AntiPatterns;

/// <summary>
/// MESH1101: the canary route sends 10 % of reviews traffic to subset v2, but the reviews DestinationRule defines
/// only v1, so those requests fail with 503 (no healthy upstream).
/// </summary>
public sealed class MissingSubset : IMeshDefinition
{
    /// <inheritdoc />
    public void Define(IMeshBuilder mesh) => mesh
        .Add(DestinationRule.Create("reviews", dr => dr
            .Namespace(Shop.Namespace)
            .Host("reviews")
            .TrafficPolicy(tp => tp
                .ConnectionPool(cp => cp.Tcp(t => t.MaxConnections(100)).Http(h => h.Http1MaxPendingRequests(50)))
                .OutlierDetection(o => o.Consecutive5xxErrors(5).Interval("30s").BaseEjectionTime("30s")))
            .Subsets(s => s.Name("v1").Labels("version", "v1"))))
        .Add(VirtualService.Create("reviews", vs => vs
            .Namespace(Shop.Namespace)
            .Hosts("reviews")
            .Http(r => r
                .Route(d => d.Destination(x => x.Host("reviews").Subset("v1")).Weight(90))
                .Route(d => d.Destination(x => x.Host("reviews").Subset("v2")).Weight(10))
                .Timeout("5s"))));
}

using MeshDsl;
using MeshDsl.Istio.Networking;
using MeshDsl.Istio.Networking.V1Beta1;

namespace SeedMesh;

/// <summary>Resilience: the seed mesh's DestinationRules (load balancing, connection pools, outlier detection).</summary>
public sealed class Resilience : IMeshDefinition
{
    /// <summary>Pins each user to one reviews pod by header, caps connections, ejects failing pods, and defines subsets v1–v3.</summary>
    public static DestinationRule ReviewsDestination { get; } = DestinationRule.Create("reviews-destination", dr => dr
        .Namespace("default")
        .Host("reviews")
        .TrafficPolicy(tp => tp
            .LoadBalancer(lb => lb.ConsistentHash(h => h.HttpHeaderName("x-user-id")))
            .ConnectionPool(cp => cp
                .Tcp(t => t.MaxConnections(100))
                .Http(h => h.Http1MaxPendingRequests(50).Http2MaxRequests(100).MaxRequestsPerConnection(2)))
            .OutlierDetection(od => od
                .Consecutive5xxErrors(5)
                .Interval("30s")
                .BaseEjectionTime("30s")
                .MaxEjectionPercent(50)
                .MinHealthPercent(40)))
        .Subsets(s => s.Name("v1").Labels("version", "v1"))
        .Subsets(s => s.Name("v2").Labels("version", "v2")
            .TrafficPolicy(tp => tp.LoadBalancer(lb => lb.Simple(SimpleLB.RoundRobin))))
        .Subsets(s => s.Name("v3").Labels("version", "v3")
            .TrafficPolicy(tp => tp.LoadBalancer(lb => lb.Simple(SimpleLB.LeastRequest)))));

    /// <summary>Circuit breaker for the backend: small connection pool, and ejection after 5 consecutive errors.</summary>
    public static DestinationRule CircuitBreaker { get; } = DestinationRule.Create("circuit-breaker", dr => dr
        .Namespace("default")
        .Host("backend.prod.svc.cluster.local")
        .TrafficPolicy(tp => tp
            .ConnectionPool(cp => cp
                .Tcp(t => t.MaxConnections(100))
                .Http(h => h.Http1MaxPendingRequests(10).Http2MaxRequests(100).MaxRequestsPerConnection(1)))
            .OutlierDetection(od => od
                .ConsecutiveGatewayErrors(5)
                .Consecutive5xxErrors(5)
                .Interval("5s")
                .BaseEjectionTime("30s")
                .MaxEjectionPercent(100)
                .MinHealthPercent(0))));

    /// <summary>Adds this file's resources to the mesh; building the project writes them as manifests.</summary>
    public void Define(IMeshBuilder mesh) => mesh
        .Add(ReviewsDestination)
        .Add(CircuitBreaker);
}

using MeshDsl;
using MeshDsl.Istio.Networking;
using MeshDsl.Istio.Networking.V1;

namespace Bookinfo;

/// <summary>
/// The four services' versions as DestinationRule subsets, each with mutual TLS, connection limits and
/// outlier detection, and a default route with a timeout and bounded retries for each.
/// </summary>
public sealed class Apps : IMeshDefinition
{
    /// <summary>Where Bookinfo runs.</summary>
    public const string Namespace = "bookinfo";

    /// <inheritdoc />
    public void Define(IMeshBuilder mesh)
    {
        mesh.Add(Subsets("productpage", "v1"))
            .Add(Subsets("reviews", "v1", "v2", "v3"))
            .Add(Subsets("ratings", "v1", "v2"))
            .Add(Subsets("details", "v1", "v2"));

        foreach (var service in new[] { "productpage", "details" })
        {
            mesh.Add(DefaultRoute(service));
        }
    }

    // One subset per version label, and the traffic policy every Bookinfo service shares.
    private static DestinationRule Subsets(string service, params string[] versions) =>
        DestinationRule.Create(service, dr =>
        {
            dr.Namespace(Namespace)
                .Host(service)
                .TrafficPolicy(tp => tp
                    .Tls(t => t.Mode(ClientTLSMode.IstioMutual))
                    .ConnectionPool(cp => cp.Tcp(t => t.MaxConnections(100)).Http(h => h.Http1MaxPendingRequests(50)))
                    .OutlierDetection(o => o.Consecutive5xxErrors(5).Interval("30s").BaseEjectionTime("30s").MaxEjectionPercent(50)));
            foreach (var version in versions)
            {
                dr.Subsets(s => s.Name(version).Labels("version", version));
            }
        });

    private static VirtualService DefaultRoute(string service) =>
        VirtualService.Create(service, vs => vs
            .Namespace(Namespace)
            .Hosts(service)
            .Http(r => r
                .Route(d => d.Destination(x => x.Host(service).Subset("v1")))
                .Timeout("5s")
                .Retries(x => x.Attempts(2).PerTryTimeout("1.5s").RetryOn("5xx,connect-failure"))));
}

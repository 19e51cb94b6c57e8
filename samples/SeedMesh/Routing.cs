using MeshDsl;
using MeshDsl.Istio.Networking.V1Beta1;

namespace SeedMesh;

/// <summary>Request routing: the seed mesh's VirtualServices.</summary>
public sealed class Routing : IMeshDefinition
{
    /// <summary>Sends the user "jason" to reviews v2 and everyone else to reviews v1.</summary>
    public static VirtualService Reviews { get; } = VirtualService.Create("reviews", vs => vs
        .Namespace("default")
        .Hosts("reviews")
        .Http(r => r
            .Match(m => m.Headers("end-user", s => s.Exact("jason")))
            .Route(d => d.Destination(x => x.Host("reviews").Subset("v2"))))
        .Http(r => r
            .Route(d => d.Destination(x => x.Host("reviews").Subset("v1")))));

    /// <summary>Canary release: requests with "x-canary: true" go to v2, the rest split 90/10 between v1 and v2.</summary>
    public static VirtualService ReviewsCanary { get; } = VirtualService.Create("reviews-canary", vs => vs
        .Namespace("default")
        .Hosts("reviews.default.svc.cluster.local")
        .Http(r => r
            .Match(m => m.Headers("x-canary", s => s.Exact("true")))
            .Route(d => d.Destination(x => x.Host("reviews").Subset("v2")).Weight(100)))
        .Http(r => r
            .Route(d => d.Destination(x => x.Host("reviews").Subset("v1")).Weight(90))
            .Route(d => d.Destination(x => x.Host("reviews").Subset("v2")).Weight(10))));

    /// <summary>Redirects plain HTTP to HTTPS, rewrites /v1/ to /api/v1/, and gives the rest a timeout and retries.</summary>
    public static VirtualService ApiRewrite { get; } = VirtualService.Create("api-rewrite", vs => vs
        .Namespace("default")
        .Hosts("api.example.com")
        .Http(r => r
            .Match(m => m.Port(80))
            .Redirect(x => x.Uri("/").Authority("api.example.com").Scheme("https").RedirectCode(301)))
        .Http(r => r
            .Match(m => m.Uri(u => u.Prefix("/v1/")))
            .Rewrite(x => x.Uri("/api/v1/"))
            .Route(d => d.Destination(x => x.Host("api-service").Port(p => p.Number(8080)))))
        .Http(r => r
            .Route(d => d.Destination(x => x.Host("api-service")))
            .Timeout("10s")
            .Retries(x => x.Attempts(3).PerTryTimeout("2s").RetryOn("5xx,reset,connect-failure"))));

    /// <summary>Routes app.example.com through web-gateway: /api to api-service, everything else to the frontend.</summary>
    public static VirtualService WebRoute { get; } = VirtualService.Create("web-route", vs => vs
        .Namespace("default")
        .Hosts("app.example.com")
        .Gateways("web-gateway")
        .Http(r => r
            .Match(m => m.Uri(u => u.Prefix("/api")))
            .Route(d => d.Destination(x => x.Host("api-service").Port(p => p.Number(8080)))))
        .Http(r => r
            .Match(m => m.Uri(u => u.Prefix("/")))
            .Route(d => d.Destination(x => x.Host("frontend-service").Port(p => p.Number(80))))));

    /// <summary>Sends traffic for api.external.com from the mesh to the egress gateway, and from there out to the external host.</summary>
    public static VirtualService ExternalApi { get; } = VirtualService.Create("external-api", vs => vs
        .Namespace("default")
        .Hosts("api.external.com")
        .Gateways("mesh", "external-gateway")
        .Http(r => r
            .Match(m => m.Gateways("mesh").Port(80))
            .Route(d => d.Destination(x => x.Host("istio-egressgateway.istio-system.svc.cluster.local").Port(p => p.Number(443)))))
        .Http(r => r
            .Match(m => m.Gateways("external-gateway").Port(443))
            .Route(d => d.Destination(x => x.Host("api.external.com").Port(p => p.Number(443))))));

    /// <summary>Adds this file's resources to the mesh; building the project writes them as manifests.</summary>
    public void Define(IMeshBuilder mesh) => mesh
        .Add(Reviews)
        .Add(ReviewsCanary)
        .Add(ApiRewrite)
        .Add(WebRoute)
        .Add(ExternalApi);
}

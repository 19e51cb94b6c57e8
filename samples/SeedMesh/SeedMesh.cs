using System.Collections.Generic;
using MeshDsl;

namespace SeedMesh;

/// <summary>The seed mesh: the Istio configurations of the project's founding brief, written with MeshDsl's builders.</summary>
public static class Seed
{
    /// <summary>Every resource of the seed mesh, in the order of the brief's YAML.</summary>
    public static IReadOnlyList<IMeshResource> All { get; } =
    [
        Routing.Reviews,
        Routing.ReviewsCanary,
        Routing.ApiRewrite,
        Resilience.ReviewsDestination,
        Resilience.CircuitBreaker,
        Gateways.WebGateway,
        Routing.WebRoute,
        Gateways.ExternalGateway,
        Routing.ExternalApi,
        Security.MeshStrictMtls,
        Security.NamespacePolicy,
        Security.ApiMtls,
        Security.DenyAll,
        Security.ApiAccess,
        Security.JwtAuth,
        Security.RequireJwt,
        Observability.MeshDefault,
    ];
}

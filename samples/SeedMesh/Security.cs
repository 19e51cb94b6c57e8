using MeshDsl;
using MeshDsl.Istio.Security;
using MeshDsl.Istio.Security.V1Beta1;

namespace SeedMesh;

/// <summary>Security: the seed mesh's PeerAuthentications, AuthorizationPolicies and RequestAuthentication.</summary>
public sealed class Security : IMeshDefinition
{
    /// <summary>Mesh-wide strict mutual TLS: the policy named "default" in the root namespace istio-system.</summary>
    public static PeerAuthentication MeshStrictMtls { get; } = PeerAuthentication.Create("default", pa => pa
        .Namespace("istio-system")
        .Mtls(m => m.Mode(MutualTLSMode.Strict)));

    /// <summary>Lets workloads in production accept both mutual TLS and plain text.</summary>
    public static PeerAuthentication NamespacePolicy { get; } = PeerAuthentication.Create("namespace-policy", pa => pa
        .Namespace("production")
        .Mtls(m => m.Mode(MutualTLSMode.Permissive)));

    /// <summary>Strict mutual TLS for the api workload, except on port 8080 where it is disabled.</summary>
    public static PeerAuthentication ApiMtls { get; } = PeerAuthentication.Create("api-mtls", pa => pa
        .Namespace("production")
        .Selector(s => s.MatchLabels("app", "api"))
        .Mtls(m => m.Mode(MutualTLSMode.Strict))
        .PortLevelMtls("8080", m => m.Mode(MutualTLSMode.Disable)));

    /// <summary>Denies every request to workloads in production: an empty policy allows nothing.</summary>
    public static AuthorizationPolicy DenyAll { get; } = AuthorizationPolicy.Create("deny-all", ap => ap
        .Namespace("production"));

    /// <summary>Lets the frontend call GET/POST /api/v1/*, and anyone in production call GET /health, on the api workload.</summary>
    public static AuthorizationPolicy ApiAccess { get; } = AuthorizationPolicy.Create("api-access", ap => ap
        .Namespace("production")
        .Selector(s => s.MatchLabels("app", "api"))
        .Action(AuthorizationPolicyAction.Allow)
        .Rules(r => r
            .From(f => f.Source(s => s.Principals("cluster.local/ns/production/sa/frontend")))
            .To(t => t.Operation(o => o.Methods("GET", "POST").Paths("/api/v1/*"))))
        .Rules(r => r
            .From(f => f.Source(s => s.Namespaces("production")))
            .To(t => t.Operation(o => o.Methods("GET").Paths("/health")))));

    /// <summary>Validates JWTs issued by auth.example.com on requests to the api workload.</summary>
    public static RequestAuthentication JwtAuth { get; } = RequestAuthentication.Create("jwt-auth", ra => ra
        .Namespace("production")
        .Selector(s => s.MatchLabels("app", "api"))
        .JwtRules(j => j
            .Issuer("https://auth.example.com")
            .JwksUri("https://auth.example.com/.well-known/jwks.json")));

    /// <summary>Admits only requests to the api workload that carry a valid JWT (any request principal).</summary>
    public static AuthorizationPolicy RequireJwt { get; } = AuthorizationPolicy.Create("require-jwt", ap => ap
        .Namespace("production")
        .Selector(s => s.MatchLabels("app", "api"))
        .Action(AuthorizationPolicyAction.Allow)
        .Rules(r => r
            .From(f => f.Source(s => s.RequestPrincipals("*")))));

    /// <summary>Adds this file's resources to the mesh; building the project writes them as manifests.</summary>
    public void Define(IMeshBuilder mesh) => mesh
        .Add(MeshStrictMtls)
        .Add(NamespacePolicy)
        .Add(ApiMtls)
        .Add(DenyAll)
        .Add(ApiAccess)
        .Add(JwtAuth)
        .Add(RequireJwt);
}

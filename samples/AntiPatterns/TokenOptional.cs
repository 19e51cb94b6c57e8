using MeshDsl;
using MeshDsl.Istio.Security;
using MeshDsl.Istio.Security.V1;

namespace AntiPatterns;

/// <summary>
/// MESH1046: the cart RequestAuthentication rejects invalid JWTs, but a request with no token passes it, and the only
/// ALLOW policy for cart admits the shop namespace's callers without reading the token: the JWT is optional. Requiring
/// it takes a request principal in the policy: .Source(s => s.Namespaces("shop").RequestPrincipals("*")).
/// </summary>
public sealed class TokenOptional : IMeshDefinition
{
    /// <inheritdoc />
    public void Define(IMeshBuilder mesh) => mesh
        .Add(RequestAuthentication.Create("cart-jwt", ra => ra
            .Namespace(Shop.Namespace)
            .Selector(s => s.MatchLabels("app", "cart"))
            .JwtRules(j => j
                .Issuer("https://auth.example.com")
                .JwksUri("https://auth.example.com/.well-known/jwks.json"))))
        .Add(AuthorizationPolicy.Create("cart-access", ap => ap
            .Namespace(Shop.Namespace)
            .Selector(s => s.MatchLabels("app", "cart"))
            .Action(AuthorizationPolicyAction.Allow)
            .Rules(r => r.From(f => f.Source(s => s.Namespaces(Shop.Namespace))))));
}

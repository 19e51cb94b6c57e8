using MeshDsl;
using MeshDsl.Istio.Security;
using MeshDsl.Istio.Security.V1;

namespace AntiPatterns;

/// <summary>
/// MESH1042: the namespace denies by default (allow-nothing), but the orders policy has an empty rule {}, which
/// matches every request: any caller, any path, any method may reach orders.
/// </summary>
public sealed class AllowEverything : IMeshDefinition
{
    /// <inheritdoc />
    public void Define(IMeshBuilder mesh) => mesh
        .Add(AuthorizationPolicy.Create("allow-nothing", ap => ap
            .Namespace(Shop.Namespace)))
        .Add(AuthorizationPolicy.Create("orders-access", ap => ap
            .Namespace(Shop.Namespace)
            .Selector(s => s.MatchLabels("app", "orders"))
            .Action(AuthorizationPolicyAction.Allow)
            .Rules(r => { })));
}

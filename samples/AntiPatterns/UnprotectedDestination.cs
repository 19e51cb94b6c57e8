using MeshDsl;
using MeshDsl.Istio.Networking;
using MeshDsl.Istio.Networking.V1;

namespace AntiPatterns;

/// <summary>
/// MESH1020 and MESH1021 (Info): a DestinationRule that sets only the load balancer. Without outlier detection
/// failing inventory pods keep receiving requests; without connection-pool limits nothing breaks the circuit
/// under overload.
/// </summary>
public sealed class UnprotectedDestination : IMeshDefinition
{
    /// <inheritdoc />
    public void Define(IMeshBuilder mesh) => mesh
        .Add(DestinationRule.Create("inventory", dr => dr
            .Namespace(Shop.Namespace)
            .Host("inventory")
            .TrafficPolicy(tp => tp
                .LoadBalancer(lb => lb.Simple(SimpleLB.LeastRequest)))));
}

using System.Collections.Generic;
using k8s.Models;
using MeshDsl;

namespace AntiPatterns;

/// <summary>
/// MESH1070 (Info) and MESH1071: the orders Deployment neither sizes its sidecar (sidecar.istio.io/proxyCPU,
/// proxyMemory), so the proxy gets the install's defaults, nor has liveness and readiness probes, so the mesh sends
/// traffic to pods that cannot serve yet and a hung process is never restarted.
/// </summary>
public sealed class UnprobedWorkload : IMeshDefinition
{
    /// <inheritdoc />
    public void Define(IMeshBuilder mesh) => mesh.Add(new V1Deployment
    {
        Metadata = new V1ObjectMeta { Name = "orders", NamespaceProperty = Shop.Namespace },
        Spec = new V1DeploymentSpec
        {
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "orders" } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "orders" } },
                Spec = new V1PodSpec
                {
                    Containers = [new V1Container { Name = "orders", Image = "example.com/orders:1.0.0" }],
                },
            },
        },
    });
}

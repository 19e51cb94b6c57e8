using System.Collections.Generic;
using k8s.Models;
using MeshDsl;
using MeshDsl.Istio.Security;
using MeshDsl.Istio.Security.V1;

namespace AntiPatterns;

/// <summary>
/// MESH1105: the ledger policy reads STRICT, but disables mTLS on port 8080, and 8080 is the only port the ledger
/// Deployment serves on: the workload takes plain text only, and its callers are not authenticated. A port-level
/// DISABLE is for one port that must stay plain text (a metrics port), beside the ports the workload's traffic uses.
/// </summary>
public sealed class PlaintextOnEveryPort : IMeshDefinition
{
    /// <inheritdoc />
    public void Define(IMeshBuilder mesh) => mesh
        .Add(PeerAuthentication.Create("ledger", pa => pa
            .Namespace(Shop.Namespace)
            .Selector(s => s.MatchLabels("app", "ledger"))
            .Mtls(m => m.Mode(MutualTLSMode.Strict))
            .PortLevelMtls("8080", m => m.Mode(MutualTLSMode.Disable))))
        .Add(new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "ledger", NamespaceProperty = Shop.Namespace },
            Spec = new V1DeploymentSpec
            {
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "ledger" } },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta
                    {
                        Labels = new Dictionary<string, string> { ["app"] = "ledger" },
                        Annotations = new Dictionary<string, string>
                        {
                            ["sidecar.istio.io/proxyCPU"] = "100m",
                            ["sidecar.istio.io/proxyMemory"] = "128Mi",
                        },
                    },
                    Spec = new V1PodSpec
                    {
                        Containers =
                        [
                            new V1Container
                            {
                                Name = "ledger",
                                Image = "example.com/ledger:1.0.0",
                                Ports = [new V1ContainerPort { Name = "http", ContainerPort = 8080 }],
                                LivenessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/live", Port = 8080 } },
                                ReadinessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/ready", Port = 8080 } },
                            },
                        ],
                    },
                },
            },
        });
}

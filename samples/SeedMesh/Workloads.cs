using System.Collections.Generic;
using k8s.Models;
using MeshDsl;

namespace SeedMesh;

/// <summary>
/// The Kubernetes side of the production namespace, with KubernetesClient's models: the namespace with
/// sidecar injection on, and the api workload with the sidecar resource annotations and probes the seed
/// recommends.
/// </summary>
public sealed class Workloads : IMeshDefinition
{
    /// <summary>The production namespace, with Istio's sidecar injection enabled.</summary>
    public static V1Namespace Production { get; } = new()
    {
        Metadata = new V1ObjectMeta { Name = "production", Labels = new Dictionary<string, string> { ["istio-injection"] = "enabled" } },
    };

    /// <summary>The api Service: port 8080, named for its protocol so Istio detects HTTP.</summary>
    public static V1Service ApiService { get; } = new()
    {
        Metadata = new V1ObjectMeta { Name = "api", NamespaceProperty = "production", Labels = new Dictionary<string, string> { ["app"] = "api" } },
        Spec = new V1ServiceSpec
        {
            Selector = new Dictionary<string, string> { ["app"] = "api" },
            Ports = [new V1ServicePort { Name = "http", Port = 8080, TargetPort = 8080 }],
        },
    };

    /// <summary>The api Deployment: sidecar requests and limits set, liveness and readiness probes on.</summary>
    public static V1Deployment ApiDeployment { get; } = new()
    {
        Metadata = new V1ObjectMeta { Name = "api", NamespaceProperty = "production", Labels = new Dictionary<string, string> { ["app"] = "api" } },
        Spec = new V1DeploymentSpec
        {
            Replicas = 2,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "api" } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta
                {
                    Labels = new Dictionary<string, string> { ["app"] = "api", ["version"] = "v1" },
                    Annotations = new Dictionary<string, string>
                    {
                        ["sidecar.istio.io/proxyCPU"] = "100m",
                        ["sidecar.istio.io/proxyMemory"] = "128Mi",
                        ["sidecar.istio.io/proxyCPULimit"] = "500m",
                        ["sidecar.istio.io/proxyMemoryLimit"] = "256Mi",
                    },
                },
                Spec = new V1PodSpec
                {
                    Containers =
                    [
                        new V1Container
                        {
                            Name = "api",
                            Image = "example.com/api:1.0.0",
                            Ports = [new V1ContainerPort { Name = "http", ContainerPort = 8080 }],
                            LivenessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/health/live", Port = 8080 }, PeriodSeconds = 10 },
                            ReadinessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/health/ready", Port = 8080 }, PeriodSeconds = 5 },
                        },
                    ],
                },
            },
        },
    };

    /// <summary>Adds the namespace, Service and Deployment to the mesh's manifests.</summary>
    public void Define(IMeshBuilder mesh) => mesh
        .Add(Production)
        .Add(ApiService)
        .Add(ApiDeployment);
}

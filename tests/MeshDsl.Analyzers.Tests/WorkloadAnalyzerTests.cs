using System.Threading.Tasks;
using Xunit;

namespace MeshDsl.Analyzers.Tests;

/// <summary>Kubernetes objects written with KubernetesClient's models and object initializers, folded like builder chains.</summary>
public sealed class WorkloadAnalyzerTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using k8s.Models;

        """;

    [Fact]
    public Task A_deployment_without_sidecar_resources_or_probes_is_reported() => Verify.Analyzer(Usings + """
        class Workloads
        {
            static V1Deployment Api = new V1Deployment
            {
                Metadata = new V1ObjectMeta { Name = "api", NamespaceProperty = "shop" },
                Spec = new V1DeploymentSpec
                {
                    Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "api" } },
                    Template = new V1PodTemplateSpec
                    {
                        {|MESH1070:Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "api" } }|},
                        Spec = new V1PodSpec { Containers = [{|MESH1071:new V1Container { Name = "api", Image = "api:1" }|}] },
                    },
                },
            };
        }
        """, "MESH1070", "MESH1071");

    [Fact]
    public Task A_deployment_with_sidecar_resources_and_probes_is_not_reported() => Verify.Analyzer(Usings + """
        class Workloads
        {
            static V1Deployment Api = new()
            {
                Metadata = new V1ObjectMeta { Name = "api", NamespaceProperty = "shop" },
                Spec = new V1DeploymentSpec
                {
                    Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { { "app", "api" } } },
                    Template = new V1PodTemplateSpec
                    {
                        Metadata = new V1ObjectMeta
                        {
                            Annotations = new Dictionary<string, string>
                            {
                                ["sidecar.istio.io/proxyCPU"] = "100m",
                                ["sidecar.istio.io/proxyMemory"] = "128Mi",
                            },
                        },
                        Spec = new V1PodSpec
                        {
                            Containers = new List<V1Container>
                            {
                                new V1Container
                                {
                                    Name = "api",
                                    Image = "api:1",
                                    LivenessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/live", Port = 8080 } },
                                    ReadinessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/ready", Port = 8080 } },
                                },
                            },
                        },
                    },
                },
            };
        }
        """, "MESH1070", "MESH1071");

    [Fact]
    public Task Annotations_or_containers_built_elsewhere_are_not_judged() => Verify.Analyzer(Usings + """
        class Workloads
        {
            static Dictionary<string, string> SidecarResources() => new() { ["sidecar.istio.io/proxyCPU"] = "100m" };

            static List<V1Container> Containers() => new();

            static V1Deployment Api = new()
            {
                Metadata = new V1ObjectMeta { Name = "api" },
                Spec = new V1DeploymentSpec
                {
                    Selector = new V1LabelSelector(),
                    Template = new V1PodTemplateSpec
                    {
                        Metadata = new V1ObjectMeta { Annotations = SidecarResources() },
                        Spec = new V1PodSpec { Containers = Containers() },
                    },
                },
            };
        }
        """, "MESH1070", "MESH1071");
}

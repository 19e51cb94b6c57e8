using Xunit;
using static MeshDsl.Cli.Tests.ImportTestFiles;

namespace MeshDsl.Cli.Tests;

/// <summary>
/// Issue 6: core Kubernetes objects are imported as object initializers of KubernetesClient's models, added with
/// mesh.Add as the samples do (their round trip: <see cref="FixtureRoundTripTests"/>).
/// </summary>
public sealed class CoreObjectImportTests
{
    [Fact]
    public void TheCoreFixtureCoversTheCommonKinds() => Assert.Equal(
        new[]
        {
            "Namespace", "ServiceAccount", "ConfigMap", "Secret", "Service", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod",
            "HorizontalPodAutoscaler", "PodDisruptionBudget", "Ingress", "NetworkPolicy", "Role", "RoleBinding", "ValidatingWebhookConfiguration",
            "CustomResourceDefinition",
        },
        RoundTrip.OfFixture("core-objects.yaml").Kinds);

    [Fact]
    public void AServiceIsAnObjectInitializerAddedToTheMesh()
    {
        var text = Text("""
            apiVersion: v1
            kind: Service
            metadata:
              name: api
              namespace: production
              labels: {app: api}
            spec:
              selector: {app: api}
              ports:
              - {name: http, port: 8080, targetPort: 8080}
            """);
        Assert.Equal("""
            using System.Collections.Generic;
            using MeshDsl;
            using k8s.Models;

            namespace Imported;

            public sealed class Reviews : IMeshDefinition
            {
                public void Define(IMeshBuilder mesh) => mesh
                    // from: reviews.yaml
                    .Add(new V1Service
                    {
                        Metadata = new V1ObjectMeta
                        {
                            Name = "api",
                            NamespaceProperty = "production",
                            Labels = new Dictionary<string, string> { ["app"] = "api" },
                        },
                        Spec = new V1ServiceSpec
                        {
                            Ports = [new V1ServicePort { Name = "http", Port = 8080, TargetPort = 8080 }],
                            Selector = new Dictionary<string, string> { ["app"] = "api" },
                        },
                    });
            }

            """.Replace("\r\n", "\n"), text);
    }

    [Theory]
    [InlineData("CreationTimestamp = new DateTime(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc)")]
    [InlineData("CaBundle = Convert.FromBase64String(\"LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t\")")]
    [InlineData("[\"password\"] = Convert.FromBase64String(\"czNjcjN0\")")]
    [InlineData("Limits = new Dictionary<string, ResourceQuantity> { [\"cpu\"] = \"1\", [\"memory\"] = \"1Gi\" }")]
    [InlineData("RollingUpdate = new V1RollingUpdateDeployment { MaxSurge = \"25%\", MaxUnavailable = 0 }")]
    [InlineData("[\"tags\"] = new List<object> { \"a\", \"b\" }")]
    [InlineData("EmptyDir = new V1EmptyDirVolumeSource()")]
    public void TimesBytesQuantitiesAndUntypedValuesAreWrittenThroughTheirCSharpTypes(string code) =>
        Assert.Contains(code, RoundTrip.OfFixture("core-objects.yaml").Text);
}

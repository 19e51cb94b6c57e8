using System.Linq;
using MeshDsl.Cli.Import;
using Xunit;
using static MeshDsl.Cli.Tests.ImportTestFiles;

namespace MeshDsl.Cli.Tests;

public sealed class ImportRefusalTests
{
    private const string Good = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: good}
        spec: {hosts: [good]}
        """;

    [Theory]
    [InlineData("networking.istio.io/v1\nkind: VirtualService", "spec:\n  hosts: [bad]\n  http:\n  - websocketUpgrade: true", "reviews.yaml:7:5: error MESH0401 spec.http[0].websocketUpgrade: 'websocketUpgrade' is not a field of the schema; the typed builders have no place for it")]
    [InlineData("v1\nkind: Service", "spec:\n  ports:\n  - port: 80\n    weight: 3", "reviews.yaml:7:5: error MESH0401 spec.ports[0].weight: 'weight' is not a field of KubernetesClient's V1ServicePort")]
    public void AnUnknownFieldIsAnErrorAtItsLineAndTheRestIsImported(string apiVersionAndKind, string spec, string error)
    {
        var result = ImportYaml($"apiVersion: {apiVersionAndKind}\nmetadata: {{name: bad}}\n{spec}\n---\n{Good}\n");
        Assert.Equal(error, Assert.Single(result.Findings).ToString());
        Assert.Equal((1, 1), (result.Imported, result.Refused));
        Assert.Contains("Create(\"good\"", result.Files.Single().Text);
        Assert.DoesNotContain("\"bad\"", result.Files.Single().Text);
    }

    [Fact]
    public void StatusIsLeftOutWithAWarning()
    {
        var result = ImportYaml(Good + "\nstatus:\n  observedGeneration: 3\n");
        var finding = Assert.Single(result.Findings);
        Assert.False(finding.IsError);
        Assert.Equal(ImportIds.StatusNotImported, finding.Id);
        Assert.Equal(5, finding.At!.Line);
        Assert.Equal(1, result.Imported);
    }

    [Fact]
    public void MetadataBeyondNameNamespaceLabelsAnnotationsIsRefused()
    {
        var result = ImportYaml("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: r
              finalizers: [x]
            spec: {hosts: [r]}
            """);
        var finding = Assert.Single(result.Findings);
        Assert.Equal("metadata.finalizers", finding.Path);
        Assert.Equal(ImportIds.NotExpressible, finding.Id);
        Assert.Empty(result.Files);
    }

    [Theory]
    [InlineData("v1", "Widget")]
    [InlineData("example.com/v1", "Widget")]
    [InlineData("apps/v1beta1", "Deployment")]
    [InlineData("gateway.networking.k8s.io/v1", "HTTPRoute")]
    public void KindsWithNeitherBuildersNorAKubernetesClientModelAreRefusedByName(string apiVersion, string kind)
    {
        var result = ImportYaml($"{Good}\n---\napiVersion: {apiVersion}\nkind: {kind}\nmetadata: {{name: x}}\n");
        var finding = Assert.Single(result.Findings);
        Assert.Equal($"reviews.yaml:6:1: error MESH0402 (document): {apiVersion} {kind}: no MeshDsl builders and no KubernetesClient model for this apiVersion and kind", finding.ToString());
        Assert.Equal((1, 1), (result.Imported, result.Refused));
    }

    [Theory]
    [InlineData("- a\n- b", "reviews.yaml:6:1: error MESH0402 (document): not a Kubernetes object: a list")]
    [InlineData("just text", "reviews.yaml:6:1: error MESH0402 (document): not a Kubernetes object: the string \"just text\"")]
    [InlineData("kind: Service\nmetadata: {name: s}", "reviews.yaml:6:1: error MESH0402 (document): not a Kubernetes object: apiVersion and kind are needed")]
    public void ADocumentThatIsNoKubernetesObjectIsRefused(string yaml, string error)
    {
        var result = ImportYaml($"{Good}\n---\n{yaml}\n");
        Assert.Equal(error, Assert.Single(result.Findings).ToString());
        Assert.Equal((1, 1), (result.Imported, result.Refused));
    }

    [Fact]
    public void AValueOfTheWrongTypeIsRefused()
    {
        var result = ImportYaml("""
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: r}
            spec:
              host: r
              trafficPolicy: {tls: {mode: SOMETIMES}}
            """);
        var finding = Assert.Single(result.Findings);
        Assert.Equal("spec.trafficPolicy.tls.mode", finding.Path);
        Assert.Contains("one of ClientTLSMode's values", finding.Message);
    }
}

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

    [Fact]
    public void AnUnknownFieldIsAnErrorAtItsLineAndTheRestIsImported()
    {
        var result = ImportYaml($"""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {"{"}name: bad{"}"}
            spec:
              hosts: [bad]
              http:
              - websocketUpgrade: true
            ---
            {Good}
            """);
        var finding = Assert.Single(result.Findings);
        Assert.Equal("reviews.yaml:7:5: error MESH0401 spec.http[0].websocketUpgrade: 'websocketUpgrade' is not a field of the schema; the typed builders have no place for it", finding.ToString());
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
    [InlineData("v1", "Service", "core Kubernetes objects are not supported yet")]
    [InlineData("example.com/v1", "Widget", "no builders for this apiVersion and kind")]
    public void KindsWithoutBuildersAreRefused(string apiVersion, string kind, string message)
    {
        var result = ImportYaml($"apiVersion: {apiVersion}\nkind: {kind}\nmetadata: {{name: x}}\n");
        var finding = Assert.Single(result.Findings);
        Assert.Equal(ImportIds.KindNotSupported, finding.Id);
        Assert.Contains(message, finding.Message);
        Assert.Equal(1, result.Refused);
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

using MeshDsl.Cli.Import;
using Xunit;
using static MeshDsl.Cli.Tests.ImportTestFiles;

namespace MeshDsl.Cli.Tests;

public sealed class CSharpWriterTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("C:\\path", "\"C:\\\\path\"")]
    [InlineData("a\nb\r\tc", "\"a\\nb\\r\\tc\"")]
    [InlineData("line\u2028sep\u0085", "\"line\\u2028sep\\u0085\"")]
    [InlineData("zero-width\u200bjoiner", "\"zero-width\\u200Bjoiner\"")]
    [InlineData("héllo wörld 日本", "\"héllo wörld 日本\"")]
    public void StringsAreEscaped(string value, string literal) => Assert.Equal(literal, CSharpLiterals.Escaped(value).Text);

    [Theory]
    [InlineData(100.0, "100.0")]
    [InlineData(0.5, "0.5")]
    [InlineData(1e21, "1E+21")]
    public void NumbersAreDoubleLiteralsInInvariantCulture(double value, string literal)
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Equal(literal, CSharpLiterals.Number(value).Text);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void WritesAWholeDefinitionClass()
    {
        var text = Text("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
              namespace: prod
              labels:
                app: reviews
            spec:
              hosts: [reviews, reviews.prod.svc.cluster.local]
              http:
              - match:
                - headers:
                    end-user:
                      exact: jason
                route:
                - destination: {host: reviews, subset: v3}
                timeout: 5s
              - route:
                - destination: {host: reviews, subset: v1}
                  weight: 90
            """);
        Assert.Equal("""
            using MeshDsl;
            using MeshDsl.Istio.Networking.V1;

            namespace Imported;

            public sealed class Reviews : IMeshDefinition
            {
                public void Define(IMeshBuilder mesh) => mesh
                    // from: reviews.yaml
                    .Add(VirtualService.Create("reviews", vs => vs
                        .Namespace("prod")
                        .Metadata(m => m.Labels("app", "reviews"))
                        .Hosts("reviews", "reviews.prod.svc.cluster.local")
                        .Http(h => h
                            .Match(m => m.Headers("end-user", h2 => h2.Exact("jason")))
                            .Route(r => r
                                .Destination(d => d
                                    .Host("reviews")
                                    .Subset("v3")))
                            .Timeout("5s"))
                        .Http(h => h
                            .Route(r => r
                                .Destination(d => d
                                    .Host("reviews")
                                    .Subset("v1"))
                                .Weight(90)))));
            }

            """.Replace("\r\n", "\n"), text);
    }

    [Fact]
    public void EnumsAreMembersFoundThroughTheirWireValue()
    {
        var text = Text("""
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: reviews}
            spec:
              host: reviews
              trafficPolicy:
                tls: {mode: ISTIO_MUTUAL}
            """);
        Assert.Contains(".TrafficPolicy(t => t.Tls(t2 => t2.Mode(ClientTLSMode.IstioMutual)))", text);
        Assert.Contains("using MeshDsl.Istio.Networking;", text);
    }

    [Fact]
    public void FreeFormValuesUseObjectListAndLiterals()
    {
        var text = Text("""
            apiVersion: networking.istio.io/v1alpha3
            kind: EnvoyFilter
            metadata: {name: lua}
            spec:
              configPatches:
              - applyTo: HTTP_FILTER
                patch:
                  operation: INSERT_BEFORE
                  value:
                    name: lua
                    priority: 10
                    weight: 1.5
                    enabled: true
                    nothing: null
                    list: [a, 2]
                    config: {inline: "x"}
            """);
        Assert.Contains("FreeForm.Object(v => v", text);
        Assert.Contains(".Set(\"priority\", 10)", text);
        Assert.Contains(".Set(\"weight\", 1.5)", text);
        Assert.Contains(".Set(\"enabled\", true)", text);
        Assert.Contains(".Set(\"nothing\", FreeForm.Null)", text);
        Assert.Contains(".Set(\"list\", FreeForm.List(\"a\", 2))", text);
        Assert.Contains(".Set(\"config\", c2 => c2.Set(\"inline\", \"x\")))", text);
    }

    [Fact]
    public void MapsOfScalarsAreOneCallPerEntry()
    {
        var text = Text("""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {name: db}
            spec:
              hosts: [db.example.com]
              endpoints:
              - address: 10.0.0.1
                labels: {app: db, tier: data}
            """);
        Assert.Contains(".Labels(\"app\", \"db\")", text);
        Assert.Contains(".Labels(\"tier\", \"data\")", text);
    }

    [Fact]
    public void TypesSharingASimpleNameAreQualified()
    {
        var text = Text("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: a}
            spec: {hosts: [a]}
            ---
            apiVersion: networking.istio.io/v1beta1
            kind: VirtualService
            metadata: {name: b}
            spec: {hosts: [b]}
            """);
        Assert.Contains("global::MeshDsl.Istio.Networking.V1.VirtualService.Create(\"a\"", text);
        Assert.Contains("global::MeshDsl.Istio.Networking.V1Beta1.VirtualService.Create(\"b\"", text);
        Assert.DoesNotContain("using MeshDsl.Istio.Networking.V1;", text);
    }

    [Theory]
    [InlineData("gateway.yaml", "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: gw}\nspec: {selector: {istio: ingressgateway}}", "GatewayDefinition.cs")]
    [InlineData("V1Namespace.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}", "V1NamespaceDefinition.cs")]
    [InlineData("dictionary.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}", "DictionaryDefinition.cs")]
    public void AClassNamedLikeATypeTheCodeCouldNameGetsASuffix(string file, string yaml, string name) =>
        Assert.Equal(name, Assert.Single(ImportYaml(yaml, file).Files).Name);
}

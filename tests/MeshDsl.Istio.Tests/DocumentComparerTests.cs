using System.IO;
using MeshDsl.Documents;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace MeshDsl.Istio.Tests;

/// <summary>The comparer finds every kind of difference, so the seed-mesh tests cannot pass by accident.</summary>
public class DocumentComparerTests
{
    private const string Yaml = """
        kind: VirtualService
        spec:
          hosts: [reviews]
          http:
          - route:
            - destination: {host: reviews, subset: v1}
              weight: 90
            - destination: {host: reviews, subset: v2}
              weight: 10
          port: 80
          exact: "true"
          sampling: 100.0
          enabled: true
        """;

    [Fact]
    public void EqualTreesHaveNoDifferences()
    {
        Assert.Empty(DocumentComparer.Compare(Parse(Yaml), Document()));
    }

    [Fact]
    public void KeyOrderDoesNotMatter()
    {
        var reordered = new DocumentMap();
        var original = Document();
        reordered.Add("spec", original["spec"]!);
        reordered.Add("kind", original["kind"]!);

        Assert.Empty(DocumentComparer.Compare(Parse(Yaml), reordered));
    }

    [Fact]
    public void DetectsAChangedScalar()
    {
        var document = Document(secondWeight: 20);

        Assert.Equal(["spec.http[0].route[1].weight: expected 10, got 20"], DocumentComparer.Compare(Parse(Yaml), document));
    }

    [Fact]
    public void DetectsAMissingKey()
    {
        var document = Document();
        document.Add("spec", Without(Spec(document), "hosts"));

        Assert.Equal(["spec.hosts: missing (expected [\"reviews\"])"], DocumentComparer.Compare(Parse(Yaml), document));
    }

    [Fact]
    public void DetectsAnExtraKey()
    {
        var document = Document();
        Spec(document).Add("gateways", Strings("mesh"));

        Assert.Equal(["spec.gateways: unexpected (got [\"mesh\"])"], DocumentComparer.Compare(Parse(Yaml), document));
    }

    [Fact]
    public void DetectsAnIntegerWrittenAsAString()
    {
        var document = Document();
        Spec(document).Add("port", DocumentScalar.String("80"));

        Assert.Equal(["spec.port: expected integer 80, got string \"80\""], DocumentComparer.Compare(Parse(Yaml), document));
    }

    [Fact]
    public void DetectsAQuotedStringWrittenAsABoolean()
    {
        var document = Document();
        Spec(document).Add("exact", DocumentScalar.Boolean(true));

        Assert.Equal(["spec.exact: expected string \"true\", got boolean true"], DocumentComparer.Compare(Parse(Yaml), document));
    }

    [Fact]
    public void DetectsAMissingAndAnExtraListItem()
    {
        var shorter = Document();
        Spec(shorter).Add("hosts", new DocumentList());
        var longer = Document();
        Spec(longer).Add("hosts", Strings("reviews", "ratings"));

        Assert.Equal(["spec.hosts[0]: missing (expected \"reviews\")"], DocumentComparer.Compare(Parse(Yaml), shorter));
        Assert.Equal(["spec.hosts[1]: unexpected (got \"ratings\")"], DocumentComparer.Compare(Parse(Yaml), longer));
    }

    [Fact]
    public void DetectsAShapeMismatch()
    {
        var document = Document();
        Spec(document).Add("hosts", DocumentScalar.String("reviews"));

        Assert.Equal(["spec.hosts: expected a list [\"reviews\"], got string \"reviews\""], DocumentComparer.Compare(Parse(Yaml), document));
    }

    [Theory]
    [InlineData("80", ScalarKind.Integer)]
    [InlineData("-3", ScalarKind.Integer)]
    [InlineData("0x1F", ScalarKind.Integer)]
    [InlineData("100.0", ScalarKind.Number)]
    [InlineData("1e3", ScalarKind.Number)]
    [InlineData("true", ScalarKind.Boolean)]
    [InlineData("False", ScalarKind.Boolean)]
    [InlineData("null", ScalarKind.Null)]
    [InlineData("~", ScalarKind.Null)]
    [InlineData("\"80\"", ScalarKind.String)]
    [InlineData("'true'", ScalarKind.String)]
    [InlineData("30s", ScalarKind.String)]
    [InlineData("5xx,reset", ScalarKind.String)]
    [InlineData("!!str 80", ScalarKind.String)]
    [InlineData("yes", ScalarKind.String)]
    public void ResolvesYamlScalarsByTheCoreSchema(string yaml, ScalarKind kind)
    {
        var value = (YamlScalarNode)((YamlMappingNode)Parse("value: " + yaml))["value"];

        Assert.Equal(kind, DocumentComparer.Resolve(value).Kind);
    }

    private static YamlNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents[0].RootNode;
    }

    // The document Yaml describes, built by hand.
    private static DocumentMap Document(int secondWeight = 10)
    {
        var spec = new DocumentMap
        {
            { "hosts", Strings("reviews") },
            { "http", List(Map("route", List(Route("v1", 90), Route("v2", secondWeight)))) },
            { "port", DocumentScalar.Integer(80) },
            { "exact", DocumentScalar.String("true") },
            { "sampling", DocumentScalar.Number(100) },
            { "enabled", DocumentScalar.Boolean(true) },
        };

        return new DocumentMap
        {
            { "kind", DocumentScalar.String("VirtualService") },
            { "spec", spec },
        };
    }

    private static DocumentMap Route(string subset, int weight) => new()
    {
        { "destination", new DocumentMap { { "host", DocumentScalar.String("reviews") }, { "subset", DocumentScalar.String(subset) } } },
        { "weight", DocumentScalar.Integer(weight) },
    };

    private static DocumentMap Spec(DocumentMap document) => (DocumentMap)document["spec"]!;

    private static DocumentMap Without(DocumentMap map, string key)
    {
        var copy = new DocumentMap();
        foreach (var entry in map)
        {
            if (entry.Key != key)
            {
                copy.Add(entry.Key, entry.Value);
            }
        }

        return copy;
    }

    private static DocumentMap Map(string key, DocumentNode value) => new() { { key, value } };

    private static DocumentList List(params DocumentNode[] items)
    {
        var list = new DocumentList();
        foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static DocumentList Strings(params string[] items)
    {
        var list = new DocumentList();
        foreach (var item in items)
        {
            list.Add(DocumentScalar.String(item));
        }

        return list;
    }
}

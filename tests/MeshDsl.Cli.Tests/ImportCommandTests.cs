using System;
using System.IO;
using System.Linq;
using Xunit;

namespace MeshDsl.Cli.Tests;

public sealed class ImportCommandTests : IDisposable
{
    private const string Yaml = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: reviews, namespace: prod}
        spec: {hosts: [reviews]}
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "meshdsl-import-" + Guid.NewGuid().ToString("N"));

    public ImportCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void StandardInputGoesToStandardOutput()
    {
        var (code, output, error) = Run(Yaml, "import", "-");
        Assert.Equal(0, code);
        Assert.Contains("public sealed class Stdin : IMeshDefinition", output);
        Assert.Contains("1 resources imported", error);
    }

    [Fact]
    public void OutWritesOneFilePerSourceFile()
    {
        File.WriteAllText(Path.Combine(_folder, "reviews.yaml"), Yaml);
        File.WriteAllText(Path.Combine(_folder, "ratings-routes.yaml"), Yaml.Replace("reviews", "ratings"));
        var target = Path.Combine(_folder, "out");
        var (code, output, _) = Run(string.Empty, "import", _folder, "--out", target, "--namespace", "Company.Mesh");
        Assert.Equal(0, code);
        Assert.Empty(output);
        Assert.Contains("namespace Company.Mesh;", File.ReadAllText(Path.Combine(target, "Reviews.cs")));
        Assert.Contains("class RatingsRoutes", File.ReadAllText(Path.Combine(target, "RatingsRoutes.cs")));
    }

    [Fact]
    public void PerNamespaceAndClassNameGroupTheResources()
    {
        var yaml = Yaml + "\n---\n" + Yaml.Replace("reviews, namespace: prod", "ratings, namespace: test");
        var target = Path.Combine(_folder, "out");
        Assert.Equal(0, Run(yaml, "import", "-", "--per", "namespace", "--out", target).Code);
        Assert.Equal(new[] { "Prod.cs", "Test.cs" }, Directory.GetFiles(target).Select(Path.GetFileName).Order().ToArray());
        var single = Run(yaml, "import", "-", "--class-name", "Routes").Output;
        Assert.Contains("class Routes", single);
        Assert.Contains("\"ratings\"", single);
    }

    [Fact]
    public void RefusedDocumentsExitOneAndTheOthersAreWritten()
    {
        var (code, output, error) = Run(Yaml + "\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\n", "import", "-");
        Assert.Equal(1, code);
        Assert.Contains("<stdin>:6:1: error MESH0402", error);
        Assert.Contains("Create(\"reviews\"", output);
    }

    [Theory]
    [InlineData("import")]
    [InlineData("import", "-", "--per", "cluster")]
    [InlineData("import", "-", "--class-name", "1st")]
    [InlineData("import", "missing.yaml")]
    public void UsageErrorsAndMissingInputsExitTwo(params string[] args) => Assert.Equal(2, Run(Yaml, args).Code);

    private static (int Code, string Output, string Error) Run(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandLine.Run(args, new StringReader(input), output, error);
        return (code, output.ToString(), error.ToString());
    }
}

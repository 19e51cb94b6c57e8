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
    public void NamespacePerFileAndClassNameGroupTheResources()
    {
        var yaml = Yaml + "\n---\n" + Yaml.Replace("reviews, namespace: prod", "ratings, namespace: test");
        var target = Path.Combine(_folder, "out");
        Assert.Equal(0, Run(yaml, "import", "-", "--namespace-per-file", "--out", target).Code);
        Assert.Equal(new[] { "Prod.cs", "Test.cs" }, Directory.GetFiles(target).Select(Path.GetFileName).Order().ToArray());
        var single = Run(yaml, "import", "-", "--class-name", "Routes").Output;
        Assert.Contains("class Routes", single);
        Assert.Contains("\"ratings\"", single);
    }

    [Fact]
    public void SingleFileWritesEveryClassIntoOneFile()
    {
        File.WriteAllText(Path.Combine(_folder, "reviews.yaml"), Yaml);
        File.WriteAllText(Path.Combine(_folder, "workloads.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata: {name: prod}\n");
        var target = Path.Combine(_folder, "out");
        Assert.Equal(0, Run(string.Empty, "import", _folder, "--single-file", "--out", target, "--namespace", "Company.Mesh").Code);
        var text = File.ReadAllText(Assert.Single(Directory.GetFiles(target)));
        Assert.Equal("Mesh.cs", Path.GetFileName(Directory.GetFiles(target)[0]));
        Assert.Contains("public sealed class Reviews : IMeshDefinition", text);
        Assert.Contains("public sealed class Workloads : IMeshDefinition", text);
        Assert.Equal(1, text.Split("namespace Company.Mesh;").Length - 1);

        var (code, output, _) = Run(Yaml.Replace("reviews, namespace: prod", "ratings, namespace: test") + "\n---\n" + Yaml, "import", "-", "--single-file", "--namespace-per-file");
        Assert.Equal(0, code);
        Assert.True(output.IndexOf("class Test ", StringComparison.Ordinal) < output.IndexOf("class Prod ", StringComparison.Ordinal), output);
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: Service\nmetadata: {name: reviews, namespace: prod}\nspec: {ports: [{port: 80}]}", 0, ".Add(new V1Service", "2 resources imported")]
    [InlineData("apiVersion: v1\nkind: Widget\nmetadata: {name: s}", 1, "Create(\"reviews\"", "<stdin>:6:1: error MESH0402 (document): v1 Widget:")]
    public void EachDocumentIsImportedOrRefusedOnItsOwn(string second, int exitCode, string inOutput, string inError)
    {
        var (code, output, error) = Run(Yaml + "\n---\n" + second + "\n", "import", "-");
        Assert.Equal(exitCode, code);
        Assert.Contains("Create(\"reviews\"", output);
        Assert.Contains(inOutput, output);
        Assert.Contains(inError, error);
    }

    [Theory]
    [InlineData("[--namespace-per-file] [--single-file]")]
    [InlineData("core objects (Service,")]
    public void HelpNamesTheOptionsAndWhatIsImported(string fragment) => Assert.Contains(fragment, Run(string.Empty, "import", "--help").Output);

    [Theory]
    [InlineData("import")]
    [InlineData("import", "-", "--per", "namespace")]
    [InlineData("import", "-", "--class-name", "1st")]
    [InlineData("import", "-", "--class-name", "Mesh", "--namespace-per-file")]
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

using System.Diagnostics;
using System.IO;
using MeshDsl.Testing;
using Xunit;
using Xunit.Abstractions;

namespace MeshDsl.Package.Tests;

/// <summary>`dotnet tool install MeshDsl.Tool` from the feed gives a `meshdsl` that works on Istio's corpus.</summary>
[Collection(PackageCollection.Name)]
public sealed class ToolPackageTests(PackageFeed feed, ITestOutputHelper log)
{
    [Fact]
    public void The_installed_meshdsl_validates_and_analyzes_the_corpus_as_the_repository_build_does()
    {
        var tools = Path.Combine(feed.Root, "tools");
        var watch = Stopwatch.StartNew();
        var install = feed.Dotnet(feed.Root, $"tool install MeshDsl.Tool --tool-path \"{tools}\" --add-source \"{feed.Feed}\"");
        log.WriteLine($"dotnet tool install in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(install.ExitCode == 0, install.Output);
        Assert.Contains("You can invoke the tool using the following command: meshdsl", install.Output);

        var corpus = DotnetBuild.SharedPath("istio", "corpus");
        var built = Path.Combine(RepositoryPaths.Root, "src", "MeshDsl.Cli", "bin", PackageFeed.Configuration, "net8.0", "MeshDsl.Cli.dll");
        foreach (var command in new[] { "validate", "analyze" })
        {
            var installed = DotnetBuild.Run(Path.Combine(tools, "meshdsl"), feed.Root, $"{command} \"{corpus}\"", feed.Variables);
            var repository = DotnetBuild.Run(feed.Root, $"exec \"{built}\" {command} \"{corpus}\"");

            // Findings in the corpus (decision 0015, the mesh rules) make both exit 1; the output is the same to the byte.
            Assert.True(installed.ExitCode == 1, installed.Output);
            Assert.Equal(repository.ExitCode, installed.ExitCode);
            Assert.Equal(repository.Output, installed.Output);
            Assert.Contains(command == "validate" ? "meshdsl: 324 documents," : "meshdsl: 324 resources,", installed.Output);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using MeshDsl.Testing;
using Xunit;

namespace MeshDsl.Package.Tests;

/// <summary>
/// MeshDsl and MeshDsl.Tool packed once per test run into a temporary folder feed. Consumers live in the same
/// temporary folder, outside the repository, and restore with their own NuGet package folder, so no package of an
/// earlier run (or of the machine's cache) is ever used.
/// </summary>
public sealed class PackageFeed : IDisposable
{
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    public PackageFeed()
    {
        Root = Path.Combine(Path.GetTempPath(), "meshdsl-package-tests-" + Guid.NewGuid().ToString("N")[..8]);
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Feed);
        Variables = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = Path.Combine(Root, "packages"),
            // The installed tool's launcher finds the runtime these tests run on, wherever it is installed.
            ["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..")),
        };
        WriteConsumerSettings();

        var packing = Stopwatch.StartNew();
        Package = Pack("src/MeshDsl.Package/MeshDsl.Package.csproj", "MeshDsl");
        ToolPackage = Pack("src/MeshDsl.Cli/MeshDsl.Cli.csproj", "MeshDsl.Tool");
        PackTime = packing.Elapsed;
    }

    /// <summary>The temporary folder: the feed, the NuGet package folder and the consumer projects.</summary>
    public string Root { get; }

    public string Feed { get; }

    /// <summary>The MeshDsl .nupkg.</summary>
    public string Package { get; }

    /// <summary>The MeshDsl.Tool .nupkg.</summary>
    public string ToolPackage { get; }

    public TimeSpan PackTime { get; }

    /// <summary>Environment variables of every dotnet command the tests run against the feed.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; }

    public (int ExitCode, string Output) Dotnet(string workingDirectory, string arguments) => DotnetBuild.Run(workingDirectory, arguments, Variables);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process that still holds a file; the folder is in the temporary directory.
        }
    }

    // The folder feed beside the sources the machine is configured with (they serve MeshDsl's dependencies), and
    // empty Directory.* files so that nothing above the temporary folder applies to the consumers.
    private void WriteConsumerSettings()
    {
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="meshdsl-test-feed" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(Root, file), "<Project />\n");
        }
    }

    // `dotnet pack -no-build`: the projects were built by this test project's build, in the configuration it runs in.
    private string Pack(string project, string id)
    {
        var (exitCode, output) = Dotnet(DotnetBuild.RepositoryRoot, $"pack {project} --no-build -c {Configuration} -o \"{Feed}\" -nologo");
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet pack {project} failed:\n{output}");
        }

        // MeshDsl.0.1.0.nupkg, not MeshDsl.Tool.0.1.0.nupkg: the id is followed by the version's first digit.
        return Directory.GetFiles(Feed, id + ".*.nupkg").Single(f => char.IsDigit(Path.GetFileName(f)[id.Length + 1]));
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "packages";
}

using System.IO;
using System.Text.RegularExpressions;
using Xunit;

namespace MeshDsl.Package.Tests;

/// <summary>
/// A console project made as the README says: `dotnet new console`, then `dotnet add package MeshDsl` from the test
/// feed (its nuget.config lists the feed beside the machine's sources).
/// </summary>
internal sealed class PackageConsumer
{
    private readonly PackageFeed _feed;

    public PackageConsumer(PackageFeed feed, string name, string targetFramework)
    {
        _feed = feed;
        TargetFramework = targetFramework;
        Folder = Path.Combine(feed.Root, name);
        Run(feed.Root, $"new console -o {name} -n {name}");
        // The .NET 10 SDK's console template offers net10.0 only; a net8.0 project is the same project retargeted.
        var project = File.ReadAllText(ProjectFile);
        File.WriteAllText(ProjectFile, Regex.Replace(project, "<TargetFramework>[^<]*</TargetFramework>", $"<TargetFramework>{targetFramework}</TargetFramework>"));
        Run(Folder, "add package MeshDsl");
    }

    public string Folder { get; }

    public string TargetFramework { get; }

    public string ProjectFile => Path.Combine(Folder, Path.GetFileName(Folder) + ".csproj");

    /// <summary>Where `dotnet build` puts the app (the Debug configuration, as a user's first build).</summary>
    public string OutputFolder => Path.Combine(Folder, "bin", "Debug", TargetFramework);

    public string ManifestFolder => Path.Combine(OutputFolder, "manifests");

    public void Write(string relativePath, string text)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Edit(string relativePath, string text, string replacement) => Write(relativePath, File.ReadAllText(Path.Combine(Folder, relativePath)).Replace(text, replacement));

    /// <summary>Writes <c>{className}.cs</c>: a mesh definition that adds <paramref name="resource"/>, made with <paramref name="builders"/>' types.</summary>
    public void WriteDefinition(string className, string builders, string resource) => Write(className + ".cs", $$"""
        using MeshDsl;
        using {{builders}};

        namespace Shop;

        public sealed class {{className}} : IMeshDefinition
        {
            public void Define(IMeshBuilder mesh) => mesh.Add(
        {{resource}});
        }
        """);

    /// <summary>Adds <paramref name="xml"/> (property groups, item groups) at the end of the project file.</summary>
    public void AddToProject(string xml) => File.WriteAllText(ProjectFile, File.ReadAllText(ProjectFile).Replace("</Project>", xml + "\n</Project>"));

    /// <summary>The 1-based line of <paramref name="relativePath"/> that contains <paramref name="text"/>.</summary>
    public int LineOf(string relativePath, string text) => System.Array.FindIndex(File.ReadAllLines(Path.Combine(Folder, relativePath)), l => l.Contains(text)) + 1;

    public (int ExitCode, string Output) Build() => _feed.Dotnet(Folder, "build -nologo -tl:off");

    private void Run(string workingDirectory, string arguments)
    {
        var (exitCode, output) = _feed.Dotnet(workingDirectory, arguments);
        Assert.True(exitCode == 0, $"dotnet {arguments}:\n{output}");
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;
using System.Security.Cryptography;
using System.Text.Json;
using System.Xml.Linq;
using MeshDsl.Testing;
using Xunit;
using Xunit.Abstractions;

namespace MeshDsl.Package.Tests;

/// <summary>What the two .nupkg files hold, entry by entry (docs/decisions/0020-package-layout.md).</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageLayoutTests(PackageFeed feed, ITestOutputHelper log)
{
    private const string EmitTool = "tools/net8.0/";
    private const string DotnetTool = "tools/net8.0/any/";

    private static readonly string[] LibraryAndBuildEntries =
    {
        "LICENSE", "README.md", "THIRD-PARTY-NOTICES.md",
        "lib/net8.0/MeshDsl.dll", "lib/net8.0/MeshDsl.xml", "lib/net8.0/MeshDsl.Istio.dll", "lib/net8.0/MeshDsl.Istio.xml",
        "analyzers/dotnet/cs/MeshDsl.Generator.dll", "analyzers/dotnet/cs/YamlDotNet.dll",
        "analyzers/dotnet/cs/MeshDsl.Analyzers.dll", "analyzers/dotnet/cs/MeshDsl.CodeFixes.dll",
        "build/MeshDsl.props", "build/MeshDsl.targets", "build/MeshDsl.Generator.targets", "build/istio-type-names.yaml",
    };

    [Fact]
    public void MeshDsl_holds_the_runtime_the_compiler_extensions_the_build_files_and_the_emit_tool_and_nothing_else()
    {
        using var package = ZipFile.OpenRead(feed.Package);
        var entries = Contents(package);
        log.WriteLine($"{Path.GetFileName(feed.Package)}: {new FileInfo(feed.Package).Length:N0} bytes, {package.Entries.Count} entries ({entries.Count} content), packed in {feed.PackTime.TotalSeconds:F1} s with MeshDsl.Tool");

        Assert.Equal(LibraryAndBuildEntries.Order(), entries.Where(e => !e.StartsWith(EmitTool, StringComparison.Ordinal)).Order());
        AssertToolFolderIsItsDependencyClosure(package, EmitTool, extraFiles: Array.Empty<string>());
    }

    [Fact]
    public void MeshDsl_Tool_is_a_dotnet_tool_with_the_command_meshdsl_and_its_dependencies()
    {
        using var package = ZipFile.OpenRead(feed.ToolPackage);
        var entries = Contents(package);
        log.WriteLine($"{Path.GetFileName(feed.ToolPackage)}: {new FileInfo(feed.ToolPackage).Length:N0} bytes, {package.Entries.Count} entries ({entries.Count} content)");

        Assert.Equal(new[] { "LICENSE", "README.md", "THIRD-PARTY-NOTICES.md" }, entries.Where(e => !e.StartsWith(DotnetTool, StringComparison.Ordinal)).Order());
        AssertToolFolderIsItsDependencyClosure(package, DotnetTool, extraFiles: new[] { "DotnetToolSettings.xml" });
        var command = XDocument.Parse(Read(package, DotnetTool + "DotnetToolSettings.xml")).Descendants("Command").Single();
        Assert.Equal(("meshdsl", "MeshDsl.Cli.dll"), ((string?)command.Attribute("Name"), (string?)command.Attribute("EntryPoint")));
        var metadata = Nuspec(package);
        Assert.Equal("MeshDsl.Tool", Element(metadata, "id"));
        Assert.Equal("DotnetTool", (string?)metadata.Descendants().Single(e => e.Name.LocalName == "packageType").Attribute("name"));
    }

    [Fact]
    public void The_nuspecs_carry_licence_readme_repository_and_release_notes_and_MeshDsl_depends_on_what_the_runtime_references()
    {
        foreach (var path in new[] { feed.Package, feed.ToolPackage })
        {
            using var package = ZipFile.OpenRead(path);
            var metadata = Nuspec(package);
            var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
            Assert.Equal(("expression", "MIT"), ((string?)license.Attribute("type"), license.Value));
            Assert.Equal("README.md", Element(metadata, "readme"));
            Assert.False(string.IsNullOrWhiteSpace(Element(metadata, "releaseNotes")), $"{path}: no release notes");
            Assert.StartsWith("https://", (string?)metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("url"));
        }

        using var meshDsl = ZipFile.OpenRead(feed.Package);
        var group = Nuspec(meshDsl).Descendants().Single(e => e.Name.LocalName == "group");
        Assert.Equal("net8.0", (string?)group.Attribute("targetFramework"));
        var runtime = XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", "MeshDsl", "MeshDsl.csproj"));
        Assert.Equal(
            runtime.Descendants("PackageReference").Select(r => (string)r.Attribute("Include")!).Order(),
            group.Elements().Select(d => (string)d.Attribute("id")!).Order());
    }

    [Fact]
    public void The_compiler_extensions_are_netstandard2_0_and_reference_Roslyn_4_8_so_the_NET_8_SDK_loads_them()
    {
        using var package = ZipFile.OpenRead(feed.Package);
        foreach (var entry in package.Entries.Where(e => e.FullName.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal)))
        {
            var references = AssemblyReferences(entry);
            Assert.True(references.GetValueOrDefault("netstandard") == new Version(2, 0, 0, 0), $"{entry.FullName} does not target netstandard2.0");
            var roslyn = references.Where(r => r.Key.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToList();
            Assert.True(entry.Name == "YamlDotNet.dll" || roslyn.Count > 0, $"{entry.FullName} references no Roslyn assembly");
            Assert.All(roslyn, r => Assert.True(r.Value == new Version(4, 8, 0, 0), $"{entry.FullName} references {r.Key} {r.Value}, not 4.8.0.0 (docs/decisions/0006-roslyn-versions.md)"));
        }
    }

    [Fact]
    public void No_file_of_shared_istio_is_in_the_packages_but_the_bundle_embedded_in_the_validator()
    {
        var shared = SharedIstioHashes();
        foreach (var path in new[] { feed.Package, feed.ToolPackage })
        {
            using var package = ZipFile.OpenRead(path);
            foreach (var entry in package.Entries)
            {
                using var stream = entry.Open();
                Assert.False(shared.TryGetValue(Convert.ToHexString(SHA256.HashData(stream)), out var file), $"{Path.GetFileName(path)}: {entry.FullName} is a copy of {file}");
            }

            var yaml = package.Entries.Where(e => e.Name.EndsWith(".yaml", StringComparison.Ordinal) || e.Name.EndsWith(".yml", StringComparison.Ordinal)).Select(e => e.FullName);
            Assert.Equal(path == feed.Package ? new[] { "build/istio-type-names.yaml" } : Array.Empty<string>(), yaml);

            // The one way Istio's CRDs travel: embedded in MeshDsl.Validation.dll when it builds, from $(MeshDslIstioCrdPath).
            var validation = package.Entries.Single(e => e.Name == "MeshDsl.Validation.dll");
            Assert.Equal(File.ReadAllText(DotnetBuild.SharedPath("istio", "1.30.3", "crd-all.gen.yaml")), EmbeddedResource(validation, "MeshDsl.Validation.istio-crds.yaml"));
        }
    }

    [Fact]
    public void No_file_of_shared_istio_is_in_the_repository()
    {
        var shared = SharedIstioHashes();
        var skipped = new HashSet<string>(StringComparer.Ordinal) { "bin", "obj", ".git", "TestResults", "BenchmarkDotNet.Artifacts", "node_modules" };
        var files = new List<string>();
        var folders = new Stack<string>(new[] { RepositoryPaths.Root });
        while (folders.TryPop(out var folder))
        {
            files.AddRange(Directory.GetFiles(folder));
            foreach (var child in Directory.GetDirectories(folder).Where(d => !skipped.Contains(Path.GetFileName(d))))
            {
                folders.Push(child);
            }
        }

        Assert.All(files, file => Assert.False(shared.TryGetValue(Hash(file), out var copied), $"{file} is a copy of {copied}"));
        Assert.True(files.Count > 100, $"only {files.Count} files found under {RepositoryPaths.Root}");
    }

    // Every package entry but NuGet's own parts (the nuspec, the OPC relationships, content types and core properties).
    private static List<string> Contents(ZipArchive package) => package.Entries
        .Select(e => e.FullName)
        .Where(n => !n.EndsWith(".nuspec", StringComparison.Ordinal) && !n.StartsWith("_rels/", StringComparison.Ordinal)
            && n != "[Content_Types].xml" && !n.StartsWith("package/services/metadata/", StringComparison.Ordinal))
        .ToList();

    // A tool folder holds its entry point's .deps.json and .runtimeconfig.json, every assembly the .deps.json names
    // (so `dotnet exec` finds them all) and no other assembly; .pdb files only beside those assemblies.
    private static void AssertToolFolderIsItsDependencyClosure(ZipArchive package, string folder, string[] extraFiles)
    {
        var files = package.Entries.Where(e => e.FullName.StartsWith(folder, StringComparison.Ordinal) && !e.FullName[folder.Length..].Contains('/')).Select(e => e.Name).ToList();
        using var deps = JsonDocument.Parse(Read(package, folder + "MeshDsl.Cli.deps.json"));
        var named = deps.RootElement.GetProperty("targets").EnumerateObject().Single().Value.EnumerateObject()
            .SelectMany(library => library.Value.TryGetProperty("runtime", out var runtime) ? runtime.EnumerateObject().Select(r => Path.GetFileName(r.Name)) : Enumerable.Empty<string>())
            .ToHashSet();

        Assert.Contains("MeshDsl.Cli.dll", named);
        Assert.Contains("MeshDsl.Validation.dll", named);
        Assert.Equal(named.Order(), files.Where(f => f.EndsWith(".dll", StringComparison.Ordinal)).Order());
        var expected = named.Concat(extraFiles).Concat(new[] { "MeshDsl.Cli.deps.json", "MeshDsl.Cli.runtimeconfig.json" });
        Assert.All(files.Except(expected), f => Assert.True(f.EndsWith(".pdb", StringComparison.Ordinal) && named.Contains(Path.ChangeExtension(f, ".dll")), $"{folder}{f} is not part of the tool"));
        Assert.Contains("\"rollForward\": \"LatestMajor\"", Read(package, folder + "MeshDsl.Cli.runtimeconfig.json"));
    }

    private static Dictionary<string, string> SharedIstioHashes()
    {
        var files = Directory.GetFiles(DotnetBuild.SharedPath("istio"), "*", SearchOption.AllDirectories);
        Assert.True(files.Length > 300, "../shared/istio is missing; it holds the CRD bundles and the corpus");
        return files.GroupBy(Hash).ToDictionary(g => g.Key, g => g.First());
    }

    private static string Hash(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexString(SHA256.HashData(stream));
    }

    private static string Read(ZipArchive package, string entry)
    {
        using var reader = new StreamReader(package.GetEntry(entry)?.Open() ?? throw new InvalidOperationException($"no {entry} in the package"));
        return reader.ReadToEnd();
    }

    private static XElement Nuspec(ZipArchive package) =>
        XDocument.Parse(Read(package, package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).FullName)).Root!.Elements().Single(e => e.Name.LocalName == "metadata");

    private static string? Element(XElement metadata, string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

    private static MemoryStream Copy(ZipArchiveEntry entry)
    {
        var copy = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(copy);
        }

        copy.Position = 0;
        return copy;
    }

    private static Dictionary<string, Version> AssemblyReferences(ZipArchiveEntry entry)
    {
        using var pe = new PEReader(Copy(entry));
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Select(metadata.GetAssemblyReference).ToDictionary(r => metadata.GetString(r.Name), r => r.Version);
    }

    // Loaded for its resources only, in a context of its own that is unloaded again.
    private static string EmbeddedResource(ZipArchiveEntry assembly, string name)
    {
        var context = new AssemblyLoadContext("package-inspection", isCollectible: true);
        try
        {
            using var image = Copy(assembly);
            using var stream = context.LoadFromStream(image).GetManifestResourceStream(name) ?? throw new InvalidOperationException($"{assembly.FullName} embeds no {name}");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        finally
        {
            context.Unload();
        }
    }
}

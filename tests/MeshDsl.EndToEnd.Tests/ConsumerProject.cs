using System.IO;
using MeshDsl.Testing;

namespace MeshDsl.EndToEnd.Tests;

/// <summary>A throwaway project that uses the compiled Istio builders and emits at build, as a service repo would.</summary>
internal sealed class ConsumerProject
{
    public ConsumerProject(string name, string targetFrameworks = "net10.0", string extraProperties = "")
    {
        Folder = DotnetBuild.NewProjectFolder(name);
        var root = DotnetBuild.RepositoryRoot;
        var frameworks = targetFrameworks.Contains(';') ? $"<TargetFrameworks>{targetFrameworks}</TargetFrameworks>" : $"<TargetFramework>{targetFrameworks}</TargetFramework>";
        File.WriteAllText(Path.Combine(Folder, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {frameworks}
                <MeshDslOutputPath>{OutputFolder}/</MeshDslOutputPath>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{root}/src/MeshDsl.Istio/MeshDsl.Istio.csproj" />
                <ProjectReference Include="{root}/src/MeshDsl/MeshDsl.csproj" />
              </ItemGroup>
              <Import Project="{root}/build/MeshDsl.InRepo.targets" />
            </Project>
            """);
    }

    public string Folder { get; }

    public string OutputFolder => Path.Combine(Folder, "manifests");

    public string DefinitionsPath => Path.Combine(Folder, "Definitions.cs");

    /// <summary>Writes Definitions.cs; <paramref name="body"/> is the body of Define, one statement per line.</summary>
    public void Define(string body) => File.WriteAllText(DefinitionsPath, $$"""
        using MeshDsl;
        using MeshDsl.Istio.Networking.V1;

        public sealed class Routes : IMeshDefinition
        {
            public void Define(IMeshBuilder mesh)
            {
        {{body}}
            }
        }
        """);

    /// <summary>The 1-based line of Definitions.cs that contains <paramref name="text"/>.</summary>
    public int LineOf(string text)
    {
        var lines = File.ReadAllLines(DefinitionsPath);
        return System.Array.FindIndex(lines, l => l.Contains(text)) + 1;
    }

    public (int ExitCode, string Output) Build(string arguments = "") => DotnetBuild.Run(Folder, $"build -nologo -v:n {DotnetBuild.PrebuiltReferences} {arguments}");
}

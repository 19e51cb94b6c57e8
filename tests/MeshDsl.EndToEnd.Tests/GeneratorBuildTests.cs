using System.IO;
using MeshDsl.Testing;
using Xunit;

namespace MeshDsl.EndToEnd.Tests;

/// <summary>A consumer project that generates Istio's builders in its own compilation, built by MSBuild.</summary>
public sealed class GeneratorBuildTests
{
    private const string Program = """
        using MeshDsl.Istio.Networking;
        using MeshDsl.Istio.Networking.V1Beta1;

        var route = VirtualService.Create("reviews", vs => vs
            .Namespace("default")
            .Hosts("reviews")
            .Http(r => r
                .Route(d => d.Destination(x => x.Host("reviews").Subset("v1")))
                .Timeout("10s")));
        var rule = DestinationRule.Create("reviews", dr => dr
            .Host("reviews")
            .TrafficPolicy(tp => tp.LoadBalancer(lb => lb.Simple(SimpleLB.RoundRobin))));
        System.Console.WriteLine(route.ToDocument().Count + rule.ToDocument().Count);
        """;

    [Theory]
    [InlineData("1.24.0")]
    [InlineData("1.30.3")]
    public void Consumer_generating_an_istio_bundle_builds_with_zero_warnings(string version)
    {
        var folder = DotnetBuild.NewProjectFolder("istio-" + version);
        var root = DotnetBuild.RepositoryRoot;
        File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{root}/src/MeshDsl/MeshDsl.csproj" />
                <MeshCrd Include="{DotnetBuild.SharedPath("istio", version, "crd-all.gen.yaml")}" Namespace="MeshDsl.Istio" />
                <MeshTypeNames Include="{root}/src/MeshDsl.Istio/istio-type-names.yaml" />
              </ItemGroup>
              <Import Project="{root}/generator/MeshDsl.Generator/build/MeshDsl.Generator.InRepo.targets" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), Program);

        var (exitCode, output) = DotnetBuild.Run(folder, $"build -nologo -clp:Summary {DotnetBuild.PrebuiltReferences}");

        Assert.True(exitCode == 0, output);
        Assert.Contains("0 Warning(s)", output);
        Assert.Contains("0 Error(s)", output);
    }
}

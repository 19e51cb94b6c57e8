using System.Diagnostics;
using System.IO;
using System.Linq;
using MeshDsl.Testing;
using Xunit;
using Xunit.Abstractions;

namespace MeshDsl.Package.Tests;

/// <summary>New console projects that add the MeshDsl package and build: builders, analyzers and emission, as a user gets them.</summary>
[Collection(PackageCollection.Name)]
public sealed class ConsumerBuildTests(PackageFeed feed, ITestOutputHelper log)
{
    [Fact]
    public void The_readme_quickstart_builds_with_a_MESH_warning_and_writes_its_manifests()
    {
        var shop = NewConsumer("Shop", "net10.0");

        var (exitCode, output) = Build(shop);

        Assert.True(exitCode == 0, output);
        Assert.Contains($"{Path.Combine(shop.Folder, "Mesh.cs")}({shop.LineOf("Mesh.cs", ".Http(")},", output);
        Assert.Contains("warning MESH1001: spec.http[0] forwards traffic without a timeout", output);
        Assert.Equal(
            new[] { "50-destinationrule.shop.reviews.yaml", "60-virtualservice.shop.reviews.yaml", "kustomization.yaml" },
            Directory.GetFiles(shop.ManifestFolder, "*.yaml").Select(Path.GetFileName).Order());
        Assert.Contains("  host: reviews\n", File.ReadAllText(Path.Combine(shop.ManifestFolder, "50-destinationrule.shop.reviews.yaml")));
        Assert.Contains("        subset: v2\n      weight: 10\n", File.ReadAllText(Path.Combine(shop.ManifestFolder, "60-virtualservice.shop.reviews.yaml")));
    }

    [Fact]
    public void A_net8_project_gets_builders_for_its_own_CRD_and_its_resources_are_validated_against_it()
    {
        var shop = NewConsumer("OwnCrd", "net8.0");
        // A Gateway-API-like CRD written for the tests (tests/fixtures/crds/README.md), added as a user adds theirs.
        File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "crds", "gateway-lite.yaml"), Path.Combine(shop.Folder, "gateway-api.yaml"));
        shop.AddToProject("""<ItemGroup><MeshCrd Include="gateway-api.yaml" Namespace="Shop.Crds" /></ItemGroup>""");
        shop.WriteDefinition("Routes", "Shop.Crds.Gateway.V1", """
            WebRoute.Create("storefront", r => r
                .Namespace("shop")
                .Hostnames("shop.example.com")
                .ParentRefs(p => p.Name("public").Port(443)))
            """);

        var (exitCode, output) = Build(shop);

        Assert.True(exitCode == 0, output);
        Assert.Contains("warning MESH1001", output);
        var route = Path.Combine(shop.ManifestFolder, "50-webroute.shop.storefront.yaml");
        Assert.Contains("apiVersion: gateway.meshdsl.test/v1\nkind: WebRoute\n", File.ReadAllText(route));
        Assert.Contains("    port: 443\n", File.ReadAllText(route));
        Assert.True(File.Exists(Path.Combine(shop.ManifestFolder, "60-virtualservice.shop.reviews.yaml")));

        // The CRD's own bounds (port 1..65535) are checked at emission, at the C# line that set the value.
        shop.Edit("Routes.cs", "Port(443)", "Port(70000)");
        var (failedExit, failed) = Build(shop);

        Assert.NotEqual(0, failedExit);
        Assert.Contains($"Routes.cs({shop.LineOf("Routes.cs", "Port(70000)")},1): error MESH0205: WebRoute shop/storefront spec.parentRefs[0].port: 70000 is outside 1..65535", failed);
        Assert.Contains("    port: 443\n", File.ReadAllText(route));
    }

    [Fact]
    public void A_project_replaces_the_compiled_Istio_builders_with_another_release_and_is_validated_against_it()
    {
        var shop = NewConsumer("Istio124", "net10.0");
        shop.AddToProject($"""
            <PropertyGroup><MeshDslIstio>false</MeshDslIstio></PropertyGroup>
            <ItemGroup><MeshCrd Include="{DotnetBuild.SharedPath("istio", "1.24.0", "crd-all.gen.yaml")}" Namespace="MeshDsl.Istio" /></ItemGroup>
            """);
        // Istio 1.24.0 requires tcp.idleTimeout >= 1ms (a CEL rule 1.30.3 dropped): only its CRDs reject "0s".
        shop.WriteDefinition("Pools", "MeshDsl.Istio.Networking.V1", """
            DestinationRule.Create("ratings", dr => dr
                .Namespace("shop")
                .Host("ratings")
                .TrafficPolicy(tp => tp.ConnectionPool(cp => cp.Tcp(t => t.IdleTimeout("0s")))))
            """);

        var (exitCode, output) = Build(shop);

        Assert.NotEqual(0, exitCode);
        Assert.DoesNotContain("CS0436", output);
        Assert.DoesNotContain("CS0433", output);
        Assert.Contains("warning MESH1001", output);
        Assert.Contains($"Pools.cs({shop.LineOf("Pools.cs", "IdleTimeout")},1): error MESH0212: DestinationRule shop/ratings spec.trafficPolicy.connectionPool.tcp.idleTimeout: must be a valid duration greater than 1ms", output);
        Assert.False(File.Exists(Path.Combine(shop.OutputFolder, "MeshDsl.Istio.dll")), "the compiled MeshDsl.Istio.dll was copied beside the app");
        Assert.DoesNotContain("MeshDsl.Istio", File.ReadAllText(Path.Combine(shop.OutputFolder, "Istio124.deps.json")));

        shop.Edit("Pools.cs", "\"0s\"", "\"30s\"");
        var (fixedExit, fixedOutput) = Build(shop);

        Assert.True(fixedExit == 0, fixedOutput);
        Assert.Contains("        idleTimeout: 30s\n", File.ReadAllText(Path.Combine(shop.ManifestFolder, "50-destinationrule.shop.ratings.yaml")));
    }

    // A new console project with the package and the README's quickstart as Mesh.cs (its MESH1001 warning included).
    private PackageConsumer NewConsumer(string name, string targetFramework)
    {
        var watch = Stopwatch.StartNew();
        var consumer = new PackageConsumer(feed, name, targetFramework);
        consumer.Write("Mesh.cs", Readme.QuickstartFile());
        log.WriteLine($"{name}: dotnet new console + dotnet add package MeshDsl in {watch.Elapsed.TotalSeconds:F1} s");
        return consumer;
    }

    private (int ExitCode, string Output) Build(PackageConsumer consumer)
    {
        var watch = Stopwatch.StartNew();
        var result = consumer.Build();
        log.WriteLine($"{Path.GetFileName(consumer.Folder)}: dotnet build in {watch.Elapsed.TotalSeconds:F1} s (exit {result.ExitCode})");
        return result;
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MeshDsl.Testing;
using Xunit;

namespace MeshDsl.EndToEnd.Tests;

/// <summary>`dotnet build` of the sample and of consumer projects writes manifests, incrementally and atomically.</summary>
public sealed class EmissionTests
{
    private const string Reviews = "        mesh.Add(VirtualService.Create(\"reviews\", vs => vs.Namespace(\"default\").Hosts(\"reviews\").Http(r => r.Route(d => d.Destination(x => x.Host(\"reviews\"))).Timeout(\"10s\"))));";

    [Fact]
    public void Sample_build_emits_every_seed_document_equal_as_data()
    {
        var output = DotnetBuild.NewProjectFolder("seed-manifests");
        var (exitCode, log) = DotnetBuild.Run(DotnetBuild.RepositoryRoot, $"build samples/SeedMesh/SeedMesh.csproj -nologo {DotnetBuild.PrebuiltReferences} -p:MeshDslOutputPath={output}/");
        Assert.True(exitCode == 0, log);

        var seed = YamlData.LoadAll(File.ReadAllText(DotnetBuild.SharedPath("examples", "seed-mesh.yaml")));
        var emitted = YamlData.LoadFolder(output).ToDictionary(YamlData.Id);
        Assert.Equal(17, seed.Count);
        foreach (var document in seed)
        {
            var id = YamlData.Id(document);
            Assert.True(emitted.ContainsKey(id), $"{id} was not emitted");
            var differences = YamlData.Differences(document, emitted[id]);
            Assert.True(differences.Count == 0, $"{id}:\n" + string.Join("\n", differences));
        }

        Assert.Contains("Namespace -/production", emitted.Keys);
        Assert.Contains("Deployment production/api", emitted.Keys);
    }

    [Theory]
    [InlineData("SeedMesh", 20)]
    [InlineData("Bookinfo", 10)]
    public void Kustomize_accepts_the_emitted_folder_and_reads_the_same_documents(string sample, int resources)
    {
        var output = DotnetBuild.NewProjectFolder(sample + "-kustomize");
        var (exitCode, log) = DotnetBuild.Run(DotnetBuild.RepositoryRoot, $"build samples/{sample}/{sample}.csproj -nologo {DotnetBuild.PrebuiltReferences} -p:MeshDslOutputPath={output}/");
        Assert.True(exitCode == 0, log);
        Assert.Equal(resources + 1, Directory.GetFiles(output, "*.yaml").Length);

        var (kubectlExit, kustomized) = Kubectl.Run($"kustomize {output}");

        Assert.True(kubectlExit == 0, kustomized);
        var emitted = YamlData.LoadFolder(output).ToDictionary(YamlData.Id);
        var read = YamlData.LoadAll(kustomized).ToDictionary(YamlData.Id);
        Assert.Equal(emitted.Keys.OrderBy(k => k), read.Keys.OrderBy(k => k));
        Assert.All(emitted, e => Assert.Empty(YamlData.Differences(e.Value, read[e.Key])));
    }

    [Fact]
    public void Emission_is_incremental_and_a_failed_build_leaves_the_manifests_untouched()
    {
        var project = new ConsumerProject("incremental");
        project.Define(Reviews);
        var file = Path.Combine(project.OutputFolder, "60-virtualservice.default.reviews.yaml");

        var first = project.Build();
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("hosts:\n  - reviews\n", File.ReadAllText(file));
        var written = File.GetLastWriteTimeUtc(file);

        var second = project.Build();
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("Skipping target \"MeshDslEmit\" because all output files are up-to-date", second.Output);
        Assert.Equal(written, File.GetLastWriteTimeUtc(file));

        project.Define(Reviews.Replace("Hosts(\"reviews\")", "Hosts(\"reviews\", \"reviews.default.svc.cluster.local\")"));
        var third = project.Build();
        Assert.True(third.ExitCode == 0, third.Output);
        Assert.Contains("- reviews.default.svc.cluster.local", File.ReadAllText(file));

        var before = Snapshot(project.OutputFolder);
        project.Define(Reviews + "\n        throw new System.InvalidOperationException(\"no routes today\");");
        var failed = project.Build();
        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains($"Definitions.cs({project.LineOf("no routes today")},1): error MESH0103: Routes.Define threw InvalidOperationException: no routes today", failed.Output);
        Assert.Equal(before, Snapshot(project.OutputFolder));
    }

    [Fact]
    public void A_duplicate_resource_fails_the_build_at_its_csharp_line()
    {
        var project = new ConsumerProject("duplicate");
        project.Define(Reviews + "\n        mesh.Add(VirtualService.Create(\"reviews\", vs => vs.Namespace(\"default\").Hosts(\"r\").Tcp(t => t.Route(d => d.Destination(x => x.Host(\"r\"))))));  // second");

        var (exitCode, output) = project.Build();

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"Definitions.cs({project.LineOf("// second")},1): error MESH0101: VirtualService default/reviews is declared twice", output);
        Assert.False(Directory.Exists(project.OutputFolder) && Directory.GetFiles(project.OutputFolder, "*.yaml").Length > 0);
    }

    [Fact]
    public void Schema_and_cel_violations_fail_the_build_at_the_csharp_lines_that_caused_them()
    {
        var project = new ConsumerProject("schema");
        project.Define("""
                    mesh.Add(VirtualService.Create("reviews", vs => vs
                        .Namespace("default")
                        .Hosts("reviews")
                        .Http(r => r
                            .Route(d => d.Weight(100))   // no destination
                            .Timeout("10s"))));
                    mesh.Add(VirtualService.Create("ratings", vs => vs
                        .Namespace("default")
                        .Hosts("ratings")
                        .Http(r => r
                            .Route(d => d.Destination(x => x.Host("ratings")))
                            .Timeout("500us"))));   // below the CRD's 1ms
            """);

        var (exitCode, output) = project.Build();

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"Definitions.cs({project.LineOf("// no destination")},1): error MESH0203: VirtualService default/reviews spec.http[0].route[0].destination: required field 'destination' is missing", output);
        Assert.Contains($"Definitions.cs({project.LineOf("// below the CRD's 1ms")},1): error MESH0212: VirtualService default/ratings spec.http[0].timeout: must be a valid duration greater than 1ms", output);
        Assert.False(Directory.Exists(project.OutputFolder) && Directory.GetFiles(project.OutputFolder, "*.yaml").Length > 0);
    }

    [Fact]
    public void Emission_can_be_switched_off_or_written_as_one_file()
    {
        var off = new ConsumerProject("off", extraProperties: "<MeshDslEmit>false</MeshDslEmit>");
        off.Define(Reviews);
        var offBuild = off.Build();
        Assert.True(offBuild.ExitCode == 0, offBuild.Output);
        Assert.False(Directory.Exists(off.OutputFolder));

        var single = new ConsumerProject("single", extraProperties: "<MeshDslLayout>single</MeshDslLayout>");
        single.Define(Reviews);
        var singleBuild = single.Build();
        Assert.True(singleBuild.ExitCode == 0, singleBuild.Output);
        Assert.Equal(new[] { "kustomization.yaml", "manifests.yaml" }, Directory.GetFiles(single.OutputFolder, "*.yaml").Select(Path.GetFileName).OrderBy(n => n));
        Assert.StartsWith("---\napiVersion: networking.istio.io/v1\nkind: VirtualService\n", File.ReadAllText(Path.Combine(single.OutputFolder, "manifests.yaml")));
    }

    [Fact]
    public void A_multi_targeting_project_emits_once()
    {
        var project = new ConsumerProject("multi", targetFrameworks: "net8.0;net10.0");
        project.Define(Reviews);

        var (exitCode, output) = project.Build();

        Assert.True(exitCode == 0, output);
        Assert.Equal(1, output.Split('\n').Count(line => line.Contains("meshdsl: 1 resources")));
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), f => File.ReadAllText(f) + "@" + File.GetLastWriteTimeUtc(f).Ticks);
}

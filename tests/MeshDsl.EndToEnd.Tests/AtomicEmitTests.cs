using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using MeshDsl.Testing;
using Xunit;

namespace MeshDsl.EndToEnd.Tests;

/// <summary>Killing `meshdsl emit` while it writes never leaves a partial manifest behind.</summary>
public sealed class AtomicEmitTests
{
    private const int Resources = 6000;

    [Fact]
    public void Killing_the_emit_step_midway_leaves_only_complete_files()
    {
        var project = new ConsumerProject("atomic", extraProperties: "<MeshDslEmit>false</MeshDslEmit>");
        project.Define($$"""
                    var variant = System.Environment.GetEnvironmentVariable("MESHDSL_E2E_VARIANT") ?? "a";
                    for (var i = 0; i < {{Resources}}; i++)
                    {
                        var name = "svc-" + i;
                        mesh.Add(VirtualService.Create(name, vs => vs.Namespace("default").Hosts(variant + "-" + name + ".example.com")
                            .Tcp(t => t.Route(d => d.Destination(x => x.Host("backend"))))));
                    }
            """);
        var build = project.Build();
        Assert.True(build.ExitCode == 0, build.Output);
        var assembly = Directory.GetFiles(Path.Combine(project.Folder, "bin"), "atomic.dll", SearchOption.AllDirectories).Single();
        var tool = Path.Combine(DotnetBuild.RepositoryRoot, "src", "MeshDsl.Cli", "bin", "Debug", "net8.0", "MeshDsl.Cli.dll");
        var output = project.OutputFolder;

        Assert.Equal(0, Emit(tool, assembly, output, "a", killAfter: null));
        foreach (var delay in new[] { 300, 600, 900, 1200, 1500, 2000 })
        {
            Emit(tool, assembly, output, delay % 600 == 0 ? "b" : "c", killAfter: TimeSpan.FromMilliseconds(delay));
            AssertOnlyCompleteFiles(output);
        }

        Assert.Equal(0, Emit(tool, assembly, output, "d", killAfter: null));
        AssertOnlyCompleteFiles(output);
        Assert.False(Directory.Exists(Path.Combine(output, ".meshdsl-staging")));
        Assert.All(Directory.GetFiles(output, "60-*.yaml"), f => Assert.Contains("- d-svc-", File.ReadAllText(f)));
    }

    private static int Emit(string tool, string assembly, string output, string variant, TimeSpan? killAfter)
    {
        var start = new ProcessStartInfo("dotnet", $"exec \"{tool}\" emit --assembly \"{assembly}\" --out \"{output}\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["MESHDSL_E2E_VARIANT"] = variant;
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (killAfter is { } delay && !process.WaitForExit(delay))
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        return process.ExitCode;
    }

    // Every manifest present is whole: it parses, and it is one VirtualService of one variant.
    private static void AssertOnlyCompleteFiles(string folder)
    {
        var files = Directory.GetFiles(folder, "*.yaml");
        Assert.Equal(Resources + 1, files.Length);
        foreach (var file in files.Where(f => !f.EndsWith("kustomization.yaml", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var document = Assert.Single(YamlData.LoadAll(text));
            Assert.StartsWith("VirtualService default/svc-", YamlData.Id(document));
            Assert.Contains(".example.com\n", text);
            Assert.EndsWith("host: backend\n", text);
        }

        var kustomization = File.ReadAllText(Path.Combine(folder, "kustomization.yaml"));
        Assert.EndsWith(".yaml\n", kustomization);
        Assert.Equal(Resources, kustomization.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
    }
}

using System;
using System.Diagnostics;
using System.IO;

namespace MeshDsl.EndToEnd.Tests;

/// <summary>Runs the dotnet CLI in a fresh process and captures what it prints.</summary>
internal static class DotnetBuild
{
    /// <summary>
    /// Build argument for projects that reference the repository's projects: those are built by this test
    /// project's own build (its ProjectReferences), so a test never rebuilds them while another build writes them.
    /// </summary>
    public const string PrebuiltReferences = "-p:BuildProjectReferences=false";

    public static string RepositoryRoot => MeshDsl.Testing.RepositoryPaths.Root;

    public static string SharedPath(params string[] parts) => MeshDsl.Testing.RepositoryPaths.Shared(parts);

    /// <summary>A scratch folder inside the repository, so the repository's Directory.*.props apply as to any project here.</summary>
    public static string NewProjectFolder(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "e2e", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static (int ExitCode, string Output) Run(string workingDirectory, string arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {arguments} did not finish in 10 minutes");
        }

        return (process.ExitCode, output.Result + error.Result);
    }
}

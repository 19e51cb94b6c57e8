using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace MeshDsl.Testing;

/// <summary>Runs the dotnet CLI in a fresh process and captures what it prints. Linked into the test projects that build real projects.</summary>
internal static class DotnetBuild
{
    /// <summary>
    /// Build argument for projects that reference the repository's projects: those are built by this test
    /// project's own build (its ProjectReferences), so a test never rebuilds them while another build writes them.
    /// </summary>
    public const string PrebuiltReferences = "-p:BuildProjectReferences=false";

    public static string RepositoryRoot => RepositoryPaths.Root;

    public static string SharedPath(params string[] parts) => RepositoryPaths.Shared(parts);

    /// <summary>A scratch folder inside the repository, so the repository's Directory.*.props apply as to any project here.</summary>
    public static string NewProjectFolder(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "e2e", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Runs <c>dotnet arguments</c>; <paramref name="environment"/> adds or replaces environment variables.</summary>
    public static (int ExitCode, string Output) Run(string workingDirectory, string arguments, IReadOnlyDictionary<string, string>? environment = null)
        => Run("dotnet", workingDirectory, arguments, environment);

    /// <summary>Runs a program (an installed dotnet tool, say) the same way.</summary>
    public static (int ExitCode, string Output) Run(string program, string workingDirectory, string arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {arguments} did not finish in 10 minutes");
        }

        return (process.ExitCode, output.Result + error.Result);
    }
}

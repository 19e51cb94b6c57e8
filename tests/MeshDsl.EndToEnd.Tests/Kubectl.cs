using System;
using System.Diagnostics;

namespace MeshDsl.EndToEnd.Tests;

/// <summary>kubectl as the consumer of emitted manifests (.ci/run installs it where missing).</summary>
internal static class Kubectl
{
    public static (int ExitCode, string Output) Run(string arguments)
    {
        var start = new ProcessStartInfo("kubectl", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }
}

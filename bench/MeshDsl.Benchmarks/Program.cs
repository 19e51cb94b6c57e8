using System;
using System.Linq;
using BenchmarkDotNet.Running;

namespace MeshDsl.Benchmarks;

/// <summary>
/// <c>sizes</c>: generated source size with and without version sharing. <c>profile</c>: time per generator
/// stage, warm. <c>cold</c>: the first call of each stage in a fresh process. Anything else goes to BenchmarkDotNet (for example <c>--filter '*' --job short</c>).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "sizes":
                return SizesReport.Run(args.Skip(1).ToArray());
            case "cold":
                return StageProfile.RunCold();
            case "profile":
                return StageProfile.Run(args.Skip(1).ToArray());
            default:
                var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(BenchmarkArgs(args));
                return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
        }
    }

    // Always in-process: BenchmarkDotNet's out-of-process toolchain generates a project under bin/ that inherits this
    // repository's central package versions but not this project's VersionOverride, so Microsoft.CodeAnalysis.CSharp
    // resolves to the pinned 4.8.0 there while BenchmarkDotNet 0.15.8 needs >= 4.14.0: restore fails with NU1109.
    // Without --filter, every benchmark runs (instead of an interactive prompt).
    private static string[] BenchmarkArgs(string[] args)
    {
        var result = args.ToList();
        if (!result.Any(a => a.Equals("--inProcess", StringComparison.OrdinalIgnoreCase) || a.Equals("-i", StringComparison.Ordinal)))
        {
            result.Add("--inProcess");
        }

        if (!result.Any(a => a.Equals("--filter", StringComparison.OrdinalIgnoreCase) || a.Equals("-f", StringComparison.Ordinal) || a.Equals("--list", StringComparison.OrdinalIgnoreCase)))
        {
            result.Add("--filter");
            result.Add("*");
        }

        return result.ToArray();
    }
}

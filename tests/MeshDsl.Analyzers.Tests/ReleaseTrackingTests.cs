using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MeshDsl.Analyzers.Tests;

/// <summary>
/// Every diagnostic the analyzers report is in a release-tracking file with its category and default severity.
/// Roslyn's release-tracking analyzers (RS2000-RS2008) check AnalyzerReleases.*.md, but only for descriptors with
/// constant ids (MESH0098, MESH0208); the mesh rules' descriptors are made from the rule set, so they are tracked in
/// MeshRules.Unshipped.md, in the same format, and this test keeps it complete (MESHDSL_UPDATE_BASELINES=1 rewrites it).
/// </summary>
public sealed class ReleaseTrackingTests
{
    private static string UnshippedPath => Path.Combine(MeshDsl.Testing.RepositoryPaths.Root, "analyzers", "MeshDsl.Analyzers", "MeshRules.Unshipped.md");

    [Fact]
    public void Every_mesh_rule_is_listed_with_its_category_and_severity()
    {
        var expected = """
            ; Unshipped mesh rules (descriptors made from MeshDsl.Analysis' rule set; the format of AnalyzerReleases.Unshipped.md)

            ### New Rules

            Rule ID | Category | Severity | Notes
            --------|----------|----------|-------

            """.Replace("\r\n", "\n") + string.Concat(new MeshRuleAnalyzer().SupportedDiagnostics
                .Where(d => d.Id.StartsWith("MESH1", StringComparison.Ordinal))
                .OrderBy(d => d.Id, StringComparer.Ordinal)
                .Select(d => $"{d.Id} | {d.Category} | {d.DefaultSeverity} | {d.Title}\n"));
        if (Environment.GetEnvironmentVariable("MESHDSL_UPDATE_BASELINES") == "1")
        {
            File.WriteAllText(UnshippedPath, expected);
        }

        Assert.Equal(expected, File.ReadAllText(UnshippedPath).Replace("\r\n", "\n"));
    }
}

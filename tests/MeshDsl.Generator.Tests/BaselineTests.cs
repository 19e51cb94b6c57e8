using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace MeshDsl.Generator.Tests;

/// <summary>
/// Whole generated output for each fixture CRD, compared with a checked-in baseline. Set
/// MESHDSL_UPDATE_BASELINES=1 to rewrite the baselines after an intended change, then review the diff.
/// </summary>
public sealed class BaselineTests
{
    private static readonly string BaselineDirectory = Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "MeshDsl.Generator.Tests", "Baselines");

    public static IEnumerable<object[]> Fixtures() =>
        Directory.GetFiles(Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "fixtures", "crds"), "*.yaml")
            .Select(Path.GetFileName)
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new object[] { f! });

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Generated_code_matches_the_baseline(string fixture)
    {
        var run = GeneratorHarness.Run(InMemoryAdditionalText.Crd("/fixtures/" + fixture, File.ReadAllText(GeneratorHarness.FixturePath(fixture)), "MeshDsl.Fixtures"));
        Assert.Empty(run.CompileProblems);

        var actual = Render(run);
        var baselinePath = Path.Combine(BaselineDirectory, Path.ChangeExtension(fixture, ".g.cs.txt"));
        if (Environment.GetEnvironmentVariable("MESHDSL_UPDATE_BASELINES") == "1")
        {
            Directory.CreateDirectory(BaselineDirectory);
            File.WriteAllText(baselinePath, actual);
        }

        Assert.True(File.Exists(baselinePath), $"No baseline for {fixture}; run the tests with MESHDSL_UPDATE_BASELINES=1 and review the new file.");
        Assert.Equal(File.ReadAllText(baselinePath), actual);
    }

    [Fact]
    public void Every_baseline_belongs_to_a_fixture()
    {
        var fixtures = Fixtures().Select(f => Path.ChangeExtension((string)f[0], ".g.cs.txt")).ToHashSet();
        var stale = Directory.GetFiles(BaselineDirectory).Select(Path.GetFileName).Where(b => !fixtures.Contains(b!)).ToList();

        Assert.True(stale.Count == 0, "Stale baselines (their fixture is gone): " + string.Join(", ", stale));
    }

    // One text per fixture: diagnostics first, then every generated file under its hint name.
    private static string Render(GeneratorRun run)
    {
        var text = new StringBuilder();
        foreach (var diagnostic in run.GeneratorDiagnostics.OrderBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.GetMessage(), StringComparer.Ordinal))
        {
            var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;
            text.Append("// diagnostic ").Append(diagnostic.Id).Append(" line ").Append(line).Append(": ").Append(diagnostic.GetMessage()).Append('\n');
        }

        foreach (var source in run.Sources.OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            text.Append("//// ").Append(source.HintName).Append('\n');
            text.Append(source.SourceText.ToString());
        }

        return text.ToString();
    }
}

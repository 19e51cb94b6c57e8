using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MeshDsl.Testing;
using Xunit;

namespace MeshDsl.Istio.Tests;

/// <summary>The README's seed examples are excerpts of samples/SeedMesh, which compiles and emits them: kept identical.</summary>
public sealed class ReadmeExamplesTests
{
    private const string Section = "## Examples from the seed mesh";

    public static TheoryData<int> Examples() => new(Enumerable.Range(0, CSharpBlocks().Count));

    [Fact]
    public void The_section_has_examples()
    {
        Assert.True(CSharpBlocks().Count >= 2, $"README.md has no ```csharp blocks under '{Section}'");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Each_example_is_code_of_the_seed_mesh_sample(int index)
    {
        var example = Normalized(CSharpBlocks()[index]);
        var samples = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "samples", "SeedMesh"), "*.cs").Select(f => Normalized(File.ReadAllLines(f)));

        Assert.True(samples.Any(sample => sample.Contains(example, StringComparison.Ordinal)), $"README example {index + 1} is not in samples/SeedMesh:\n{example}");
    }

    // The example's lines as they stand in the sample, whatever the indentation of each.
    private static string Normalized(IEnumerable<string> lines) => string.Join("\n", lines.Select(l => l.Trim()));

    private static List<string[]> CSharpBlocks()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md"));
        var start = Array.IndexOf(lines, Section);
        var end = start < 0 ? -1 : Array.FindIndex(lines, start + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
        var blocks = new List<string[]>();
        for (var i = start + 1; start >= 0 && i < (end < 0 ? lines.Length : end); i++)
        {
            if (lines[i].Trim() == "```csharp")
            {
                var close = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
                blocks.Add(lines.Skip(i + 1).Take(close - i - 1).ToArray());
                i = close;
            }
        }

        return blocks;
    }
}

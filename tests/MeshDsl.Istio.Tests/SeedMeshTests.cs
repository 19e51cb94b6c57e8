using System.Collections.Generic;
using System.Linq;
using MeshDsl;
using Xunit;
using Samples = SeedMesh.Seed;

namespace MeshDsl.Istio.Tests;

/// <summary>The samples under samples/SeedMesh write exactly the founding brief's seed mesh.</summary>
public class SeedMeshTests
{
    /// <summary>One case per YAML document, named <c>kind/namespace/name</c>.</summary>
    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var document in SeedMeshYaml.Documents)
        {
            data.Add(document.Id);
        }

        return data;
    }

    [Fact]
    public void TheSamplesDeclareOneResourcePerYamlDocument()
    {
        Assert.Equal(17, SeedMeshYaml.Documents.Count);
        Assert.Equal(SeedMeshYaml.Documents.Count, Samples.All.Count);
        Assert.Equal(SeedMeshYaml.Documents.Count, SeedMeshYaml.Documents.Select(d => d.Id).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void TheSampleAtTheSamePositionEqualsTheYamlDocument(string document)
    {
        var expected = SeedMeshYaml.Documents.Single(d => d.Id == document);
        Assert.True(expected.Index < Samples.All.Count, $"The samples have no resource at position {expected.Index} for {document}.");
        var actual = Samples.All[expected.Index];

        Assert.Equal(document, $"{actual.Kind}/{actual.Metadata.Namespace}/{actual.Metadata.Name}");
        AssertNoDifferences(DocumentComparer.Compare(expected.Root, actual.ToDocument()), document);
    }

    private static void AssertNoDifferences(IReadOnlyList<string> differences, string document)
    {
        if (differences.Count > 0)
        {
            Assert.Fail($"{document} differs from the YAML in {differences.Count} place(s):\n  " + string.Join("\n  ", differences));
        }
    }
}

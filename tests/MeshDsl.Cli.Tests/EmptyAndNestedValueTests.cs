using System;
using System.Linq;
using MeshDsl.Cli.Import;
using Xunit;
using static MeshDsl.Cli.Tests.ImportTestFiles;

namespace MeshDsl.Cli.Tests;

/// <summary>
/// Empty lists and maps are written as [] and {} (their round trip: <see cref="FixtureRoundTripTests"/>), lists of maps
/// one item per line when long; what the builders cannot write empty is refused, never dropped.
/// </summary>
public sealed class EmptyAndNestedValueTests
{
    [Theory]
    [InlineData("Labels = new Dictionary<string, string>()")]
    [InlineData("Ports = []")]
    [InlineData("Data = new Dictionary<string, string>()")]
    [InlineData(".WorkloadSelector(w => w.Labels([]))")]
    [InlineData(".Egress(e => e.Hosts())")]
    [InlineData(".TrafficPolicy(t => t.Tls(_ => { }))")]
    [InlineData(".Set(\"typed_config\", _ => { })")]
    [InlineData(".Set(\"routes\", FreeForm.List())")]
    [InlineData(".Set(\"actions\", FreeForm.List(FreeForm.Object(a => a.Set(\"set\", \"x\")), FreeForm.Object(_ => { })))")]
    public void EmptyValuesAreWrittenAsPeopleWriteThem(string code) => Assert.Contains(code, RoundTrip.OfFixture("empty-and-nested.yaml").Text);

    [Fact]
    public void AListOfMapsWithAMultilineItemPutsEachItemOnItsOwnLine() => Assert.Contains(
        string.Join(
            "\n",
            "                        .Set(\"rules\", FreeForm.List(",
            "                            FreeForm.Object(r => r",
            "                                .Set(\"match\", m => m.Set(\"prefix\", \"/a\"))",
            "                                .Set(\"actions\", FreeForm.List(FreeForm.Object(a => a.Set(\"set\", \"x\")), FreeForm.Object(_ => { })))),",
            "                            FreeForm.Object(_ => { })))"),
        RoundTrip.OfFixture("empty-and-nested.yaml").Text);

    [Theory]
    [InlineData("spec: {host: r, subsets: []}", "spec.subsets", "an empty list of objects or lists: the builders add items one by one, so they cannot write []")]
    [InlineData("spec: {host: r, trafficPolicy: {portLevelSettings: []}}", "spec.trafficPolicy.portLevelSettings", "an empty list of objects or lists")]
    [InlineData("metadata: {name: r, labels: {}}\nspec: {host: r}", "metadata.labels", "an empty map: the builders add labels one by one, so they cannot write {}")]
    public void WhatTheBuildersCannotWriteEmptyIsRefused(string yaml, string path, string message)
    {
        var result = ImportYaml($"apiVersion: networking.istio.io/v1\nkind: DestinationRule\n{(yaml.StartsWith("metadata", StringComparison.Ordinal) ? string.Empty : "metadata: {name: r}\n")}{yaml}\n");
        var finding = Assert.Single(result.Findings);
        Assert.Equal((ImportIds.NotExpressible, path), (finding.Id, finding.Path));
        Assert.Contains(message, finding.Message);
        Assert.Equal(1, result.Refused);
    }
}

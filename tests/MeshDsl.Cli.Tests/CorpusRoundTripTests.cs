using System;
using System.Collections.Generic;
using System.Linq;
using MeshDsl.Validation;
using Xunit;
using Xunit.Abstractions;

namespace MeshDsl.Cli.Tests;

/// <summary>
/// Issue 6's acceptance: every corpus document that validates without a finding is imported, compiled with Roslyn,
/// run, and its resource compared with the input as data (100 % equal); importing the emitted YAML gives the same C#.
/// </summary>
public sealed class CorpusRoundTripTests
{
    private static readonly Lazy<Corpus> Imported = new(Corpus.Import);
    private readonly ITestOutputHelper _output;

    public CorpusRoundTripTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void EveryValidCorpusDocumentRoundTripsAsData()
    {
        var corpus = Imported.Value;
        var differences = corpus.RoundTrip.Differences();
        var total = corpus.RoundTrip.Resources.Count;
        _output.WriteLine($"round trip: {total} valid corpus documents compared as data, {differences.Count} differences; {corpus.Excluded.Count} excluded (validation findings):");
        foreach (var excluded in corpus.Excluded)
        {
            _output.WriteLine("  excluded " + excluded);
        }

        Assert.Empty(corpus.RoundTrip.Imported.Findings);
        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(30)));
        Assert.True(total >= 300, $"only {total} valid corpus documents were found");
    }

    [Fact]
    public void ImportingTheEmittedYamlGivesTheSameCSharp()
    {
        var corpus = Imported.Value;
        var again = corpus.RoundTrip.ImportEmitted();
        Assert.Empty(again.Findings);
        Assert.Equal(corpus.RoundTrip.Imported.Files, again.Files);
        _output.WriteLine($"idempotence: {again.Files.Count} files, same C# text");
    }

    private sealed record Corpus(RoundTrip RoundTrip, List<string> Excluded)
    {
        public static Corpus Import()
        {
            var validator = new DocumentValidator(CrdCatalog.Istio());
            var accepted = new List<YamlDocument>();
            var excluded = new List<string>();
            foreach (var document in ImportTestFiles.CorpusDocuments())
            {
                var findings = document.Root is null ? null : validator.Validate(document.Root);
                if (findings is { Count: 0 })
                {
                    accepted.Add(document);
                }
                else
                {
                    excluded.Add($"{document.File}:{document.Start.Line}: {(findings is null ? document.Error : string.Join("; ", findings.Select(f => f.Id + " " + f.Path)))}");
                }
            }

            return new Corpus(RoundTrip.Of(accepted), excluded);
        }
    }
}

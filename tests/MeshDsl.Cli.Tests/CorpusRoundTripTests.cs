using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MeshDsl.Cli.Import;
using MeshDsl.Documents;
using MeshDsl.Emission;
using MeshDsl.Testing;
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
        var failures = new List<string>();
        var equal = 0;
        foreach (var (file, documents) in corpus.Files)
        {
            var manifests = corpus.Manifests[file];
            if (manifests.Count != documents.Count)
            {
                failures.Add($"{file}: {documents.Count} documents, {manifests.Count} resources");
                continue;
            }

            for (var i = 0; i < documents.Count; i++)
            {
                var differences = DataComparer.Compare(documents[i].Root!, manifests[i].Document);
                if (differences.Count == 0)
                {
                    equal++;
                }
                else
                {
                    failures.Add($"{file} #{i}: {string.Join("; ", differences.Take(5))}");
                }
            }
        }

        var total = corpus.Files.Sum(f => f.Documents.Count);
        _output.WriteLine($"round trip: {equal} of {total} valid corpus documents equal as data; {corpus.Excluded.Count} excluded (validation findings):");
        foreach (var excluded in corpus.Excluded)
        {
            _output.WriteLine("  excluded " + excluded);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
        Assert.Equal(total, equal);
        Assert.True(total >= 300, $"only {total} valid corpus documents were found");
    }

    [Fact]
    public void ImportingTheEmittedYamlGivesTheSameCSharp()
    {
        var corpus = Imported.Value;
        var emitted = new List<YamlDocument>();
        foreach (var (file, _) in corpus.Files)
        {
            var yaml = string.Join("---\n", corpus.Manifests[file].Select(m => ManifestWriter.Write(m.Document)));
            emitted.AddRange(YamlDocuments.Read(file, yaml));
        }

        var again = MeshImport.Run(emitted, new ImportOptions(), BuilderCatalog.Istio);
        Assert.Empty(again.Findings);
        Assert.Equal(corpus.Result.Files.Count, again.Files.Count);
        for (var i = 0; i < again.Files.Count; i++)
        {
            Assert.Equal(corpus.Result.Files[i].Name, again.Files[i].Name);
            Assert.Equal(corpus.Result.Files[i].Text, again.Files[i].Text);
        }

        _output.WriteLine($"idempotence: {again.Files.Count} files, same C# text");
    }

    private sealed record Corpus(
        List<(string File, List<YamlDocument> Documents)> Files,
        List<string> Excluded,
        ImportResult Result,
        Dictionary<string, IReadOnlyList<Manifest>> Manifests)
    {
        public static Corpus Import()
        {
            var root = RepositoryPaths.Shared("istio", "corpus");
            var validator = new DocumentValidator(CrdCatalog.Istio());
            var files = new List<(string File, List<YamlDocument> Documents)>();
            var excluded = new List<string>();
            foreach (var path in Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
            {
                var file = Path.GetRelativePath(root, path).Replace('\\', '/');
                var accepted = new List<YamlDocument>();
                foreach (var document in YamlDocuments.Read(file, File.ReadAllText(path)))
                {
                    var findings = document.Root is null ? null : validator.Validate(document.Root);
                    if (findings is { Count: 0 })
                    {
                        accepted.Add(document);
                    }
                    else
                    {
                        excluded.Add($"{file}:{document.Start.Line}: {(findings is null ? document.Error : string.Join("; ", findings.Select(f => f.Id + " " + f.Path)))}");
                    }
                }

                if (accepted.Count > 0)
                {
                    files.Add((file, accepted));
                }
            }

            var result = MeshImport.Run(files.SelectMany(f => f.Documents).ToList(), new ImportOptions(), BuilderCatalog.Istio);
            Assert.True(result.Findings.Count == 0, string.Join("\n", result.Findings.Take(30)));
            Assert.Equal(files.Count, result.Files.Count);
            var assembly = ImportedCode.Compile(result.Files);
            var manifests = new Dictionary<string, IReadOnlyList<Manifest>>();
            for (var i = 0; i < files.Count; i++)
            {
                manifests[files[i].File] = ImportedCode.Run(assembly, Path.GetFileNameWithoutExtension(result.Files[i].Name)).Manifests;
            }

            return new Corpus(files, excluded, result, manifests);
        }
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MeshDsl.Cli.Import;
using MeshDsl.Documents;
using MeshDsl.Emission;
using MeshDsl.Validation;
using Xunit;

namespace MeshDsl.Cli.Tests;

/// <summary>
/// YAML documents through the import and back: imported (one class per source file), compiled with Roslyn, run, and
/// each emitted resource set beside the document it came from. The import must not refuse anything.
/// </summary>
internal sealed class RoundTrip
{
    private static readonly ConcurrentDictionary<string, Lazy<RoundTrip>> Fixtures = new();

    private RoundTrip(ImportResult imported, List<(YamlDocument Input, Manifest Output)> resources)
    {
        Imported = imported;
        Resources = resources;
    }

    /// <summary>What the import wrote.</summary>
    public ImportResult Imported { get; }

    /// <summary>Each input document and the resource its C# emitted, in input order.</summary>
    public IReadOnlyList<(YamlDocument Input, Manifest Output)> Resources { get; }

    /// <summary>All the files' C#, for assertions on the text.</summary>
    public string Text => string.Concat(Imported.Files.Select(f => f.Text));

    /// <summary>The round trip of a fixture (<see cref="ImportTestFiles.Fixture"/>), made once and shared by the tests.</summary>
    public static RoundTrip OfFixture(string name) => Fixtures.GetOrAdd(name, n => new Lazy<RoundTrip>(() => Of(ImportTestFiles.Fixture(n)))).Value;

    public static RoundTrip Of(IReadOnlyList<YamlDocument> documents)
    {
        var imported = MeshImport.Run(documents, new ImportOptions(), BuilderCatalog.Istio);
        Assert.True(imported.Refused == 0 && imported.Findings.All(f => !f.IsError), string.Join("\n", imported.Findings));
        var assembly = ImportedCode.Compile(imported.Files);
        var manifests = imported.Files
            .SelectMany(f => ImportedCode.Run(assembly, Path.GetFileNameWithoutExtension(f.Name)).Manifests)
            .ToList();
        Assert.Equal(documents.Count, manifests.Count);
        return new RoundTrip(imported, documents.Zip(manifests).ToList());
    }

    /// <summary>How each emitted resource differs from its input as data (<see cref="DataComparer"/>): one line per difference.</summary>
    public List<string> Differences() =>
        Resources.SelectMany(r => DataComparer.Compare(r.Input.Root!, r.Output.Document).Select(d => $"{r.Input.File}:{r.Input.Start.Line} {r.Output.Kind} {r.Output.Name}{d}")).ToList();

    /// <summary>The emitted resources written as YAML, one text per source file, and imported again.</summary>
    public ImportResult ImportEmitted()
    {
        var emitted = Resources
            .GroupBy(r => r.Input.File)
            .SelectMany(file => YamlDocuments.Read(file.Key, string.Join("---\n", file.Select(r => ManifestWriter.Write(r.Output.Document)))))
            .ToList();
        return MeshImport.Run(emitted, new ImportOptions(), BuilderCatalog.Istio);
    }

    /// <summary>The documents' kinds, in order (for asserting what a fixture covers).</summary>
    public IEnumerable<string> Kinds => Resources.Select(r => ((DocumentScalar)((DocumentMap)r.Input.Root!)["kind"]!).Text);
}

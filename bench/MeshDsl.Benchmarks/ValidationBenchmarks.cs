using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using MeshDsl.Documents;
using MeshDsl.Testing;
using MeshDsl.Validation;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace MeshDsl.Benchmarks;

/// <summary>
/// Validating Istio's 324 corpus resources (<c>../shared/istio/corpus</c>, read in place) against the embedded
/// CRD schemas, on one thread. The schemas are compiled and the validator warm before measuring (GlobalSetup
/// validates the whole corpus once). <c>OperationsPerInvoke</c> is the document count, so each row's time is per
/// document and Op/s is documents per second. <see cref="NJsonSchemaCorpus"/> is the general-purpose validator on the
/// same documents, for comparison: the tests' reference oracle (structural checks only, no CEL, no Istio checks).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[OperationsPerSecond]
public class ValidationBenchmarks
{
    private const int CorpusDocuments = 324;

    private (string File, string Text)[] _texts = null!;
    private DocumentNode[] _documents = null!;
    private DocumentValidator _validator = null!;
    private (JsonSchema Schema, JToken Json)[] _njsonschema = null!;

    /// <summary>
    /// <c>&lt;repo&gt;/../shared/istio/corpus</c> (MESHDSL_ISTIO_CORPUS overrides it).
    /// </summary>
    public static string CorpusDirectory =>
        Environment.GetEnvironmentVariable("MESHDSL_ISTIO_CORPUS") is { Length: > 0 } overridden
            ? Path.GetFullPath(overridden)
            : Path.GetFullPath(Path.Combine(RepoPaths.RepoRoot, "..", "shared", "istio", "corpus"));

    [GlobalSetup]
    public void Setup()
    {
        _texts = Directory.GetFiles(CorpusDirectory, "*.yaml", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (f, File.ReadAllText(f)))
            .ToArray();
        _documents = _texts
            .SelectMany(t => YamlDocuments.Read(t.File, t.Text))
            .Select(d => d.Root ?? throw new InvalidOperationException($"{d.File}: {d.Error}"))
            .ToArray();
        if (_documents.Length != CorpusDocuments)
        {
            throw new InvalidOperationException($"expected {CorpusDocuments} documents in {CorpusDirectory}, found {_documents.Length}");
        }

        _validator = new DocumentValidator(CrdCatalog.Istio());

        // Compiles the schema of every kind the corpus uses, and checks that both rows see the same findings.
        var (validated, read) = (ValidateCorpus(), ReadAndValidateCorpus());
        if (validated != read || validated == 0)
        {
            throw new InvalidOperationException($"the rows disagree: {validated} findings pre-parsed, {read} read from text");
        }

        // NJsonSchema gets each document as a Json.NET token (its native input) and the schema of its kind, both prepared here.
        var oracle = JsonSchemaOracle.FromCrdBundle(File.ReadAllText(RepoPaths.IstioCrd));
        _njsonschema = _documents.Cast<DocumentMap>().Select(d => (oracle.SchemaFor(d), JToken.Parse(JsonSchemaOracle.ToJsonText(d)))).ToArray();
        if (NJsonSchemaCorpus() == 0)
        {
            throw new InvalidOperationException("NJsonSchema found nothing wrong in the corpus, which has two Gateways without a port");
        }
    }

    /// <summary>The validator alone: 324 pre-parsed documents, schemas compiled.</summary>
    [Benchmark(OperationsPerInvoke = CorpusDocuments)]
    public int ValidateCorpus()
    {
        var findings = 0;
        foreach (var document in _documents)
        {
            findings += _validator.Validate(document).Count;
        }

        return findings;
    }

    /// <summary>Reading the 324 documents from their YAML text (pre-loaded strings, no disk) into document trees, then validating them.</summary>
    [Benchmark(OperationsPerInvoke = CorpusDocuments)]
    public int ReadAndValidateCorpus()
    {
        var findings = 0;
        foreach (var (file, text) in _texts)
        {
            foreach (var document in YamlDocuments.Read(file, text))
            {
                findings += _validator.Validate(document.Root!).Count;
            }
        }

        return findings;
    }

    /// <summary>NJsonSchema 11.6.2 validating the same 324 documents (pre-converted to Json.NET tokens) against the same CRD schemas, translated to JSON Schema.</summary>
    [Benchmark(OperationsPerInvoke = CorpusDocuments)]
    public int NJsonSchemaCorpus()
    {
        var errors = 0;
        foreach (var (schema, json) in _njsonschema)
        {
            errors += schema.Validate(json).Count;
        }

        return errors;
    }
}

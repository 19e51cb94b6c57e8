using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MeshDsl.Documents;
using Xunit;
using Xunit.Abstractions;

namespace MeshDsl.Validation.Tests;

/// <summary>
/// Seeded mutation tests over Istio's 324 corpus resources: 100,000 documents mutated as trees and 5,000 as YAML
/// text, each validated. The validator must never throw, and every finding must be located, named and on a path
/// of the document; most mutations must be noticed.
/// </summary>
public sealed class MutationTests
{
    private const int Seed = 20261126;
    private const int TreeDocuments = 100_000;
    private const int TextDocuments = 5_000;

    // Fixed slices, each with its own seed and its own catalog, so the run is the same however the slices are
    // scheduled (CrdCatalog compiles kinds lazily into a plain Dictionary: one per thread).
    private const int Slices = 4;
    private const double MinimumBiteShare = 0.60;
    private const int LongStringLength = 100_000;

    private static readonly Lazy<IReadOnlyList<CorpusDocument>> Corpus = new(LoadCorpus);

    private readonly ITestOutputHelper _output;

    public MutationTests(ITestOutputHelper output) => _output = output;

    private enum Mutation
    {
        ScalarKind,
        ScalarToContainer,
        ContainerToScalar,
        DeleteKey,
        AddUnknownKey,
        DuplicateItem,
        EmptyContainer,
        HugeNumber,
        NegativeNumber,
        LongString,
        ControlCharacters,
        UnknownApiVersionOrKind,
        RemoveApiVersion,
    }

    private enum TextMutation
    {
        Truncate,
        DeleteLine,
        DuplicateLine,
        InsertTab,
        InsertColon,
        InsertDash,
        InsertBrace,
    }

    [Fact]
    public void Deep_copies_are_equal_and_share_no_node()
    {
        foreach (var document in Corpus.Value)
        {
            var copy = DeepCopy(document.Root);

            Assert.Equal(Canonical(document.Root), Canonical(copy));
            Assert.Empty(Nodes(document.Root).Select(n => n.Node).Intersect(Nodes(copy).Select(n => n.Node), ReferenceEqualityComparer.Instance));
            Assert.Equal(Nodes(document.Root).Select(n => n.Node.DeclaredAt), Nodes(copy).Select(n => n.Node.DeclaredAt));
        }
    }

    [Fact]
    public void Mutated_trees_never_throw_and_every_finding_is_located_on_a_document_path()
    {
        var corpus = Corpus.Value;
        var stopwatch = Stopwatch.StartNew();
        var slices = new TreeSlice[Slices];
        Parallel.For(0, Slices, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, slice => slices[slice] = RunTreeSlice(corpus, slice));
        stopwatch.Stop();

        var documents = slices.Sum(s => s.Documents);
        var bitten = slices.Sum(s => s.WithFindings);
        var withErrors = slices.Sum(s => s.WithErrors);
        var findings = slices.Sum(s => s.Findings);
        var mutations = slices.Sum(s => s.Mutations);
        var problems = slices.SelectMany(s => s.Problems).ToList();
        var share = (double)bitten / documents;

        _output.WriteLine($"{documents:N0} mutated documents ({mutations:N0} mutations) from {corpus.Count} corpus documents, seed {Seed}, in {stopwatch.Elapsed.TotalSeconds:F1} s on {Environment.ProcessorCount} cores");
        _output.WriteLine($"with at least one finding: {bitten:N0} ({share:P1}); with an error: {withErrors:N0} ({(double)withErrors / documents:P1}); {findings:N0} findings");
        _output.WriteLine("documents with a single mutation, by kind: applied, with a finding");
        foreach (var kind in Enum.GetValues<Mutation>())
        {
            var applied = slices.Sum(s => s.SingleApplied[(int)kind]);
            var noticed = slices.Sum(s => s.SingleBitten[(int)kind]);
            _output.WriteLine($"  {kind,-24} {applied,7:N0} {(applied == 0 ? 0 : (double)noticed / applied),8:P1}");
        }

        _output.WriteLine("documents with a single mutation, by the top-level field it landed in: applied, with a finding");
        foreach (var area in slices.SelectMany(s => s.SingleByArea.Keys).Distinct().OrderBy(a => a, StringComparer.Ordinal))
        {
            var applied = slices.Sum(s => s.SingleByArea.GetValueOrDefault(area).Applied);
            var noticed = slices.Sum(s => s.SingleByArea.GetValueOrDefault(area).Bitten);
            _output.WriteLine($"  {area,-24} {applied,7:N0} {(double)noticed / applied,8:P1}");
        }

        WriteProblems(problems);
        Assert.Equal(TreeDocuments, documents);
        Assert.True(problems.Count == 0, $"{problems.Count} problems, first: {string.Join("\n", problems.Take(5))}");
        Assert.True(share >= MinimumBiteShare, $"only {share:P1} of the mutated documents got a finding");
    }

    [Fact]
    public void Mutated_yaml_text_never_throws_and_unreadable_documents_are_located_errors()
    {
        var corpus = Corpus.Value.GroupBy(d => d.File).Select(g => (File: g.Key, g.First().Text)).ToList();
        var validator = new DocumentValidator(CrdCatalog.Istio());
        var random = new Random(Seed);
        var problems = new List<string>();
        var (documents, unreadable, bitten, empty) = (0, 0, 0, 0);
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < TextDocuments; i++)
        {
            var (file, original) = corpus[random.Next(corpus.Count)];
            var applied = new List<TextMutation>();
            var text = original;
            for (var m = 1 + random.Next(3); m > 0; m--)
            {
                var mutation = (TextMutation)random.Next(Enum.GetValues<TextMutation>().Length);
                text = MutateText(text, mutation, random);
                applied.Add(mutation);
            }

            var lines = text.Count(c => c == '\n') + 1;
            var where = $"text #{i} ({Path.GetFileName(file)}; {string.Join(", ", applied)})";
            IReadOnlyList<YamlDocument> read;
            try
            {
                read = YamlDocuments.Read(file, text);
            }
            catch (Exception exception)
            {
                problems.Add($"{where}: YamlDocuments.Read threw {exception.GetType().Name}: {exception.Message}\n{Excerpt(text)}");
                continue;
            }

            empty += read.Count == 0 ? 1 : 0;
            foreach (var document in read)
            {
                documents++;
                if (document.Root is null)
                {
                    unreadable++;
                    // An error at the end of a text without a final line break is put at the start of the line after it.
                    if (string.IsNullOrWhiteSpace(document.Error) || document.Start is null || document.Start.File != file || document.Start.Line < 1 || document.Start.Line > lines + 1 || document.Start.Column < 1)
                    {
                        problems.Add($"{where}: unreadable, but its error is not located in the text ({lines} lines): '{document.Error}' at {document.Start}\n{Excerpt(text)}");
                    }

                    continue;
                }

                IReadOnlyList<ValidationFinding> findings;
                try
                {
                    findings = validator.Validate(document.Root);
                }
                catch (Exception exception)
                {
                    problems.Add($"{where}: Validate threw {exception.GetType().Name}: {exception.Message}\n{Excerpt(text)}");
                    continue;
                }

                bitten += findings.Count > 0 ? 1 : 0;
                foreach (var finding in findings)
                {
                    if (Check(finding, document.Root, file, lines) is { } problem)
                    {
                        problems.Add($"{where}: {problem}");
                    }
                }
            }
        }

        stopwatch.Stop();
        _output.WriteLine($"{TextDocuments:N0} mutated YAML texts, seed {Seed}, in {stopwatch.Elapsed.TotalSeconds:F1} s: {documents:N0} documents read, {unreadable:N0} unreadable ({(double)unreadable / documents:P1}), {bitten:N0} of the readable ones with a finding, {empty:N0} texts with no document left");
        WriteProblems(problems);
        Assert.True(problems.Count == 0, $"{problems.Count} problems, first: {string.Join("\n", problems.Take(5))}");
        Assert.True(unreadable > 0 && documents - unreadable > 0, "the text mutations should give both readable and unreadable documents");
    }

    // Problems by kind (the text after the document's description, up to the first colon or parenthesis), each with its first examples.
    private void WriteProblems(List<string> problems)
    {
        foreach (var kind in problems.GroupBy(p => p.Substring(p.IndexOf("): ", StringComparison.Ordinal) + 3).Split(':', '(')[0].Trim()).OrderByDescending(g => g.Count()))
        {
            _output.WriteLine($"PROBLEM KIND {kind.Count():N0} x {kind.Key}");
            foreach (var problem in kind.Take(3))
            {
                _output.WriteLine("  " + problem.Replace("\n", "\n  "));
            }
        }
    }

    // ---- bugs the mutations led to, pinned down. The first three were fixed in 629d012 and stay as regression
    // tests; the max-length one fails until SchemaCompiler.CompileString counts code points. ---------------------

    /// <summary>
    /// YamlDotNet 18.1's scanner throws <see cref="InvalidOperationException"/>, not a YamlException, on an unclosed
    /// flow collection followed by a less indented line. Before 629d012, YamlTreeReader turned only YamlExceptions
    /// into located errors, so <see cref="YamlDocuments.Read"/> threw and <c>meshdsl validate</c> aborted (exit 134).
    /// </summary>
    [Theory]
    [InlineData("a:\n  {b\nc: 1\n")]
    [InlineData("- {b\n- c\n")]
    [InlineData("apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  { name: a\nspec:\n  selector: {istio: ingress}\n")]
    public void Yaml_the_scanner_gives_up_on_is_a_located_error_not_an_exception(string yaml)
    {
        var document = Assert.Single(YamlDocuments.Read("broken.yaml", yaml));

        Assert.Null(document.Root);
        Assert.False(string.IsNullOrWhiteSpace(document.Error));
        Assert.Equal("broken.yaml", document.Start.File);
        Assert.InRange(document.Start.Line, 1, yaml.Count(c => c == '\n') + 1);
    }

    /// <summary>
    /// Before 629d012, SchemaCompiler.CompileNumber parsed the value as a decimal only: beyond ±7.9e28, or not finite
    /// (which the C# builders can set), it did not parse and the range check was skipped, so Telemetry's
    /// randomSamplingPercentage (0..100) took 1e30. (As YAML, .inf and .nan read as strings: the wrong type.)
    /// </summary>
    [Theory]
    [InlineData(1e30)]
    [InlineData(-1e30)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void A_number_beyond_the_decimal_range_is_still_range_checked(double value)
    {
        var yaml = "apiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata: {name: t}\nspec:\n  tracing:\n  - randomSamplingPercentage: 50.0\n";
        var root = (DocumentMap)Assert.Single(YamlDocuments.Read("t.yaml", yaml)).Root!;
        var tracing = (DocumentMap)((DocumentList)((DocumentMap)root["spec"]!)["tracing"]!)[0];
        Assert.Empty(new DocumentValidator(CrdCatalog.Istio()).Validate(root));
        tracing.Add("randomSamplingPercentage", DocumentScalar.Number(value));

        var finding = Assert.Single(new DocumentValidator(CrdCatalog.Istio()).Validate(root));
        Assert.Equal((FindingSeverity.Error, "spec.tracing[0].randomSamplingPercentage"), (finding.Severity, finding.Path));
    }

    /// <summary>
    /// Before 629d012, an apiVersion without a '/' was taken for a core version, so a known group with its version
    /// left out ("networking.istio.io") was not checked at all, although an unknown version of a known group was
    /// reported; an empty apiVersion passed as well (kubectl: "apiVersion not set").
    /// </summary>
    [Theory]
    [InlineData("networking.istio.io")]
    [InlineData("\"\"")]
    public void A_known_group_without_a_version_or_an_empty_api_version_is_reported(string apiVersion)
    {
        var yaml = $"apiVersion: {apiVersion}\nkind: VirtualService\nmetadata: {{name: a}}\nspec:\n  hosts: 5\n";
        var document = Assert.Single(YamlDocuments.Read("t.yaml", yaml));

        var findings = new DocumentValidator(CrdCatalog.Istio()).Validate(document.Root!);
        Assert.Contains(findings, f => f.Id == ValidationIds.UnknownKind && f.Severity == FindingSeverity.Error);
    }

    /// <summary>
    /// The API server counts maxLength and minLength in code points (go-openapi's validate.MaxLength:
    /// utf8.RuneCountInString); SchemaCompiler.CompileString counts grapheme clusters (StringInfo), so a string of
    /// combining sequences or CRLFs passes at up to twice the length the API server allows. ServiceEntry's
    /// spec.ports[].name has maxLength 256; each value here is 400 code points in 200 grapheme clusters.
    /// </summary>
    [Theory]
    [InlineData("e\u0301")]
    [InlineData("\r\n")]
    [InlineData("\U0001F44D\U0001F3FD")]
    public void Max_length_counts_code_points_as_the_api_server_does(string cluster)
    {
        var yaml = "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: s}\nspec:\n  hosts: [a.example.com]\n  ports:\n  - {number: 80, name: http, protocol: HTTP}\n";
        var root = (DocumentMap)Assert.Single(YamlDocuments.Read("s.yaml", yaml)).Root!;
        var port = (DocumentMap)((DocumentList)((DocumentMap)root["spec"]!)["ports"]!)[0];
        Assert.Empty(new DocumentValidator(CrdCatalog.Istio()).Validate(root));
        var name = string.Concat(Enumerable.Repeat(cluster, 200));
        port.Add("name", DocumentScalar.String(name));

        Assert.True(name.EnumerateRunes().Count() > 256);
        // The schema's length check; Istio's port-name check (MESH0305) rightly fires as well.
        var finding = Assert.Single(new DocumentValidator(CrdCatalog.Istio()).Validate(root), f => f.Id.StartsWith("MESH02", System.StringComparison.Ordinal));
        Assert.Equal((ValidationIds.BadString, "spec.ports[0].name"), (finding.Id, finding.Path));
    }

    // ---- the tree mutations -------------------------------------------------------------------------------

    private static TreeSlice RunTreeSlice(IReadOnlyList<CorpusDocument> corpus, int slice)
    {
        var result = new TreeSlice();
        var validator = new DocumentValidator(CrdCatalog.Istio());
        var mutator = new TreeMutator(new Random(Seed + slice + 1));
        var kinds = Enum.GetValues<Mutation>().Length;
        for (var i = slice; i < TreeDocuments; i += Slices)
        {
            var source = corpus[mutator.Random.Next(corpus.Count)];
            var document = DeepCopy(source.Root);
            var applied = new List<(Mutation Kind, string Area)>();
            for (var m = 1 + mutator.Random.Next(3); m > 0; m--)
            {
                document = mutator.Apply(document, (Mutation)mutator.Random.Next(kinds), applied);
            }

            result.Documents++;
            result.Mutations += applied.Count;
            var where = $"tree #{i} ({Path.GetFileName(source.File)}; {string.Join(", ", applied.Select(a => $"{a.Kind} in {a.Area}"))})";
            IReadOnlyList<ValidationFinding> findings;
            try
            {
                findings = validator.Validate(document);
            }
            catch (Exception exception)
            {
                result.Problems.Add($"{where}: Validate threw {exception.GetType().Name}: {exception.Message}");
                continue;
            }

            var noticed = findings.Count > 0;
            result.WithFindings += noticed ? 1 : 0;
            result.WithErrors += findings.Any(f => f.Severity == FindingSeverity.Error) ? 1 : 0;
            result.Findings += findings.Count;
            if (applied.Count == 1)
            {
                result.SingleApplied[(int)applied[0].Kind]++;
                result.SingleBitten[(int)applied[0].Kind] += noticed ? 1 : 0;
                var (count, hits) = result.SingleByArea.GetValueOrDefault(applied[0].Area);
                result.SingleByArea[applied[0].Area] = (count + 1, hits + (noticed ? 1 : 0));
            }

            foreach (var finding in findings)
            {
                if (Check(finding, document, source.File, maxLine: source.Lines) is { } problem)
                {
                    result.Problems.Add($"{where}: {problem}");
                }
            }
        }

        return result;
    }

    /// <summary>What is wrong with a finding, or null: it must be located in the document's file, named, and on a path that starts at a top-level key.</summary>
    private static string? Check(ValidationFinding finding, DocumentNode document, string file, int maxLine)
    {
        string Shown() => Shorten(finding.ToString());
        if (finding.At is null || finding.At.Line < 1 || finding.At.Line > maxLine || finding.At.Column < 1 || finding.At.File != file)
        {
            return $"finding not located in {Path.GetFileName(file)} (lines 1..{maxLine}): {Shown()}";
        }

        if (string.IsNullOrWhiteSpace(finding.Id) || !finding.Id.StartsWith("MESH", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(finding.Message))
        {
            return $"finding without an id or message: {Shown()}";
        }

        // A missing required field is named by its own path, so a document without a required top-level field
        // (ServiceEntry, WorkloadEntry and WorkloadGroup require 'spec') gets the path 'spec': its parent, the
        // document itself, is what must be there.
        var keys = document is DocumentMap map ? map.Select(e => e.Key).ToList() : new List<string>();
        var onDocument = finding.Id == ValidationIds.RequiredMissing && !finding.Path.Contains('.') && !finding.Path.Contains('[');
        if (finding.Path.Length > 0 && !onDocument && !keys.Any(k => k.Length > 0 && (finding.Path == k || finding.Path.StartsWith(k + ".", StringComparison.Ordinal) || finding.Path.StartsWith(k + "[", StringComparison.Ordinal))))
        {
            return $"path '{Shorten(finding.Path)}' does not start at a top-level key ({string.Join(", ", keys.Select(Shorten))}): {Shown()}";
        }

        return null;
    }

    private sealed class TreeSlice
    {
        public int Documents { get; set; }

        public int Mutations { get; set; }

        public int WithFindings { get; set; }

        public int WithErrors { get; set; }

        public int Findings { get; set; }

        public int[] SingleApplied { get; } = new int[Enum.GetValues<Mutation>().Length];

        public int[] SingleBitten { get; } = new int[Enum.GetValues<Mutation>().Length];

        public Dictionary<string, (int Applied, int Bitten)> SingleByArea { get; } = new(StringComparer.Ordinal);

        public List<string> Problems { get; } = new();
    }

    /// <summary>Applies one mutation to a copy of a tree: picks a fitting node, builds its replacement, and copies the tree around it.</summary>
    private sealed class TreeMutator
    {
        // Shared, immutable: building 100,000-character strings per mutation would dominate the run.
        private static readonly string[] LongStrings =
        {
            new('a', LongStringLength),
            new string('x', LongStringLength - 1) + "!",
            string.Concat(Enumerable.Repeat("abc-def.", LongStringLength / 8)),
            RandomText(new Random(Seed), LongStringLength, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:* "),
        };

        private static readonly string[] ControlCharacters = { "\0", "\u0001", "\b", "\t", "\n", "\r", "\u000b", "\u000c", "\u001b[31m", "\u007f", "\u0085", "\u009f" };
        private static readonly string[] UnknownApiVersions = { "networking.istio.io/v9", "networking.istio.io", "security.istio.io/v1beta9", "example.meshdsl.test/v1", "v1", "" };
        private static readonly string[] UnknownKinds = { "NoSuchKind", "virtualservice", "Virtualservice", "Gateways", "" };

        private int _unknownKeys;

        public TreeMutator(Random random) => Random = random;

        public Random Random { get; }

        public DocumentNode Apply(DocumentNode root, Mutation kind, List<(Mutation Kind, string Area)> applied)
        {
            var nodes = Nodes(root);
            var scalars = nodes.Where(n => n.Node is DocumentScalar).ToList();
            var containers = nodes.Where(n => n.Node is not DocumentScalar).ToList();
            var nonEmpty = containers.Where(n => Count(n.Node) > 0).ToList();
            (NodeRef Target, Func<DocumentNode, DocumentNode> Edit)? choice = kind switch
            {
                Mutation.ScalarKind => Pick(scalars, ChangeScalarKind),
                Mutation.ScalarToContainer => Pick(scalars, ScalarToContainer),
                Mutation.ContainerToScalar => Pick(containers.Where(n => n.Depth > 0).ToList(), _ => RandomScalar()),
                Mutation.DeleteKey => Pick(nonEmpty.Where(n => n.Node is DocumentMap).ToList(), node => WithoutKey((DocumentMap)node, Random.Next(((DocumentMap)node).Count))),
                Mutation.AddUnknownKey => Pick(containers.Where(n => n.Node is DocumentMap).ToList(), node => WithUnknownKey((DocumentMap)node)),
                Mutation.DuplicateItem => Pick(nonEmpty.Where(n => n.Node is DocumentList).ToList(), node => WithDuplicate((DocumentList)node)),
                Mutation.EmptyContainer => Pick(nonEmpty, node => node is DocumentMap ? new DocumentMap() : new DocumentList()),
                Mutation.HugeNumber => Pick(scalars, _ => HugeNumber()),
                Mutation.NegativeNumber => Pick(scalars, _ => NegativeNumber()),
                Mutation.LongString => Pick(scalars, _ => DocumentScalar.String(LongStrings[Random.Next(LongStrings.Length)])),
                Mutation.ControlCharacters => Pick(scalars, node => DocumentScalar.String(WithControlCharacter(((DocumentScalar)node).Text))),
                Mutation.UnknownApiVersionOrKind => (nodes[0], node => Random.Next(2) == 0
                    ? WithValue((DocumentMap)node, "apiVersion", DocumentScalar.String(UnknownApiVersions[Random.Next(UnknownApiVersions.Length)]))
                    : WithValue((DocumentMap)node, "kind", DocumentScalar.String(UnknownKinds[Random.Next(UnknownKinds.Length)]))),
                Mutation.RemoveApiVersion => (nodes[0], node => WithoutKey((DocumentMap)node, ((DocumentMap)node).Select(e => e.Key).ToList().IndexOf("apiVersion"))),
                _ => null,
            };

            // A mutation that fits nowhere in this tree (no list to duplicate an item of, say) becomes an unknown key.
            if (choice is null || (kind is Mutation.UnknownApiVersionOrKind or Mutation.RemoveApiVersion && root is not DocumentMap))
            {
                kind = Mutation.AddUnknownKey;
                choice = Pick(containers.Where(n => n.Node is DocumentMap).ToList(), node => WithUnknownKey((DocumentMap)node))
                    ?? (nodes[0], _ => new DocumentMap());
            }

            var (target, edit) = choice.Value;
            var replacement = edit(target.Node);
            replacement.DeclaredAt ??= target.Node.DeclaredAt;
            DocumentLocations.Inherit(replacement, replacement.DeclaredAt);
            applied.Add((kind, target.Area));
            return DeepCopy(root, target.Node, replacement);
        }

        private (NodeRef, Func<DocumentNode, DocumentNode>)? Pick(List<NodeRef> candidates, Func<DocumentNode, DocumentNode> edit) =>
            candidates.Count == 0 ? null : (candidates[Random.Next(candidates.Count)], edit);

        private DocumentNode ChangeScalarKind(DocumentNode node)
        {
            var scalar = (DocumentScalar)node;
            var kinds = Enum.GetValues<ScalarKind>().Where(k => k != scalar.Kind).ToArray();
            return kinds[Random.Next(kinds.Length)] switch
            {
                // a number or boolean's own text, quoted; or a word
                ScalarKind.String => DocumentScalar.String(scalar.Kind is ScalarKind.String or ScalarKind.Null ? "mutated" : scalar.Text),
                ScalarKind.Integer => DocumentScalar.Integer(Random.Next(0, 100_000)),
                ScalarKind.Number => DocumentScalar.Number(Math.Round(Random.NextDouble() * 1000, 3) + 0.5),
                ScalarKind.Boolean => DocumentScalar.Boolean(Random.Next(2) == 0),
                _ => DocumentScalar.Null,
            };
        }

        private DocumentNode ScalarToContainer(DocumentNode node)
        {
            var copy = DeepCopy(node);
            switch (Random.Next(4))
            {
                case 0:
                    return new DocumentMap();
                case 1:
                    return new DocumentList();
                case 2:
                    var map = new DocumentMap();
                    map.Add("value", copy);
                    return map;
                default:
                    var list = new DocumentList();
                    list.Add(copy);
                    return list;
            }
        }

        private DocumentScalar RandomScalar() => Random.Next(5) switch
        {
            0 => DocumentScalar.String("mutated"),
            1 => DocumentScalar.Integer(Random.Next(-10, 100_000)),
            2 => DocumentScalar.Number(Random.NextDouble()),
            3 => DocumentScalar.Boolean(Random.Next(2) == 0),
            _ => DocumentScalar.Null,
        };

        private DocumentScalar HugeNumber() => Random.Next(8) switch
        {
            0 => DocumentScalar.Integer(1L << 40),
            1 => DocumentScalar.Integer(-(1L << 40)),
            2 => DocumentScalar.Number(9.3e18), // just beyond long.MaxValue
            3 => DocumentScalar.Number(-9.3e18),
            4 => DocumentScalar.Number(1e20),
            5 => DocumentScalar.Number(1e30), // beyond decimal
            6 => DocumentScalar.Number(-1e30),
            _ => DocumentScalar.Number(1.7e308),
        };

        private DocumentScalar NegativeNumber() => Random.Next(4) switch
        {
            0 => DocumentScalar.Integer(-1),
            1 => DocumentScalar.Integer(-1 - Random.Next(1_000_000)),
            2 => DocumentScalar.Integer(long.MinValue),
            _ => DocumentScalar.Number(-0.5 - Math.Round(Random.NextDouble() * 1000, 3)),
        };

        private string WithControlCharacter(string text)
        {
            var at = Random.Next(text.Length + 1);
            return text.Insert(at, ControlCharacters[Random.Next(ControlCharacters.Length)]);
        }

        private DocumentMap WithUnknownKey(DocumentMap map)
        {
            var result = CopyEntries(map, skip: -1);
            var value = Random.Next(3) == 0 ? (DocumentNode)new DocumentMap() : RandomScalar();
            value.DeclaredAt = map.DeclaredAt;
            result.Add($"meshdslUnknown{++_unknownKeys}", value);
            return result;
        }

        private DocumentList WithDuplicate(DocumentList list)
        {
            var at = Random.Next(list.Count);
            var result = new DocumentList { DeclaredAt = list.DeclaredAt };
            for (var i = 0; i < list.Count; i++)
            {
                result.Add(DeepCopy(list[i]));
                if (i == at)
                {
                    result.Add(DeepCopy(list[i]));
                }
            }

            return result;
        }

        private static DocumentMap WithoutKey(DocumentMap map, int index) => CopyEntries(map, skip: index);

        private static DocumentMap WithValue(DocumentMap map, string key, DocumentNode value)
        {
            var result = CopyEntries(map, skip: -1);
            value.DeclaredAt = map[key]?.DeclaredAt ?? map.DeclaredAt;
            result.Add(key, value);
            return result;
        }

        private static DocumentMap CopyEntries(DocumentMap map, int skip)
        {
            var result = new DocumentMap { DeclaredAt = map.DeclaredAt };
            var index = 0;
            foreach (var entry in map)
            {
                if (index++ != skip)
                {
                    result.Add(entry.Key, DeepCopy(entry.Value));
                }
            }

            return result;
        }

        private static int Count(DocumentNode node) => node switch
        {
            DocumentMap map => map.Count,
            DocumentList list => list.Count,
            _ => 0,
        };
    }

    // ---- the text mutations -------------------------------------------------------------------------------

    private static string MutateText(string text, TextMutation mutation, Random random)
    {
        var lines = text.Split('\n').ToList();
        var line = random.Next(lines.Count);
        switch (mutation)
        {
            case TextMutation.Truncate:
                return text.Substring(0, random.Next(text.Length + 1));
            case TextMutation.DeleteLine:
                lines.RemoveAt(line);
                return string.Join("\n", lines);
            case TextMutation.DuplicateLine:
                lines.Insert(line, lines[line]);
                return string.Join("\n", lines);
            default:
                var insert = mutation switch
                {
                    TextMutation.InsertTab => "\t",
                    TextMutation.InsertColon => ": ",
                    TextMutation.InsertDash => "- ",
                    _ => "{",
                };
                return text.Insert(random.Next(text.Length + 1), insert);
        }
    }

    // ---- trees: deep copy, nodes, canonical text ----------------------------------------------------------

    /// <summary>A deep copy of <paramref name="node"/>, locations kept; <paramref name="target"/> (by reference) becomes <paramref name="replacement"/>.</summary>
    private static DocumentNode DeepCopy(DocumentNode node, DocumentNode? target = null, DocumentNode? replacement = null)
    {
        if (target is not null && ReferenceEquals(node, target))
        {
            return replacement!;
        }

        DocumentNode copy;
        switch (node)
        {
            case DocumentMap map:
                var newMap = new DocumentMap();
                foreach (var entry in map)
                {
                    newMap.Add(entry.Key, DeepCopy(entry.Value, target, replacement));
                }

                copy = newMap;
                break;
            case DocumentList list:
                var newList = new DocumentList();
                foreach (var item in list)
                {
                    newList.Add(DeepCopy(item, target, replacement));
                }

                copy = newList;
                break;
            case DocumentScalar scalar:
                copy = CopyScalar(scalar);
                break;
            default:
                throw new InvalidOperationException($"unknown node {node.GetType().Name}");
        }

        copy.DeclaredAt = node.DeclaredAt;
        return copy;
    }

    private static DocumentScalar CopyScalar(DocumentScalar scalar) => scalar.Kind switch
    {
        ScalarKind.String => DocumentScalar.String(scalar.Text),
        ScalarKind.Integer => long.TryParse(scalar.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
            ? DocumentScalar.Integer(integer)
            : DocumentScalar.Integer(ulong.Parse(scalar.Text, CultureInfo.InvariantCulture)),
        ScalarKind.Number => DocumentScalar.Number(scalar.Text switch
        {
            ".nan" => double.NaN,
            ".inf" => double.PositiveInfinity,
            "-.inf" => double.NegativeInfinity,
            _ => double.Parse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture),
        }),
        ScalarKind.Boolean => DocumentScalar.Boolean(scalar.Text == "true"),
        _ => DocumentScalar.Null,
    };

    /// <summary>A node in pre-order, with its depth and the top-level field it is under ("(root)" for the root itself).</summary>
    private readonly record struct NodeRef(DocumentNode Node, int Depth, string Area);

    private static List<NodeRef> Nodes(DocumentNode root)
    {
        var nodes = new List<NodeRef>();
        Walk(root, 0, "(root)");
        return nodes;

        void Walk(DocumentNode node, int depth, string area)
        {
            nodes.Add(new NodeRef(node, depth, area));
            switch (node)
            {
                case DocumentMap map:
                    foreach (var entry in map)
                    {
                        Walk(entry.Value, depth + 1, depth == 0 ? entry.Key : area);
                    }

                    break;
                case DocumentList list:
                    foreach (var item in list)
                    {
                        Walk(item, depth + 1, depth == 0 ? "(root item)" : area);
                    }

                    break;
            }
        }
    }

    private static string Canonical(DocumentNode node) => node switch
    {
        DocumentMap map => "{" + string.Join(",", map.Select(e => e.Key + ":" + Canonical(e.Value))) + "}",
        DocumentList list => "[" + string.Join(",", list.Select(Canonical)) + "]",
        DocumentScalar scalar => $"{scalar.Kind}:{scalar.Text}",
        _ => "?",
    };

    // ---- the corpus ---------------------------------------------------------------------------------------

    private sealed record CorpusDocument(string File, string Text, int Lines, DocumentNode Root);

    private static IReadOnlyList<CorpusDocument> LoadCorpus()
    {
        var files = Directory.GetFiles(Paths.Shared("istio", "corpus"), "*.yaml", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal);
        var documents = new List<CorpusDocument>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var lines = text.Count(c => c == '\n') + 1;
            documents.AddRange(YamlDocuments.Read(file, text).Select(d => new CorpusDocument(file, text, lines, d.Root ?? throw new InvalidOperationException($"{file}: {d.Error}"))));
        }

        Assert.Equal(324, documents.Count);
        return documents;
    }

    private static string RandomText(Random random, int length, string alphabet)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return text.ToString();
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text.Substring(0, 300) + $"… ({text.Length:N0} characters)";

    private static string Excerpt(string text) => "---- text ----\n" + Shorten(text) + "\n--------------";
}

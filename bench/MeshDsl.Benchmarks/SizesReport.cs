using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MeshDsl.Generator.Common;
using Microsoft.CodeAnalysis;
using YamlDotNet.RepresentationModel;

namespace MeshDsl.Benchmarks;

/// <summary>
/// How much C# the generator writes for Istio: as generated (types shared across identical served versions),
/// and "before sharing", from an in-memory copy of the bundle in which every CRD with N served versions is
/// split into N single-version CRDs of distinct kinds (VirtualServiceV1Beta1, ...).
/// </summary>
internal static class SizesReport
{
    public static int Run(string[] args)
    {
        var dump = args.SkipWhile(a => a != "--dump").Skip(1).FirstOrDefault();
        var crdText = File.ReadAllText(RepoPaths.IstioCrd);
        var namesText = File.ReadAllText(RepoPaths.IstioTypeNames);
        Console.WriteLine($"CRD bundle:   {RepoPaths.IstioCrd} ({crdText.Length:N0} chars)");
        Console.WriteLine($"Naming table: {RepoPaths.IstioTypeNames}");
        Console.WriteLine();

        var shared = Generate("as generated", crdText, namesText, dump is null ? null : Path.Combine(dump, "shared"));
        var control = Generate("control: bundle round-tripped through YamlDotNet, not split", CrdSplitter.RoundTrip(crdText), namesText, null);
        var kindsOnly = CrdSplitter.Split(crdText, namesText, isolateGroups: false);
        var splitKinds = Generate("split: one kind per served version, same API group", kindsOnly.Crds, kindsOnly.Names, null);
        var isolated = CrdSplitter.Split(crdText, namesText, isolateGroups: true);
        var unshared = Generate("before sharing: one kind per served version, each in its own API group", isolated.Crds, isolated.Names, dump is null ? null : Path.Combine(dump, "unshared"));

        Console.WriteLine();
        Console.WriteLine($"Split: {isolated.Summary}");
        Console.WriteLine();
        Console.WriteLine("| variant | kinds | files | characters | KB (chars/1024) | vs. as generated |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, result) in new[] { ("as generated (shared)", shared), ("control (round-tripped)", control), ("split kinds, same group", splitKinds), ("before sharing (split kinds, own groups)", unshared) })
        {
            Console.WriteLine($"| {name} | {result.Kinds} | {result.Files:N0} | {result.Chars:N0} | {result.Chars / 1024.0:N0} | {(double)result.Chars / shared.Chars:0.00}x |");
        }

        Console.WriteLine();
        Console.WriteLine($"Before sharing / as generated: {unshared.Chars / 1024.0:N0} KB / {shared.Chars / 1024.0:N0} KB = {(double)unshared.Chars / shared.Chars:0.00}x ({100.0 * (unshared.Chars - shared.Chars) / unshared.Chars:0.0} % less source with sharing)");
        if (control.Chars != shared.Chars)
        {
            Console.WriteLine($"WARNING: the round-tripped bundle generated {control.Chars:N0} characters, not {shared.Chars:N0}: the YAML round trip changes the input.");
            return 1;
        }

        return 0;
    }

    private static SizeResult Generate(string label, string crdText, string namesText, string? dump)
    {
        var result = GeneratorHarness.Run(new GeneratorInputs()
            .AddCrd(RepoPaths.IstioCrd, crdText)
            .AddNamingTable(RepoPaths.IstioTypeNames, namesText));
        if (result.Exception is not null)
        {
            throw new InvalidOperationException($"{label}: the generator threw", result.Exception);
        }

        var errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        var kinds = result.GeneratedSources.Count(s => s.SourceText.ToString().Contains("[global::MeshDsl.MeshResourceBuilder(", StringComparison.Ordinal));
        var size = new SizeResult(kinds, result.GeneratedSources.Length, GeneratorHarness.TotalChars(result));
        Console.WriteLine($"{label}: {size.Files:N0} files, {size.Chars:N0} chars, {kinds} resource builders, {errors} errors, {warnings} warnings{(result.Diagnostics.Length > 0 ? " (" + string.Join(", ", result.Diagnostics.GroupBy(d => d.Id).Select(g => $"{g.Key} x{g.Count()}")) + ")" : string.Empty)}");
        if (errors > 0)
        {
            foreach (var diagnostic in result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5))
            {
                Console.WriteLine("  " + diagnostic);
            }
        }

        if (dump is not null)
        {
            Directory.CreateDirectory(dump);
            foreach (var source in result.GeneratedSources)
            {
                File.WriteAllText(Path.Combine(dump, source.HintName), source.SourceText.ToString());
            }
        }

        return size;
    }

    private sealed record SizeResult(int Kinds, int Files, long Chars);
}

/// <summary>Splits multi-version CRDs into single-version CRDs with YamlDotNet's representation model, in memory.</summary>
internal static class CrdSplitter
{
    public static string RoundTrip(string crdText)
    {
        var stream = Load(crdText);
        return Save(stream);
    }

    /// <summary>
    /// Every CRD with N &gt; 1 served versions becomes N CRDs, each with one version (made the storage version),
    /// kind <c>Kind + Version</c> (VirtualServiceV1Beta1), plural, singular, listKind and metadata.name to match.
    /// With <paramref name="isolateGroups"/>, each also gets its own API group (networking-v1beta1.istio.io), so
    /// the generator's within-group merging of identical types cannot share them across versions either.
    /// The naming table's entries are copied to the new group and kind names.
    /// </summary>
    public static (string Crds, string Names, string Summary) Split(string crdText, string namesText, bool isolateGroups)
    {
        var input = Load(crdText);
        var output = new YamlStream();
        var renamed = new Dictionary<(string Group, string Kind), List<(string Group, string Kind)>>();
        var summary = new List<string>();
        foreach (var document in input.Documents)
        {
            if (document.RootNode is not YamlMappingNode root || Scalar(root, "kind") != "CustomResourceDefinition")
            {
                output.Add(document);
                continue;
            }

            var spec = (YamlMappingNode)root["spec"];
            var names = (YamlMappingNode)spec["names"];
            var group = Scalar(spec, "group")!;
            var kind = Scalar(names, "kind")!;
            var served = ((YamlSequenceNode)spec["versions"]).Children.OfType<YamlMappingNode>()
                .Where(v => Scalar(v, "served") == "true")
                .Select(v => Scalar(v, "name")!)
                .ToList();
            if (served.Count <= 1)
            {
                output.Add(document);
                summary.Add($"{kind} (1)");
                continue;
            }

            // A fresh copy of the document per version: load its text again (the model has no deep clone).
            var documentText = Save(new YamlStream(document));
            var copies = new List<(string Group, string Kind)>();
            foreach (var version in served)
            {
                var copy = Load(documentText).Documents.Single();
                var copyRoot = (YamlMappingNode)copy.RootNode;
                var copySpec = (YamlMappingNode)copyRoot["spec"];
                var copyNames = (YamlMappingNode)copySpec["names"];
                var suffix = Identifiers.Version(version);
                var newKind = kind + suffix;
                var newGroup = isolateGroups ? group.Substring(0, group.IndexOf('.')) + "-" + version + group.Substring(group.IndexOf('.')) : group;
                var plural = Scalar(copyNames, "plural")! + version;
                copySpec.Children[new YamlScalarNode("group")] = new YamlScalarNode(newGroup);
                copyNames.Children[new YamlScalarNode("kind")] = new YamlScalarNode(newKind);
                copyNames.Children[new YamlScalarNode("listKind")] = new YamlScalarNode(newKind + "List");
                copyNames.Children[new YamlScalarNode("plural")] = new YamlScalarNode(plural);
                copyNames.Children[new YamlScalarNode("singular")] = new YamlScalarNode(newKind.ToLowerInvariant());
                copyNames.Children.Remove(new YamlScalarNode("shortNames"));
                ((YamlMappingNode)copyRoot["metadata"]).Children[new YamlScalarNode("name")] = new YamlScalarNode(plural + "." + newGroup);

                var versions = (YamlSequenceNode)copySpec["versions"];
                var kept = versions.Children.OfType<YamlMappingNode>().Single(v => Scalar(v, "name") == version);
                kept.Children[new YamlScalarNode("storage")] = new YamlScalarNode("true");
                copySpec.Children[new YamlScalarNode("versions")] = new YamlSequenceNode(kept);
                output.Add(copy);
                copies.Add((newGroup, newKind));
            }

            renamed[(group, kind)] = copies;
            summary.Add($"{kind} ({served.Count}: {string.Join(", ", copies.Select(c => c.Kind))})");
        }

        return (Save(output), SplitNames(namesText, renamed), string.Join("; ", summary));
    }

    private static string SplitNames(string namesText, Dictionary<(string Group, string Kind), List<(string Group, string Kind)>> renamed)
    {
        var input = Load(namesText);
        var entries = new YamlSequenceNode();
        foreach (var entry in ((YamlSequenceNode)input.Documents.Single().RootNode).Children.OfType<YamlMappingNode>())
        {
            var key = (Scalar(entry, "group")!, Scalar(entry, "kind")!);
            if (!renamed.TryGetValue(key, out var copies))
            {
                entries.Add(entry);
                continue;
            }

            foreach (var (group, kind) in copies)
            {
                var copy = new YamlMappingNode();
                foreach (var child in entry.Children)
                {
                    var value = ((YamlScalarNode)child.Key).Value switch
                    {
                        "group" => new YamlScalarNode(group),
                        "kind" => new YamlScalarNode(kind),
                        _ => child.Value,
                    };
                    copy.Add(child.Key, value);
                }

                entries.Add(copy);
            }
        }

        return Save(new YamlStream(new YamlDocument(entries)));
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    private static YamlStream Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream;
    }

    private static string Save(YamlStream stream)
    {
        var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }
}

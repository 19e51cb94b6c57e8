using System;
using System.Collections.Generic;
using System.Linq;
using MeshDsl.Documents;

namespace MeshDsl.Analysis.Tests;

/// <summary>
/// Runs the rules on partial documents, as the analyzers see builder chains: YAML read as usual, then chosen nodes
/// marked unknown (a value that is not a compile-time constant) or open (a map or list that may hold more).
/// </summary>
internal static class Partial
{
    /// <summary>The findings of one rule after <paramref name="mark"/> has marked nodes of the first document (and the others).</summary>
    public static List<string> Rule(string id, string yaml, Action<Facts, IReadOnlyList<AnalyzedResource>> mark, AnalysisOptions? options = null)
    {
        var resources = Analyze.Resources(yaml);
        var facts = new Facts();
        mark(facts, resources);
        return MeshAnalysis.Run(resources, options ?? AnalysisOptions.Default, facts)
            .Where(f => f.Rule.Id == id)
            .Select(f => $"{f.Path}: {f.FullMessage}")
            .ToList();
    }

    /// <summary>Marks the node at <paramref name="path"/> (map keys as strings, list indexes as ints) of the first resource unknown.</summary>
    public static Action<Facts, IReadOnlyList<AnalyzedResource>> Unknown(params object[] path) => (facts, resources) => facts.MarkUnknown(At(resources[0].Root, path));

    /// <summary>Marks the map or list at <paramref name="path"/> of the first resource open.</summary>
    public static Action<Facts, IReadOnlyList<AnalyzedResource>> Open(params object[] path) => (facts, resources) => facts.MarkOpen(At(resources[0].Root, path));

    /// <summary>The node at <paramref name="path"/>; fails the test when there is none.</summary>
    public static DocumentNode At(DocumentNode root, params object[] path)
    {
        var node = root;
        foreach (var step in path)
        {
            node = step switch
            {
                string key => ((DocumentMap)node)[key],
                int index => ((DocumentList)node)[index],
                _ => null,
            } ?? throw new InvalidOperationException($"no node at '{string.Join(".", path)}' (stopped at '{step}')");
        }

        return node;
    }
}

using System.Collections.Generic;
using MeshDsl.Documents;

namespace MeshDsl.Analysis;

/// <summary>
/// What is known about a document. A document read from YAML or built at run time is complete. One folded from C#
/// by the analyzers is partial: a value that is not a compile-time constant is <em>unknown</em>, and a map or list
/// built by code the analyzer cannot follow is <em>open</em> (it may hold more than the analyzer saw). Rules report
/// only on what is known: "timeout is absent" holds only for a closed map.
/// </summary>
internal sealed class Facts
{
    private readonly HashSet<DocumentNode> _open = new(ReferenceComparer<DocumentNode>.Instance);
    private readonly HashSet<DocumentNode> _unknown = new(ReferenceComparer<DocumentNode>.Instance);

    /// <summary>Facts of a complete document: everything known, nothing open. Never marked.</summary>
    public static Facts Complete { get; } = new();

    public void MarkOpen(DocumentNode node)
    {
        if (!ReferenceEquals(this, Complete))
        {
            _open.Add(node);
        }
    }

    public void MarkUnknown(DocumentNode node)
    {
        if (!ReferenceEquals(this, Complete))
        {
            _unknown.Add(node);
        }
    }

    /// <summary>Takes in what <paramref name="other"/> knows (the analyzers merge each resource's facts for the set rules).</summary>
    public void AddFrom(Facts other)
    {
        if (ReferenceEquals(this, Complete))
        {
            return;
        }

        _open.UnionWith(other._open);
        _unknown.UnionWith(other._unknown);
    }

    public bool IsOpen(DocumentNode node) => _open.Count > 0 && _open.Contains(node);

    public bool IsKnown(DocumentNode node) => _unknown.Count == 0 || !_unknown.Contains(node);
}

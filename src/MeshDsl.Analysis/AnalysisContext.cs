using System.Collections.Generic;
using System.Linq;
using MeshDsl.Documents;

namespace MeshDsl.Analysis;

/// <summary>
/// What a rule works with: the options, the facts about partial documents, and where findings go. Its reads
/// are fact-aware: <see cref="Text"/> gives a value only when it is known, <see cref="IsAbsent"/> holds only
/// when a field is missing from a map that is known to be complete.
/// </summary>
internal sealed class AnalysisContext
{
    private readonly List<AnalysisFinding> _findings;

    public AnalysisContext(AnalysisOptions options, Facts facts, List<AnalysisFinding> findings)
    {
        Options = options;
        Facts = facts;
        _findings = findings;
    }

    public AnalysisOptions Options { get; }

    public Facts Facts { get; }

    public void Report(RuleDescriptor rule, AnalyzedResource resource, string path, DocumentNode node, string message, string? suggestion = null) =>
        _findings.Add(new AnalysisFinding(rule, resource, path, node, message) { Suggestion = suggestion });

    public DocumentMap? Map(DocumentNode? node, string key) => (node as DocumentMap)?[key] as DocumentMap;

    public DocumentNode? Get(DocumentNode? node, string key) => (node as DocumentMap)?[key];

    /// <summary>The items of a list field (what is known of them); empty when absent or not a list.</summary>
    public IReadOnlyList<DocumentNode> Items(DocumentNode? node, string key) =>
        (node as DocumentMap)?[key] as DocumentList ?? (IReadOnlyList<DocumentNode>)System.Array.Empty<DocumentNode>();

    /// <summary>The field's string value when it is set and known.</summary>
    public string? Text(DocumentNode? node, string key) =>
        Get(node, key) is DocumentScalar { Kind: ScalarKind.String } scalar && Facts.IsKnown(scalar) ? scalar.Text : null;

    /// <summary>The field's integer value when it is set and known.</summary>
    public long? Integer(DocumentNode? node, string key) =>
        Get(node, key) is DocumentScalar { Kind: ScalarKind.Integer } scalar && Facts.IsKnown(scalar) && long.TryParse(scalar.Text, out var value) ? value : null;

    /// <summary>The field's boolean value when it is set and known.</summary>
    public bool? Boolean(DocumentNode? node, string key) =>
        Get(node, key) is DocumentScalar { Kind: ScalarKind.Boolean } scalar && Facts.IsKnown(scalar) ? scalar.Text == "true" : null;

    /// <summary>The field is set (its value may be unknown).</summary>
    public bool IsSet(DocumentNode? node, string key) => Get(node, key) is not null;

    /// <summary>The field is known to be missing: <paramref name="node"/> is a complete map without it.</summary>
    public bool IsAbsent(DocumentNode? node, string key) => node is DocumentMap map && map[key] is null && !Facts.IsOpen(map);

    /// <summary>The node is a map known to be empty, such as an AuthorizationPolicy rule written <c>{}</c>.</summary>
    public bool IsEmptyMap(DocumentNode? node) => node is DocumentMap { Count: 0 } map && !Facts.IsOpen(map);

    /// <summary>The list field has at least one item (known or not).</summary>
    public bool HasItems(DocumentNode? node, string key) => Get(node, key) is DocumentList { Count: > 0 } || (Get(node, key) is DocumentList list && Facts.IsOpen(list));
}

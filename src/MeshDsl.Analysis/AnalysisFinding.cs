using MeshDsl.Documents;

namespace MeshDsl.Analysis;

/// <summary>A rule's finding: which rule, on which resource, at which field path and node, and what to do.</summary>
internal sealed record AnalysisFinding(RuleDescriptor Rule, AnalyzedResource Resource, string Path, DocumentNode Node, string Message)
{
    /// <summary>A value the fix should write, when the rule can compute one (a perTryTimeout that fits the route's timeout).</summary>
    public string? Suggestion { get; init; }

    /// <summary>The message with the Istio or Kiali code appended, as every host prints it.</summary>
    public string FullMessage => Rule.IstioCode is { } code ? $"{Message} ({code})" : Message;
}

using System.Collections.Generic;

namespace MeshDsl.Analysis;

/// <summary>
/// One rule. A resource rule looks at one resource at a time (the analyzers run it as the user types); a set rule
/// looks at every resource together (route targets, duplicates) and runs once over the whole set.
/// </summary>
internal abstract class MeshRule
{
    protected MeshRule(RuleDescriptor descriptor) => Descriptor = descriptor;

    public RuleDescriptor Descriptor { get; }

    /// <summary>True for rules that need the whole set (<see cref="CheckSet"/>) rather than one resource.</summary>
    public virtual bool IsSetRule => false;

    public virtual void Check(AnalyzedResource resource, AnalysisContext context)
    {
    }

    public virtual void CheckSet(IReadOnlyList<AnalyzedResource> resources, AnalysisContext context)
    {
    }
}

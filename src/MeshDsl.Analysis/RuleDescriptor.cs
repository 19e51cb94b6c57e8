namespace MeshDsl.Analysis;

/// <summary>How serious a rule's finding is by default (<c>.editorconfig</c> can change it per id).</summary>
internal enum RuleSeverity
{
    /// <summary>Certain misbehaviour or a security hole.</summary>
    Error,

    /// <summary>A likely outage or security risk.</summary>
    Warning,

    /// <summary>Hardening or style.</summary>
    Info,
}

/// <summary>What a rule is: its id, title, default severity, Istio or Kiali code, and the page that explains it.</summary>
internal sealed class RuleDescriptor
{
    /// <summary>Where the rule pages (docs/rules/MESHnnnn.md) are published; a placeholder until the repository has its address.</summary>
    public const string HelpBase = "https://example.com/meshdsl/blob/main/docs/rules/";

    public RuleDescriptor(string id, string title, RuleSeverity severity, string category, string description, string? istioCode = null)
    {
        Id = id;
        Title = title;
        DefaultSeverity = severity;
        Category = category;
        Description = description;
        IstioCode = istioCode;
    }

    /// <summary><c>MESHnnnn</c>.</summary>
    public string Id { get; }

    public string Title { get; }

    public RuleSeverity DefaultSeverity { get; }

    /// <summary>Routing, Resilience, Security, Gateways, Workloads or Consistency.</summary>
    public string Category { get; }

    /// <summary>One or two sentences: what the rule finds and why it matters.</summary>
    public string Description { get; }

    /// <summary>The istioctl analyze (IST) or Kiali (KIA) code of the same problem, when one exists.</summary>
    public string? IstioCode { get; }

    public string HelpLink => HelpBase + Id + ".md";
}

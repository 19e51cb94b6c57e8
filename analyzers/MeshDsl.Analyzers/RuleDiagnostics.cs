using System.Collections.Generic;
using System.Linq;
using MeshDsl.Analysis;
using Microsoft.CodeAnalysis;

namespace MeshDsl.Analyzers;

/// <summary>The Roslyn descriptors: one per mesh rule, made from its <see cref="RuleDescriptor"/>, plus the analyzer's own.</summary>
internal static class RuleDiagnostics
{
    /// <summary>The diagnostic property holding the finding's field path (for code fixes).</summary>
    public const string PathProperty = "MeshDslPath";

    /// <summary>The diagnostic property holding the value a code fix should write, when the rule computed one.</summary>
    public const string SuggestionProperty = "MeshDslSuggestion";

    /// <summary>Two members of one "at most one of" group: the same id the validator uses at emit time.</summary>
    public static readonly DiagnosticDescriptor OneOf = new(
        "MESH0208",
        "\"At most one of\" group",
        "At most one of {0}; keep one",
        "MeshDsl.Schema",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Istio's schema allows at most one member of this group; the API server rejects a resource that sets two.",
        helpLinkUri: "https://example.com/meshdsl/blob/main/docs/diagnostics.md#mesh0208");

    public static readonly DiagnosticDescriptor InternalError = new(
        "MESH0098",
        "MeshDsl analyzer failed",
        "The MeshDsl analyzer failed here and skipped this code: {0}. Please report this with the code.",
        "MeshDsl.Analyzer",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: "https://example.com/meshdsl/blob/main/docs/diagnostics.md#mesh0098");

    /// <summary>One descriptor per rule id. Set rules are tagged CompilationEnd: they report when the compilation ends.</summary>
    public static readonly IReadOnlyDictionary<string, DiagnosticDescriptor> ByRule = MeshAnalysis.Rules.ToDictionary(
        rule => rule.Descriptor.Id,
        rule => new DiagnosticDescriptor(
            rule.Descriptor.Id,
            rule.Descriptor.Title,
            "{0}",
            "MeshDsl." + rule.Descriptor.Category,
            rule.Descriptor.DefaultSeverity switch
            {
                RuleSeverity.Error => DiagnosticSeverity.Error,
                RuleSeverity.Warning => DiagnosticSeverity.Warning,
                _ => DiagnosticSeverity.Info,
            },
            isEnabledByDefault: true,
            description: rule.Descriptor.Description,
            helpLinkUri: rule.Descriptor.HelpLink,
            customTags: rule.IsSetRule ? new[] { WellKnownDiagnosticTags.CompilationEnd } : System.Array.Empty<string>()));
}

using System.Collections.Generic;
using System.Globalization;
using MeshDsl.Analysis;
using MeshDsl.Documents;
using MeshDsl.Validation;
using MeshDsl.Validation.Istio;
using Microsoft.CodeAnalysis;

namespace MeshDsl.Analyzers;

/// <summary>
/// Istio's webhook-only checks for HTTP routes (VS05…VS24, the same code the emit step and <c>meshdsl validate</c>
/// run), while the user types. They were written for complete documents, so a finding is kept only when the part
/// of the document it is about is fully known: no unknown value and no open map or list under the node it names
/// (or under its nearest existing parent, for a missing field).
/// </summary>
internal static class WebhookParity
{
    public static readonly DiagnosticDescriptor VirtualService = new(
        IstioIds.VirtualService,
        "Istio VirtualService check",
        "{0}",
        "MeshDsl.Istio",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A check Istio's validating webhook runs on a VirtualService beyond its CRD schema; the API server would reject the resource.",
        helpLinkUri: "https://example.com/meshdsl/blob/main/docs/diagnostics.md#mesh0302");

    /// <summary>Adds to <paramref name="diagnostics"/> what the webhook's checks find in a folded VirtualService.</summary>
    public static void Check(FoldedResource folded, List<Diagnostic> diagnostics)
    {
        if (!folded.Resource.IsIstio("VirtualService"))
        {
            return;
        }

        var findings = new List<ValidationFinding>();
        VirtualServiceChecks.Check(folded.Resource.Root, new Findings(findings));
        foreach (var finding in findings)
        {
            var node = Deepest(folded.Resource.Root, finding.Path);
            if (IsFullyKnown(node, folded.Facts))
            {
                diagnostics.Add(Diagnostic.Create(VirtualService, folded.LocationOf(node), $"{finding.Path}: {finding.Message}"));
            }
        }
    }

    // The node at a path such as spec.http[0].match[1].uri, or the deepest one that exists on the way.
    private static DocumentNode Deepest(DocumentNode root, string path)
    {
        var node = root;
        foreach (var segment in path.Split('.'))
        {
            var name = segment;
            var index = -1;
            var bracket = segment.IndexOf('[');
            if (bracket >= 0)
            {
                name = segment.Substring(0, bracket);
                int.TryParse(segment.Substring(bracket + 1).TrimEnd(']'), NumberStyles.None, CultureInfo.InvariantCulture, out index);
            }

            if (name.Length > 0)
            {
                if ((node as DocumentMap)?[name] is not { } child)
                {
                    return node;
                }

                node = child;
            }

            if (index >= 0)
            {
                if (node is not DocumentList list || index >= list.Count)
                {
                    return node;
                }

                node = list[index];
            }
        }

        return node;
    }

    private static bool IsFullyKnown(DocumentNode node, Facts facts)
    {
        if (!facts.IsKnown(node) || facts.IsOpen(node))
        {
            return false;
        }

        switch (node)
        {
            case DocumentMap map:
                foreach (var entry in map)
                {
                    if (!IsFullyKnown(entry.Value, facts))
                    {
                        return false;
                    }
                }

                return true;
            case DocumentList list:
                foreach (var item in list)
                {
                    if (!IsFullyKnown(item, facts))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }
}

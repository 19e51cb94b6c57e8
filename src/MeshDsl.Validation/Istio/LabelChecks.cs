using System.Linq;
using MeshDsl.Documents;

namespace MeshDsl.Validation.Istio;

/// <summary>
/// X14 (ISTIO-CHECKS.md §B.1): label maps Istio matches against workload labels are valid Kubernetes labels.
/// The schema caps only some values' length; the key and value syntax is checked only by Istio's webhook.
/// </summary>
internal static class LabelChecks
{
    private static readonly string[] RouteKinds = { "http", "tls", "tcp" };

    public static void CheckVirtualService(DocumentMap spec, Findings findings)
    {
        foreach (var kind in RouteKinds)
        {
            foreach (var (route, i) in spec.Items(kind).Select((r, i) => (r, i)))
            {
                foreach (var (match, j) in route.Items("match").Select((m, j) => (m, j)))
                {
                    Check(match.Get("sourceLabels"), $"spec.{kind}[{i}].match[{j}].sourceLabels", IstioIds.CrossCutting, "X14", findings);
                }
            }
        }
    }

    public static void CheckDestinationRule(DocumentMap spec, Findings findings)
    {
        foreach (var (subset, i) in spec.Items("subsets").Select((s, i) => (s, i)))
        {
            Check(subset.Get("labels"), $"spec.subsets[{i}].labels", IstioIds.CrossCutting, "X14", findings);
        }
    }

    public static void CheckServiceEntry(DocumentMap spec, Findings findings)
    {
        foreach (var (endpoint, i) in spec.Items("endpoints").Select((e, i) => (e, i)))
        {
            Check(endpoint.Get("labels"), $"spec.endpoints[{i}].labels", IstioIds.CrossCutting, "X14", findings);
        }
    }

    /// <summary>Reports each entry of <paramref name="labels"/> whose key or value is not a valid Kubernetes label.</summary>
    public static void Check(DocumentNode? labels, string path, string id, string check, Findings findings)
    {
        if (labels is not DocumentMap map)
        {
            return;
        }

        foreach (var entry in map)
        {
            var problem = KubernetesLabels.KeyProblem(entry.Key) is { } keyProblem
                ? $"label key '{Shorten(entry.Key)}' is not valid: {keyProblem}"
                : entry.Value is DocumentScalar { Kind: ScalarKind.String } value && KubernetesLabels.ValueProblem(value.Text) is { } valueProblem
                    ? $"the value of label '{Shorten(entry.Key)}' is not valid: {valueProblem}"
                    : null;
            if (problem is not null)
            {
                findings.Error(id, $"{path}.{entry.Key}", entry.Value, $"{check}: {problem}");
            }
        }
    }

    private static string Shorten(string text) => text.Length > 80 ? text.Substring(0, 77) + "..." : text;
}

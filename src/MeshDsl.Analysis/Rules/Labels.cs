using System.Collections.Generic;
using MeshDsl.Documents;

namespace MeshDsl.Analysis.Rules;

/// <summary>
/// Kubernetes labels and label selectors as the set rules compare them: only maps known to be whole, so "this
/// selector picks those pods" and "it cannot" are concluded from what is written, never from what may be missing.
/// </summary>
internal static class Labels
{
    /// <summary>The labels of <paramref name="map"/> when it is closed and every value is a known string; null otherwise.</summary>
    public static Dictionary<string, string>? Known(AnalysisContext context, DocumentNode? map)
    {
        if (map is not DocumentMap labels || context.Facts.IsOpen(labels) || !context.Facts.IsKnown(labels))
        {
            return null;
        }

        var known = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var entry in labels)
        {
            if (context.Text(labels, entry.Key) is not { } value)
            {
                return null;
            }

            known[entry.Key] = value;
        }

        return known;
    }

    /// <summary>
    /// The <c>spec.selector.matchLabels</c> of an Istio policy: empty when it has no selector (the whole namespace),
    /// null when the selector is not known or selects by something else than labels the analyzer can read.
    /// </summary>
    public static Dictionary<string, string>? WorkloadSelector(AnalyzedResource policy, AnalysisContext context)
    {
        var spec = policy.Spec;
        if (context.IsAbsent(spec, "selector"))
        {
            return new Dictionary<string, string>(System.StringComparer.Ordinal);
        }

        var selector = context.Map(spec, "selector");
        return selector is not null && context.IsAbsent(selector, "matchLabels")
            ? new Dictionary<string, string>(System.StringComparer.Ordinal)
            : Known(context, context.Map(selector, "matchLabels"));
    }

    /// <summary>Does every pod labelled <paramref name="labels"/> match <paramref name="selector"/> (selector ⊆ labels)?</summary>
    public static bool Selects(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels)
    {
        foreach (var pair in selector)
        {
            if (!labels.TryGetValue(pair.Key, out var value) || value != pair.Value)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Can one pod match both selectors: no label that they require with different values?</summary>
    public static bool Overlap(IReadOnlyDictionary<string, string> first, IReadOnlyDictionary<string, string> second)
    {
        foreach (var pair in first)
        {
            if (second.TryGetValue(pair.Key, out var value) && value != pair.Value)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>app=api,version=v1</c>, as messages name a selector.</summary>
    public static string Describe(IReadOnlyDictionary<string, string> labels)
    {
        var pairs = new List<string>();
        foreach (var pair in labels)
        {
            pairs.Add(pair.Key + "=" + pair.Value);
        }

        return string.Join(",", pairs);
    }
}

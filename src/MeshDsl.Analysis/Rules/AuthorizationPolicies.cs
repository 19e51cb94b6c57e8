using System.Collections.Generic;
using MeshDsl.Documents;

namespace MeshDsl.Analysis.Rules;

/// <summary>Reading AuthorizationPolicies: the action, the operations and the conditions of their rules.</summary>
internal static class AuthorizationPolicies
{
    /// <summary>The known action (ALLOW when it is known to be unset); null when not known.</summary>
    public static string? Action(AnalyzedResource resource, AnalysisContext context)
    {
        if (resource.Spec is not { } spec)
        {
            return KnownFields.IsMissing(context, resource.Root, "spec") ? "ALLOW" : null;
        }

        return context.IsAbsent(spec, "action") ? "ALLOW" : context.Text(spec, "action");
    }

    /// <summary>
    /// Is this an allow-nothing policy (ALLOW, no selector or targetRefs, no rules; usually <c>spec: {}</c>)?
    /// Null when it cannot be told.
    /// </summary>
    public static bool? AllowsNothing(AnalyzedResource resource, AnalysisContext context)
    {
        switch (resource.Root["spec"])
        {
            case null:
                return KnownFields.IsMissing(context, resource.Root, "spec") ? true : null;
            case DocumentScalar { Kind: ScalarKind.Null } nothing:
                return context.Facts.IsKnown(nothing) ? true : null;
            case not DocumentMap:
                return null;
        }

        var spec = resource.Spec!;
        if (context.Get(spec, "rules") is DocumentList { Count: > 0 } || context.IsSet(spec, "selector") || context.IsSet(spec, "targetRef") || context.IsSet(spec, "targetRefs"))
        {
            return false;
        }

        var action = Action(resource, context);
        if (action is not null && action != "ALLOW")
        {
            return false;
        }

        var noRules = context.IsAbsent(spec, "rules") || context.Get(spec, "rules") is DocumentList rules && !context.Facts.IsOpen(rules) && context.Facts.IsKnown(rules);
        var unscoped = context.IsAbsent(spec, "selector") && context.IsAbsent(spec, "targetRef") && context.IsAbsent(spec, "targetRefs");
        return action == "ALLOW" && noRules && unscoped ? true : null;
    }

    /// <summary><c>spec.rules[i].to[j].operation</c>, with their paths.</summary>
    public static List<RuleEntry> Operations(AnalyzedResource resource, AnalysisContext context) => Entries(resource, "to", "operation", context);

    /// <summary><c>spec.rules[i].when[j]</c>, with their paths.</summary>
    public static List<RuleEntry> Conditions(AnalyzedResource resource, AnalysisContext context) => Entries(resource, "when", null, context);

    // The maps of one list field of each rule (spec.rules[i].to[j]), or a map below each (spec.rules[i].to[j].operation).
    private static List<RuleEntry> Entries(AnalyzedResource resource, string list, string? child, AnalysisContext context)
    {
        var entries = new List<RuleEntry>();
        var rules = context.Items(resource.Spec, "rules");
        for (var i = 0; i < rules.Count; i++)
        {
            var items = context.Items(rules[i], list);
            for (var j = 0; j < items.Count; j++)
            {
                if (items[j] is DocumentMap entry && (child is null ? entry : context.Map(entry, child)) is { } map)
                {
                    entries.Add(new RuleEntry(map, new RuleEntryPath(i, list, j, child)));
                }
            }
        }

        return entries;
    }
}

/// <summary>A map of an AuthorizationPolicy rule and where it is.</summary>
internal sealed record RuleEntry(DocumentMap Map, RuleEntryPath Path);

/// <summary>Where a map of an AuthorizationPolicy rule is: <c>spec.rules[0].to[1].operation</c>, <c>spec.rules[0].when[2]</c>.</summary>
internal readonly struct RuleEntryPath(int rule, string list, int item, string? child)
{
    public override string ToString() => child is null ? $"spec.rules[{rule}].{list}[{item}]" : $"spec.rules[{rule}].{list}[{item}].{child}";

    /// <summary>The path of a field of the map.</summary>
    public string Field(string name) => ToString() + "." + name;
}

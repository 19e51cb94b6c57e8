using System;
using System.Collections.Generic;
using System.Linq;
using MeshDsl.Documents;

namespace MeshDsl.Analysis.Rules;

/// <summary>MESH1007: a rule that matches every request comes before other rules, which then never apply.</summary>
internal sealed class CatchAllRouteShadowsLaterRules() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1007",
        "Catch-all route shadows later rules",
        RuleSeverity.Warning,
        "Routing",
        "Istio uses the first rule that matches. A rule without match, or with a match that is always true (uri prefix / or regex .*), takes every request, so the rules after it never apply.",
        "IST0130");

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        if (!resource.IsIstio("VirtualService"))
        {
            return;
        }

        foreach (var section in new[] { "http", "tcp" })
        {
            var rules = context.Items(resource.Spec, section);
            // Only a rule with a known rule after it: in an open list, the last one seen may well be the last.
            for (var i = 0; i < rules.Count - 1; i++)
            {
                if (CatchAll(rules[i], section, context) is { } why)
                {
                    var later = rules.Count - 1 - i == 1 ? $"spec.{section}[{i + 1}] is" : $"spec.{section}[{i + 1}] to spec.{section}[{rules.Count - 1}] are";
                    context.Report(Rule, resource, $"spec.{section}[{i}]", rules[i], $"spec.{section}[{i}] {why}, so it takes every request and {later} never used; move it last, or give it a narrower match");
                    break;
                }
            }
        }
    }

    // Why the rule matches everything, or null when it does not (or it is not known).
    private static string? CatchAll(DocumentNode rule, string section, AnalysisContext context)
    {
        if (context.IsAbsent(rule, "match"))
        {
            return "has no match";
        }

        if (context.Get(rule, "match") is not DocumentList matches)
        {
            return null;
        }

        if (matches.Count == 0 && !context.Facts.IsOpen(matches))
        {
            return "has an empty match list";
        }

        for (var j = 0; j < matches.Count; j++)
        {
            if (AlwaysTrue(matches[j], section, context) is { } condition)
            {
                return $"has match[{j}] {condition}, which every request meets";
            }
        }

        return null;
    }

    // A complete match whose only condition is uri prefix "/" or regex ".*" (a name and ignoreUriCase restrict nothing).
    private static string? AlwaysTrue(DocumentNode match, string section, AnalysisContext context)
    {
        if (match is not DocumentMap map || context.Facts.IsOpen(map))
        {
            return null;
        }

        var condition = "{}";
        foreach (var entry in map)
        {
            if (entry.Key == "uri" && section == "http" && UriCondition(entry.Value, context) is { } uri && (uri == ("prefix", "/") || uri == ("regex", ".*") || uri == ("regex", "/.*")))
            {
                condition = $"(uri {uri.Kind} '{uri.Value}')";
            }
            else if (entry.Key != "name" && !(entry.Key == "ignoreUriCase" && section == "http"))
            {
                return null;
            }
        }

        return condition;
    }

    /// <summary>A complete uri StringMatch with one known condition: (prefix|exact|regex, value).</summary>
    public static (string Kind, string Value)? UriCondition(DocumentNode? uri, AnalysisContext context)
    {
        if (uri is not DocumentMap { Count: 1 } map || context.Facts.IsOpen(map))
        {
            return null;
        }

        var kind = map.First().Key;
        return context.Text(map, kind) is { } value ? (kind, value) : null;
    }
}

/// <summary>MESH1008: an earlier match on a uri prefix alone takes every request a later, more specific match would.</summary>
internal sealed class ShadowedPrefix() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1008",
        "Match shadowed by an earlier uri prefix",
        RuleSeverity.Warning,
        "Routing",
        "An earlier rule matches on a uri prefix and nothing else, and that prefix covers a later match's uri prefix or exact path: every request the later match would take goes to the earlier rule, so the later match is never used.",
        "IST0131");

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        if (!resource.IsIstio("VirtualService"))
        {
            return;
        }

        var rules = context.Items(resource.Spec, "http");
        var earlier = new List<(int Rule, int Match, Cover Cover)>();
        for (var i = 0; i < rules.Count; i++)
        {
            var matches = context.Items(rules[i], "match");
            for (var j = 0; j < matches.Count; j++)
            {
                if (Later(matches[j], context) is not { } later)
                {
                    continue;
                }

                foreach (var (rule, match, cover) in earlier.Where(e => e.Cover.Covers(later)).Take(1))
                {
                    var path = $"spec.http[{i}].match[{j}]";
                    context.Report(Rule, resource, path, matches[j], $"{path} (uri {later.Kind} '{later.Value}') is never used: spec.http[{rule}].match[{match}] comes first and matches uri {cover.Kind} '{cover.Value}' with no other condition; move spec.http[{i}] before spec.http[{rule}]");
                }
            }

            // Added after the rule's own matches: shadowing within one rule routes the same way, so it does no harm.
            for (var j = 0; j < matches.Count; j++)
            {
                if (Cover.Of(matches[j], context) is { } cover)
                {
                    earlier.Add((i, j, cover));
                }
            }
        }
    }

    // The later match's uri prefix or exact path, and whether it ignores case; null when not known or not comparable.
    private static (string Kind, string Value, bool IgnoreCase)? Later(DocumentNode match, AnalysisContext context)
    {
        if (CatchAllRouteShadowsLaterRules.UriCondition(context.Get(match, "uri"), context) is not { } uri || uri.Kind == "regex" || IgnoresCase(match, context) is not { } ignoreCase)
        {
            return null;
        }

        return (uri.Kind, uri.Value, ignoreCase);
    }

    private static bool? IgnoresCase(DocumentNode match, AnalysisContext context) =>
        context.IsAbsent(match, "ignoreUriCase") ? false : context.Boolean(match, "ignoreUriCase");

    /// <summary>A complete match that checks only a uri prefix (not "/", MESH1007's case) or exact path.</summary>
    private sealed record Cover(string Kind, string Value, bool IgnoreCase)
    {
        public static Cover? Of(DocumentNode match, AnalysisContext context)
        {
            if (match is not DocumentMap map || context.Facts.IsOpen(map) || map.Any(e => e.Key != "uri" && e.Key != "name" && e.Key != "ignoreUriCase")
                || CatchAllRouteShadowsLaterRules.UriCondition(map["uri"], context) is not { } uri || uri.Kind == "regex" || uri == ("prefix", "/")
                || IgnoresCase(map, context) is not { } ignoreCase)
            {
                return null;
            }

            return new Cover(uri.Kind, uri.Value, ignoreCase);
        }

        public bool Covers((string Kind, string Value, bool IgnoreCase) later)
        {
            if (later.IgnoreCase && !IgnoreCase)
            {
                return false;
            }

            var comparison = IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            return Kind == "prefix" ? later.Value.StartsWith(Value, comparison) : later.Kind == "exact" && string.Equals(later.Value, Value, comparison);
        }
    }
}

using System;
using System.Collections.Generic;
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

    private static readonly string[] Sections = { "http", "tcp" };

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        if (!resource.IsIstio("VirtualService"))
        {
            return;
        }

        foreach (var section in Sections)
        {
            var rules = context.Items(resource.Spec, section);
            // Only a rule with a known rule after it: in an open list, the last one seen may well be the last.
            for (var i = 0; i < rules.Count - 1; i++)
            {
                if (CatchAll(rules[i], section, context) is { } why)
                {
                    var later = rules.Count - 1 - i == 1 ? $"{HttpRoutes.Path(section, i + 1)} is" : $"{HttpRoutes.Path(section, i + 1)} to {HttpRoutes.Path(section, rules.Count - 1)} are";
                    var path = HttpRoutes.Path(section, i);
                    context.Report(Rule, resource, path, rules[i], $"{path} {why}, so it takes every request and {later} never used; move it last, or give it a narrower match");
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
            if (entry.Key == "uri" && section == "http" && UriCondition(entry.Value, context, out var kind, out var value) && IsCatchAll(kind, value))
            {
                condition = $"(uri {kind} '{value}')";
            }
            else if (entry.Key != "name" && !(entry.Key == "ignoreUriCase" && section == "http"))
            {
                return null;
            }
        }

        return condition;
    }

    private static bool IsCatchAll(string kind, string value) => kind == "prefix" ? value == "/" : kind == "regex" && value is ".*" or "/.*";

    /// <summary>Is <paramref name="uri"/> a complete StringMatch with one known condition: <paramref name="kind"/> (prefix, exact or regex) and its value?</summary>
    public static bool UriCondition(DocumentNode? uri, AnalysisContext context, out string kind, out string value)
    {
        kind = value = string.Empty;
        if (uri is not DocumentMap { Count: 1 } map || context.Facts.IsOpen(map))
        {
            return false;
        }

        foreach (var entry in map)
        {
            kind = entry.Key;
        }

        if (context.Text(map, kind) is not { } text)
        {
            return false;
        }

        value = text;
        return true;
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
        var earlier = new List<Cover>();
        for (var i = 0; i < rules.Count; i++)
        {
            var matches = context.Items(rules[i], "match");
            for (var j = 0; j < matches.Count; j++)
            {
                if (!Later(matches[j], context, out var kind, out var value, out var ignoreCase) || FirstCovering(earlier, kind, value, ignoreCase) is not { } cover)
                {
                    continue;
                }

                var path = $"spec.http[{i}].match[{j}]";
                context.Report(Rule, resource, path, matches[j], $"{path} (uri {kind} '{value}') is never used: spec.http[{cover.Rule}].match[{cover.Match}] comes first and matches uri {cover.Kind} '{cover.Value}' with no other condition; move spec.http[{i}] before spec.http[{cover.Rule}]");
            }

            // Added after the rule's own matches: shadowing within one rule routes the same way, so it does no harm.
            for (var j = 0; j < matches.Count; j++)
            {
                if (Cover.Of(matches[j], i, j, context) is { } cover)
                {
                    earlier.Add(cover);
                }
            }
        }
    }

    private static Cover? FirstCovering(List<Cover> earlier, string kind, string value, bool ignoreCase)
    {
        foreach (var cover in earlier)
        {
            if (cover.Covers(kind, value, ignoreCase))
            {
                return cover;
            }
        }

        return null;
    }

    // The later match's uri prefix or exact path, and whether it ignores case; false when not known or not comparable.
    private static bool Later(DocumentNode match, AnalysisContext context, out string kind, out string value, out bool ignoreCase)
    {
        ignoreCase = false;
        if (!CatchAllRouteShadowsLaterRules.UriCondition(context.Get(match, "uri"), context, out kind, out value) || kind == "regex" || IgnoresCase(match, context) is not { } ignores)
        {
            return false;
        }

        ignoreCase = ignores;
        return true;
    }

    private static bool? IgnoresCase(DocumentNode match, AnalysisContext context) =>
        context.IsAbsent(match, "ignoreUriCase") ? false : context.Boolean(match, "ignoreUriCase");

    /// <summary>A complete match (<c>spec.http[Rule].match[Match]</c>) that checks only a uri prefix (not "/", MESH1007's case) or exact path.</summary>
    private sealed record Cover(string Kind, string Value, bool IgnoreCase, int Rule, int Match)
    {
        public static Cover? Of(DocumentNode match, int rule, int index, AnalysisContext context)
        {
            if (match is not DocumentMap map || context.Facts.IsOpen(map) || !ChecksOnlyUri(map)
                || !CatchAllRouteShadowsLaterRules.UriCondition(map["uri"], context, out var kind, out var value) || kind == "regex" || (kind == "prefix" && value == "/")
                || IgnoresCase(map, context) is not { } ignoreCase)
            {
                return null;
            }

            return new Cover(kind, value, ignoreCase, rule, index);
        }

        public bool Covers(string kind, string value, bool ignoreCase)
        {
            if (ignoreCase && !IgnoreCase)
            {
                return false;
            }

            var comparison = IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            return Kind == "prefix" ? value.StartsWith(Value, comparison) : kind == "exact" && string.Equals(value, Value, comparison);
        }

        // A name and ignoreUriCase restrict nothing beyond the uri.
        private static bool ChecksOnlyUri(DocumentMap map)
        {
            foreach (var entry in map)
            {
                if (entry.Key != "uri" && entry.Key != "name" && entry.Key != "ignoreUriCase")
                {
                    return false;
                }
            }

            return true;
        }
    }
}

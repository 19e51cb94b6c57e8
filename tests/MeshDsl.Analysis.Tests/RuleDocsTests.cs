using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MeshDsl.Testing;
using Xunit;

namespace MeshDsl.Analysis.Tests;

/// <summary>
/// Every rule has its docs page (docs/rules/MESHnnnn.md), a row in docs/rules/README.md and in the repository's README,
/// a description and a help link.
/// </summary>
public sealed class RuleDocsTests
{
    private static readonly string RulesFolder = Path.Combine(RepositoryPaths.Root, "docs", "rules");

    /// <summary>The rule tables: each README with the path from it to the rule pages.</summary>
    public static TheoryData<string, string> Tables() => new()
    {
        { Path.Combine("docs", "rules", "README.md"), string.Empty },
        { "README.md", "docs/rules/" },
    };

    public static IEnumerable<object[]> RuleIdsInTables() =>
        MeshAnalysis.Rules.SelectMany(r => Tables().Select(t => new object[] { r.Descriptor.Id, t[0], t[1] }));

    public static IEnumerable<object[]> RuleIds() => MeshAnalysis.Rules.Select(r => new object[] { r.Descriptor.Id });

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void The_rule_has_a_page_with_its_title_severity_and_the_four_sections(string id)
    {
        var rule = Descriptor(id);
        var page = Path.Combine(RulesFolder, id + ".md");
        Assert.True(File.Exists(page), $"docs/rules/{id}.md is missing");

        var lines = File.ReadAllLines(page);
        Assert.Equal($"# {id}: {rule.Title}", lines[0]);
        Assert.Contains($"Severity: {rule.DefaultSeverity} · Category: {rule.Category} · Istio/Kiali code: {rule.IstioCode ?? "none"}", lines);

        var sections = lines.Where(l => l.StartsWith("## ", System.StringComparison.Ordinal)).ToArray();
        Assert.Equal(new[] { "## Why", "## Bad", "## Good", "## Fix" }, sections);
    }

    [Theory]
    [MemberData(nameof(RuleIdsInTables))]
    public void The_rule_is_listed_in_the_readmes(string id, string readme, string pages)
    {
        var rule = Descriptor(id);
        var row = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, readme)).SingleOrDefault(l => l.StartsWith($"| [{id}]({pages}{id}.md) |", System.StringComparison.Ordinal));

        Assert.NotNull(row);
        Assert.Contains($"| {rule.Title.Replace("|", "\\|")} | {rule.DefaultSeverity} | {rule.Category} |", row);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void The_rule_has_a_description_and_a_help_link_to_its_page(string id)
    {
        var rule = Descriptor(id);

        Assert.False(string.IsNullOrWhiteSpace(rule.Description));
        Assert.False(string.IsNullOrWhiteSpace(rule.Title));
        Assert.EndsWith(id + ".md", rule.HelpLink);
    }

    [Fact]
    public void Rule_ids_are_unique_and_in_the_analyzer_range()
    {
        var ids = MeshAnalysis.Rules.Select(r => r.Descriptor.Id).ToList();

        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches(new Regex("^MESH1\\d{3}$"), id));
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void The_readmes_list_no_rule_that_does_not_exist(string readme, string pages)
    {
        var ids = MeshAnalysis.Rules.Select(r => r.Descriptor.Id).ToHashSet();
        var listed = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, readme))
            .Select(l => Regex.Match(l, @"^\| \[(MESH\d+)\]\(" + Regex.Escape(pages)))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value);

        Assert.All(listed, id => Assert.Contains(id, ids));
    }

    private static RuleDescriptor Descriptor(string id) => MeshAnalysis.Rules.Single(r => r.Descriptor.Id == id).Descriptor;
}

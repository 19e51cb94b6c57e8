using System;
using System.Collections.Generic;
using System.Linq;
using MeshDsl.Documents;
using Xunit;
using Xunit.Abstractions;

namespace MeshDsl.Validation.Tests;

/// <summary>
/// Every CEL rule of the pinned Istio CRDs, at every place it sits: a document with a satisfying value there passes
/// without a finding, and a document with a violating value fails with exactly that rule's message, at the field
/// path of the node that carries the rule. Documents are generated from the schemas (<see cref="CelRuleDocuments"/>)
/// and the values come from a table keyed by rule string (<see cref="CelRuleTable"/>).
/// </summary>
public sealed class CelRuleSiteTests
{
    private static readonly DocumentValidator Validator = new(CrdCatalog.Istio());

    public static TheoryData<CelRuleSiteCase> Sites()
    {
        var sites = new TheoryData<CelRuleSiteCase>();
        foreach (var site in CelRuleSites.All)
        {
            sites.Add(new CelRuleSiteCase(site.Id));
        }

        return sites;
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public void Satisfying_values_at_the_site_pass(CelRuleSiteCase @case)
    {
        var site = @case.Site;
        var problems = new List<string>();
        foreach (var value in CelRuleTable.ByRule[site.Rule].Satisfying)
        {
            var document = CelRuleDocuments.Build(site, value);
            // Errors, and the warnings that mean the test itself is wrong (a misspelt field, a rule not evaluated).
            var findings = Validator.Validate(document.Root)
                .Where(f => f.Severity == FindingSeverity.Error || f.Id is ValidationIds.UnknownField or ValidationIds.CelUnsupported)
                .ToList();
            if (findings.Count > 0)
            {
                problems.Add($"{value}: {string.Join("; ", findings)}\n    in {document}");
            }
        }

        Assert.True(problems.Count == 0, $"{site.Rule}\nsatisfying values were reported:\n  {string.Join("\n  ", problems)}");
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public void Violating_values_at_the_site_fail_with_the_rules_message(CelRuleSiteCase @case)
    {
        var site = @case.Site;
        var problems = new List<string>();
        foreach (var value in CelRuleTable.ByRule[site.Rule].Violating)
        {
            var document = CelRuleDocuments.Build(site, value);
            var errors = Validator.Validate(document.Root).Where(f => f.Severity == FindingSeverity.Error).ToList();

            // Each rule finding as "path: message @ location", the site's marker location for all of them.
            var expected = Sorted(ExpectedMessages(site, value).Select(m => $"{document.Path}: {m} @ {CelRuleDocuments.SiteLocation}"))
                .Concat(Sorted(value.AlsoReported)).ToList();
            var actual = Sorted(errors.Where(f => f.Id == ValidationIds.CelRule).Select(f => $"{f.Path}: {f.Message} @ {f.At}"))
                .Concat(Sorted(errors.Where(f => f.Id != ValidationIds.CelRule).Select(f => f.Id))).ToList();
            if (!expected.SequenceEqual(actual))
            {
                problems.Add($"{value}: expected [{string.Join("; ", expected)}], found [{string.Join("; ", errors)}]\n    in {document}");
            }
        }

        Assert.True(problems.Count == 0, $"{site.Rule}\nviolating values were not reported as expected:\n  {string.Join("\n  ", problems)}");
    }

    [Fact]
    public void Every_rule_of_the_bundle_has_a_table_entry()
    {
        var missing = CelRuleSites.All.Select(s => s.Rule).Distinct().Where(r => !CelRuleTable.ByRule.ContainsKey(r)).ToList();

        Assert.True(missing.Count == 0, $"rules of Istio {CelRuleSites.IstioVersion} without a table entry:\n{string.Join("\n", missing)}");
    }

    [Fact]
    public void Every_table_entry_is_a_rule_of_the_bundle_with_values_both_ways()
    {
        var rules = CelRuleSites.All.Select(s => s.Rule).ToHashSet(StringComparer.Ordinal);

        Assert.All(CelRuleTable.ByRule.Keys, r => Assert.Contains(r, rules));
        Assert.All(CelRuleTable.ByRule.Values, e => Assert.True(e.Satisfying.Count > 0 && e.Violating.Count > 0, e.Rule));
        // A value named as breaking another rule must name a rule of the table.
        Assert.All(CelRuleTable.ByRule.Values.SelectMany(e => e.Violating).SelectMany(c => c.AlsoViolates), r => Assert.Contains(r, CelRuleTable.ByRule.Keys));
    }

    [Fact]
    public void The_bundle_has_362_rule_sites_in_15_kinds_with_36_rules_and_37_messages()
    {
        var sites = CelRuleSites.All;

        Assert.Equal(362, sites.Count);
        Assert.Equal(15, sites.Select(s => s.Kind).Distinct().Count());
        Assert.Equal(36, sites.Select(s => s.Rule).Distinct().Count());
        Assert.Equal(37, sites.Select(s => s.Text).Distinct().Count());
        Assert.Equal(sites.Count, sites.Select(s => s.Id).Distinct().Count());
        Assert.Equal(160, sites.Count(s => s.Rule == "duration(self) >= duration('1ms')"));
    }

    [Theory]
    [InlineData("ServiceEntry/v1/spec.endpoints[].ports.*/rule 0", "spec.endpoints[0].ports.http")]
    [InlineData("WorkloadEntry/v1/spec.ports/rule 0", "spec.ports")]
    [InlineData("PeerAuthentication/v1/spec.portLevelMtls/rule 0", "spec.portLevelMtls")]
    [InlineData("AuthorizationPolicy/v1/spec.selector.matchLabels.*/rule 0", "spec.selector.matchLabels.app")]
    [InlineData("Telemetry/v1/spec.metrics[].overrides[].tagOverrides.*/rule 1", "spec.metrics[0].overrides[0].tagOverrides.app")]
    [InlineData("DestinationRule/v1beta1/spec.subsets[].trafficPolicy.portLevelSettings[].loadBalancer.warmup.duration/rule 0", "spec.subsets[0].trafficPolicy.portLevelSettings[0].loadBalancer.warmup.duration")]
    public void Generated_documents_put_the_value_at_the_sites_field_path(string id, string path)
    {
        var site = CelRuleSites.ById(id);

        var document = CelRuleDocuments.Build(site, CelRuleTable.ByRule[site.Rule].Satisfying[0]);

        Assert.Equal(path, document.Path);
        Assert.Same(document.Site, Walk(document.Root, path));
    }

    // The rule's own message, and those of the rules on the same node the value is known to break as well.
    private static IEnumerable<string> ExpectedMessages(CelRuleSite site, CelRuleCase value) =>
        new[] { site.Text.ExpectedMessage }.Concat(site.Node.Rules.Where(r => value.AlsoViolates.Contains(r.Rule)).Select(r => r.ExpectedMessage));

    private static IEnumerable<string> Sorted(IEnumerable<string> texts) => texts.OrderBy(t => t, StringComparer.Ordinal);

    private static DocumentNode? Walk(DocumentNode node, string path)
    {
        foreach (var part in path.Replace("[", ".[", StringComparison.Ordinal).Split('.'))
        {
            node = part.StartsWith('[')
                ? ((DocumentList)node)[int.Parse(part.Trim('[', ']'), System.Globalization.CultureInfo.InvariantCulture)]
                : ((DocumentMap)node)[part]!;
        }

        return node;
    }
}

/// <summary>A rule site as a theory argument: serialized as its id, so each site is its own test case, named by it in full.</summary>
public sealed class CelRuleSiteCase : IXunitSerializable
{
    private string _id = string.Empty;

    [Obsolete("For the xunit deserializer only.")]
    public CelRuleSiteCase()
    {
    }

    public CelRuleSiteCase(string id) => _id = id;

    internal CelRuleSite Site => CelRuleSites.ById(_id);

    public void Deserialize(IXunitSerializationInfo info) => _id = info.GetValue<string>("id");

    public void Serialize(IXunitSerializationInfo info) => info.AddValue("id", _id);

    public override string ToString() => _id;
}

using System.Linq;
using MeshDsl.Documents;
using MeshDsl.Generator.Parse;
using MeshDsl.Validation.Cel;
using Xunit;

namespace MeshDsl.Validation.Tests;

/// <summary>The CEL evaluator's semantics, one rule at a time, with <c>self</c> read from YAML.</summary>
public sealed class CelEngineTests
{
    public static TheoryData<string, string, bool> Verdicts => new()
    {
        // rule, self (YAML), holds
        // has() is presence: an empty value is present (Kubernetes' semantics); a missing key is not.
        { "has(self.a)", "{a: ''}", true },
        { "has(self.a)", "{a: []}", true },
        { "has(self.a)", "{a: {}}", true },
        { "has(self.a)", "{b: 1}", false },
        { "has(self.a.b)", "{a: {b: 1}}", true },
        { "has(self.wasm) != has(self.lua)", "{wasm: {}}", true },
        { "has(self.wasm) != has(self.lua)", "{wasm: {}, lua: {}}", false },
        // && and || absorb errors from either side; a missing field is an error.
        { "self.missing == 1 || true", "{}", true },
        { "true || self.missing == 1", "{}", true },
        { "self.missing == 1 && false", "{}", false },
        { "self.missing == 1 || false", "{}", false },
        { "!(self.missing == 1 && false)", "{}", true },
        // Ternaries, arithmetic, relations, in.
        { "(has(self.a) ? 1 : 0) + (has(self.b) ? 1 : 0) <= 1", "{a: 1}", true },
        { "(has(self.a) ? 1 : 0) + (has(self.b) ? 1 : 0) <= 1", "{a: 1, b: 2}", false },
        { "0 < self && self <= 65535", "65535", true },
        { "0 < self && self <= 65535", "0", false },
        { "0 < self && self <= 65535", "65536", false },
        { "self in ['', 'HTTP', 'HTTPS']", "HTTP", true },
        { "self in ['', 'HTTP', 'HTTPS']", "http", false },
        { "(has(self.r) ? self.r : 'NONE') in ['STATIC', 'NONE']", "{}", true },
        { "'a' in self", "{a: 1}", true },
        { "self.x + 'y' == 'xy'", "{x: x}", true },
        { "self.n * 2 - 1 == 5 && self.n / 2 == 1 && self.n % 2 == 1", "{n: 3}", true },
        { "1 == 1.0 && 1 != 'a'", "{}", true },
        // Comprehensions over lists and over map keys; all() is false if any element is false, even with errors elsewhere.
        { "self.all(k, k.size() != 0)", "{a: 1, bc: 2}", true },
        { "self.all(k, k.size() != 0)", "{'': 1}", false },
        { "self.all(x, x.n > 0)", "[{n: 1}, {m: 1}, {n: 0}]", false },
        { "self.all(x, x.n > 0)", "[{n: 1}, {m: 1}]", false },
        { "self.exists(x, x.n > 0)", "[{m: 1}, {n: 1}]", true },
        { "self.exists(x, x.n > 5)", "[{n: 1}]", false },
        { "self.all(l1, self.exists_one(l2, l1.number == l2.number))", "[{number: 80}, {number: 443}]", true },
        { "self.all(l1, self.exists_one(l2, l1.number == l2.number))", "[{number: 80}, {number: 80}]", false },
        { "self.all(key, 0 < int(key) && int(key) <= 65535)", "{'80': {}, '65535': {}}", true },
        { "self.all(key, 0 < int(key) && int(key) <= 65535)", "{'0': {}}", false },
        { "self.all(key, 0 < int(key) && int(key) <= 65535)", "{abc: {}}", false },
        { "self.all(key, 0 < int(key) && int(key) <= 65535)", "{' 80': {}}", false },
        { "[1, 2].exists(x, x == 2) && {}.size() == 0 && [].size() == 0", "{}", true },
        // Strings: code points, substring errors, regex anchors as RE2 reads them.
        { "self.size() == 2", "é😀", true },
        { "size(self) == 3", "abc", true },
        { "self.substring(1, 2) == '😀'", "é😀x", true },
        { "self.startsWith('unix://') ? (self.substring(7, 8) == '/' || self.substring(7, 8) == '@') : true", "unix:///s", true },
        { "self.startsWith('unix://') ? (self.substring(7, 8) == '/' || self.substring(7, 8) == '@') : true", "unix://@abstract", true },
        { "self.startsWith('unix://') ? (self.substring(7, 8) == '/' || self.substring(7, 8) == '@') : true", "unix://relative", false },
        { "self.startsWith('unix://') ? (self.substring(7, 8) == '/' || self.substring(7, 8) == '@') : true", "unix://", false },
        { "self.startsWith('unix://') ? !self.endsWith('/') : true", "unix:///dir/", false },
        { "!self.contains('*')", "a*b", false },
        { "self.matches('^[a-z]+$')", "abc", true },
        { "self.matches('^[a-z]+$')", "\"abc\\n\"", false },
        { "self.matches('b')", "abc", true },
        { "self == \"it's\" && 'a\\tb'.size() == 3 && r'a\\tb'.size() == 4", "it's", true },
        // duration() is Go's time.ParseDuration.
        { "duration(self) >= duration('1ms')", "1ms", true },
        { "duration(self) >= duration('1ms')", "1000us", true },
        { "duration(self) >= duration('1ms')", "1000µs", true },
        { "duration(self) >= duration('1ms')", "1h30m", true },
        { "duration(self) >= duration('1ms')", ".5s", true },
        { "duration(self) >= duration('1ms')", "999us", false },
        { "duration(self) >= duration('1ms')", "0.5ms", false },
        { "duration(self) >= duration('1ms')", "-1s", false },
        { "duration(self) >= duration('1ms')", "0", false },
        { "duration(self) >= duration('1ms')", "1d", false },
        { "duration(self) >= duration('1ms')", "10", false },
        { "duration(self) >= duration('1ms')", "bogus", false },
        { "duration(self) >= duration('1ms')", "''", false },
        // url()/isURL() are Go's url.ParseRequestURI.
        { "url(self).getScheme() in ['http', 'https']", "https://example.com/jwks", true },
        { "url(self).getScheme() in ['http', 'https']", "HTTP://example.com", true },
        { "url(self).getScheme() in ['http', 'https']", "ftp://example.com", false },
        { "url(self).getScheme() in ['http', 'https']", "example.com/jwks", false },
        { "url(self).getScheme() in ['http', 'https']", "https://exa mple.com", false },
        { "url(self).getScheme() in ['http', 'https']", "https://example.com:80a", false },
        { "isURL(self)", "oci://registry/image:1", true },
        { "isURL(self)", "/absolute/path", true },
        { "isURL(self)", "registry/x.wasm", false },
        { "isURL(self)", "https://h/%zz", false },
        { "isURL('http://' + self) && url('http://' + self).getScheme() == 'http'", "registry/x.wasm", true },
    };

    [Theory]
    [MemberData(nameof(Verdicts))]
    public void A_rule_holds_or_fails_as_kubernetes_decides(string rule, string self, bool holds)
    {
        var compiled = CelRule.Compile(new ValidationRule(rule, "violated"));

        Assert.Null(compiled.Unsupported);
        var message = compiled.Check(Read(self));
        Assert.True(holds == (message is null), message ?? "the rule held");
    }

    [Fact]
    public void An_evaluation_error_is_a_violation_reported_with_the_rules_message()
    {
        var rule = CelRule.Compile(new ValidationRule("((has(self.operation) ? self.operation : '') == 'UPSERT') ? (self.value != '') : true", "value must be set when operation is UPSERT"));

        var message = rule.Check(Read("{operation: UPSERT}"));

        Assert.Equal("value must be set when operation is UPSERT", message);
    }

    [Fact]
    public void A_rule_without_a_message_reports_the_rule_as_the_api_server_does()
    {
        var rule = CelRule.Compile(new ValidationRule("self.size() > 1", null));

        Assert.Equal("failed rule: self.size() > 1", rule.Check(Read("a")));
    }

    [Theory]
    [InlineData("self.a +", "unexpected end of rule")]
    [InlineData("self.a ? 1", "expected ':'")]
    [InlineData("'unterminated", "unterminated string")]
    [InlineData("self.a == 1 )", "unexpected ')'")]
    [InlineData("self.map(x, x + 1).size() > 0", "unsupported function '<target>.map'")]
    [InlineData("oldSelf == self", "undeclared reference to 'oldSelf'")]
    [InlineData("has(self)", "has() needs a field selection")]
    [InlineData("self.all(x)", "all() needs a variable and a predicate")]
    [InlineData("self.all(x, x > 0) && x > 0", "undeclared reference to 'x'")]
    public void A_rule_outside_the_subset_is_reported_unsupported_not_passed(string rule, string reason)
    {
        var compiled = CelRule.Compile(new ValidationRule(rule, null));

        Assert.Contains(reason, compiled.Unsupported);
    }

    [Fact]
    public void Deeply_nested_rules_are_refused_instead_of_overflowing_the_stack()
    {
        var rule = new string('(', 10_000) + "1" + new string(')', 10_000);

        Assert.Contains("nested too deeply", CelRule.Compile(new ValidationRule(rule, null)).Unsupported);
    }

    [Fact]
    public void A_rule_the_validator_cannot_evaluate_is_a_warning_at_its_node()
    {
        var catalog = new CrdCatalog();
        catalog.Add("crd.yaml", """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: widgets.example.com}
            spec:
              group: example.com
              names: {kind: Widget, plural: widgets}
              scope: Namespaced
              versions:
              - name: v1
                served: true
                storage: true
                schema:
                  openAPIV3Schema:
                    type: object
                    properties:
                      spec:
                        type: object
                        x-kubernetes-validations:
                        - rule: self.size == oldSelf.size
                        - rule: has(self.name)
                          message: name is required
                        properties:
                          name: {type: string}
            """);
        var document = YamlDocuments.Read("w.yaml", "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {}\n")[0].Root!;

        var findings = new DocumentValidator(catalog).Validate(document);

        Assert.Equal(
            new[] { ("MESH0213", FindingSeverity.Warning, "spec"), ("MESH0212", FindingSeverity.Error, "spec") },
            findings.Select(f => (f.Id, f.Severity, f.Path)));
        Assert.Equal(4, findings[1].At!.Line);
        Assert.Equal("name is required", findings[1].Message);
    }

    private static DocumentNode Read(string yaml) => YamlDocuments.Read("self.yaml", "self: " + yaml)[0].Root is DocumentMap map
        ? map["self"]!
        : throw new Xunit.Sdk.XunitException("unreadable test value");
}

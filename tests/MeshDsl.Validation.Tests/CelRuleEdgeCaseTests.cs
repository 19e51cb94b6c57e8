using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace MeshDsl.Validation.Tests;

/// <summary>
/// The corners of Kubernetes' CEL semantics the rule sites depend on, each through the validator on a YAML
/// document: <c>has()</c> on present-but-empty values, evaluation errors as violations, Go durations, Go URLs,
/// <c>exists_one</c>, map keys and <c>substring</c> out of range.
/// </summary>
public sealed class CelRuleEdgeCaseTests
{
    private const string Duration = "must be a valid duration greater than 1ms";
    private const string UdsAbsolute = "UDS must be an absolute path or abstract socket";
    private const string UdsDirectory = "UDS may not be a dir";

    private static readonly DocumentValidator Validator = new(CrdCatalog.Istio());

    // has(self.f) is true when f is present, even empty; false only when the key is missing.
    [Theory]
    [InlineData("extensions.istio.io/v1alpha1", "TrafficExtension", "wasm: {}", null)]
    [InlineData("extensions.istio.io/v1alpha1", "TrafficExtension", "lua: {inlineCode: x}", null)]
    [InlineData("extensions.istio.io/v1alpha1", "TrafficExtension", "selector: {matchLabels: {app: a}}", "exactly one of wasm or lua must be set")]
    [InlineData("networking.istio.io/v1", "WorkloadEntry", "address: ''", null)]
    [InlineData("networking.istio.io/v1", "WorkloadEntry", "network: ''", null)]
    [InlineData("networking.istio.io/v1", "WorkloadEntry", "labels: {app: a}", "Address is required")]
    [InlineData("networking.istio.io/v1", "WorkloadEntry", "address: unix:///var/run/app.sock\nports: {}", "UDS may not include ports")]
    [InlineData("networking.istio.io/v1", "ServiceEntry", "hosts: [a.example.com]\nendpoints: []", "NONE mode cannot set endpoints")]
    [InlineData("networking.istio.io/v1", "ServiceEntry", "hosts: [a.example.com]\nresolution: STATIC\nworkloadSelector: {}\nendpoints: []", "only one of WorkloadSelector or Endpoints can be set")]
    [InlineData("security.istio.io/v1", "AuthorizationPolicy", "selector: {}\ntargetRefs: []", "only one of targetRefs or selector can be set")]
    [InlineData("security.istio.io/v1", "AuthorizationPolicy", "rules:\n- from:\n  - source: {serviceAccounts: [], principals: [a]}", "Cannot set serviceAccounts with namespaces or principals")]
    [InlineData("security.istio.io/v1", "PeerAuthentication", "selector: {matchLabels: {}}\nportLevelMtls: {\"8080\": {mode: STRICT}}", "portLevelMtls requires selector")]
    [InlineData("security.istio.io/v1", "PeerAuthentication", "selector: {}\nportLevelMtls: {\"8080\": {mode: STRICT}}", "portLevelMtls requires selector")]
    [InlineData("security.istio.io/v1", "RequestAuthentication", "jwtRules:\n- {issuer: a, jwksUri: 'https://a/jwks', jwks: ''}", "only one of jwks or jwksUri can be set")]
    [InlineData("telemetry.istio.io/v1", "Telemetry", "metrics:\n- overrides:\n  - tagOverrides: {request_host: {operation: REMOVE, value: ''}}", "value must not be set when operation is REMOVE")]
    [InlineData("telemetry.istio.io/v1", "Telemetry", "metrics:\n- overrides:\n  - tagOverrides: {request_host: {operation: REMOVE}}", null)]
    public void Has_is_true_for_a_present_empty_value_and_false_for_a_missing_key(string apiVersion, string kind, string spec, string? message)
    {
        Assert.Equal(message is null ? [] : new[] { message }, CelMessages(apiVersion, kind, spec));
    }

    [Fact]
    public void Both_wasm_and_lua_break_the_rule_and_the_schemas_at_most_one_of()
    {
        var findings = Validate("extensions.istio.io/v1alpha1", "TrafficExtension", "wasm: {url: 'oci://r/p:1'}\nlua: {inlineCode: x}");

        Assert.Equal(new[] { "exactly one of wasm or lua must be set" }, findings.Where(f => f.Id == ValidationIds.CelRule).Select(f => f.Message));
        Assert.Contains(findings, f => f.Id == ValidationIds.OneOf);
    }

    // An evaluation error is a violation: a missing field read directly, a string that is not a number.
    [Theory]
    [InlineData("telemetry.istio.io/v1", "Telemetry", "metrics:\n- overrides:\n  - tagOverrides: {request_host: {operation: UPSERT}}", "value must be set when operation is UPSERT")]
    [InlineData("security.istio.io/v1", "PeerAuthentication", "selector: {matchLabels: {app: a}}\nportLevelMtls: {abc: {mode: STRICT}}", "port must be between 1-65535")]
    [InlineData("networking.istio.io/v1", "VirtualService", "hosts: [a]\nhttp:\n- route: [{destination: {host: a}}]\n  timeout: soon", Duration)]
    public void An_evaluation_error_is_a_violation_with_the_rules_message(string apiVersion, string kind, string spec, string message)
    {
        Assert.Equal(new[] { message }, CelMessages(apiVersion, kind, spec));
    }

    // Go's time.ParseDuration: units ns, us, µs, ms, s, m, h; no days; a sign allowed; "0" alone. (1.5ms passes the
    // rule; Istio's webhook rejects it for its sub-millisecond precision, which is not this rule's business.)
    [Theory]
    [InlineData("1ms", true)]
    [InlineData("999us", false)]
    [InlineData("1000us", true)]
    [InlineData("1000µs", true)]
    [InlineData("0.5ms", false)]
    [InlineData("1.5ms", true)]
    [InlineData(".001s", true)]
    [InlineData("1h30m", true)]
    [InlineData("1h30m0.5s", true)]
    [InlineData("-1s", false)]
    [InlineData("+1s", true)]
    [InlineData("0", false)]
    [InlineData("0s", false)]
    [InlineData("bogus", false)]
    [InlineData("1d", false)]
    [InlineData("1", false)]
    [InlineData("1MS", false)]
    [InlineData("1 s", false)]
    [InlineData("", false)]
    public void Durations_must_be_Go_durations_of_at_least_1ms(string timeout, bool valid)
    {
        var messages = CelMessages("networking.istio.io/v1", "VirtualService", $"hosts: [a]\nhttp:\n- route: [{{destination: {{host: a}}}}]\n  timeout: \"{timeout}\"");

        Assert.Equal(valid ? [] : new[] { Duration }, messages);
    }

    // Go's url.ParseRequestURI: a scheme (lower-cased) and an absolute path or authority; a bare
    // reference is tried again behind http:// by the Wasm rules only. A registry with a port reads as the
    // scheme "reg.example.com" with an opaque rest, so it is a URL, of a scheme none of the rules allow.
    [Theory]
    [InlineData("https://x", true, true, true)]
    [InlineData("http://x/p.wasm", true, true, true)]
    [InlineData("HTTPS://x", true, true, true)]
    [InlineData("ftp://x", false, false, false)]
    [InlineData("oci://reg/x:1", true, true, false)]
    [InlineData("file:///opt/p.wasm", true, true, false)]
    [InlineData("reg/x.wasm", true, true, false)]
    [InlineData("reg.example.com:5000/x.wasm", false, false, false)]
    public void Urls_follow_Gos_request_uri_parser(string url, bool wasmPlugin, bool trafficExtension, bool jwksUri)
    {
        const string Wasm = "url must have schema one of [http, https, file, oci]";
        const string Jwks = "url must have scheme http:// or https://";

        Assert.Equal(wasmPlugin ? [] : new[] { Wasm }, CelMessages("extensions.istio.io/v1alpha1", "WasmPlugin", $"url: \"{url}\""));
        Assert.Equal(trafficExtension ? [] : new[] { Wasm }, CelMessages("extensions.istio.io/v1alpha1", "TrafficExtension", $"wasm: {{url: \"{url}\"}}"));
        Assert.Equal(jwksUri ? [] : new[] { Jwks }, CelMessages("security.istio.io/v1", "RequestAuthentication", $"jwtRules:\n- {{issuer: a, jwksUri: \"{url}\"}}"));
    }

    // exists_one: each number exactly once; one finding for the list however many duplicates.
    [Theory]
    [InlineData("[{number: 80, name: a}]", false)]
    [InlineData("[{number: 80, name: a}, {number: 443, name: b}]", false)]
    [InlineData("[{number: 80, name: a}, {number: 80, name: b}]", true)]
    [InlineData("[{number: 80, name: a}, {number: 443, name: b}, {number: 80, name: c}]", true)]
    [InlineData("[{number: 80, name: a}, {number: 80, name: b}, {number: 80, name: c}]", true)]
    public void Port_numbers_must_be_unique(string ports, bool duplicated)
    {
        var findings = Validate("networking.istio.io/v1", "ServiceEntry", $"hosts: [a.example.com]\nports: {ports}").Where(f => f.Id == ValidationIds.CelRule).ToList();

        Assert.Equal(duplicated ? new[] { ("spec.ports", "port number cannot be duplicated") } : [], findings.Select(f => (f.Path, f.Message)));
    }

    // Map keys: matchLabels keys (no '*', not empty), port names (DNS-label-like, under 63), port numbers (int(key)).
    [Theory]
    [InlineData("", "key must not be empty", "port name must be valid", "port must be between 1-65535")]
    [InlineData("a*", "wildcard not allowed in label key match", "port name must be valid", "port must be between 1-65535")]
    [InlineData("-bad", null, "port name must be valid", "port must be between 1-65535")]
    [InlineData("0", null, null, "port must be between 1-65535")]
    [InlineData("65536", null, null, "port must be between 1-65535")]
    [InlineData("65535", null, null, null)]
    [InlineData("080", null, null, null)]
    [InlineData("+80", null, "port name must be valid", null)]
    [InlineData(" 80", null, "port name must be valid", "port must be between 1-65535")]
    [InlineData("http-2", null, null, "port must be between 1-65535")]
    [InlineData("http-", null, "port name must be valid", "port must be between 1-65535")]
    [InlineData("pppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppp", null, null, "port must be between 1-65535")]
    [InlineData("ppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppp", null, "port name must be valid", "port must be between 1-65535")]
    public void Map_keys_are_checked_by_each_map_rule(string key, string? label, string? portName, string? portNumber)
    {
        var quoted = $"\"{key}\"";

        Assert.Equal(label is null ? [] : new[] { label }, CelMessages("security.istio.io/v1", "AuthorizationPolicy", $"selector: {{matchLabels: {{{quoted}: a}}}}"));
        Assert.Equal(portName is null ? [] : new[] { portName }, CelMessages("networking.istio.io/v1", "WorkloadEntry", $"address: 10.0.0.1\nports: {{{quoted}: 8080}}"));
        Assert.Equal(portNumber is null ? [] : new[] { portNumber }, CelMessages("security.istio.io/v1", "PeerAuthentication", $"selector: {{matchLabels: {{app: a}}}}\nportLevelMtls: {{{quoted}: {{mode: STRICT}}}}"));
    }

    // substring(7, 8) past the end of "unix://" is an error, so a violation; the directory rule is separate.
    [Theory]
    [InlineData("unix:///s", null, null)]
    [InlineData("unix://@abs", null, null)]
    [InlineData("unix://rel", UdsAbsolute, null)]
    [InlineData("unix://", UdsAbsolute, UdsDirectory)]
    [InlineData("unix:///dir/", null, UdsDirectory)]
    [InlineData("unix:///", null, UdsDirectory)]
    [InlineData("UNIX://rel", null, null)]
    [InlineData("unix:/rel", null, null)]
    [InlineData("10.0.0.1", null, null)]
    public void Unix_socket_addresses_are_absolute_or_abstract_and_not_directories(string address, string? absolute, string? directory)
    {
        var expected = new[] { absolute, directory }.OfType<string>().OrderBy(m => m, System.StringComparer.Ordinal);

        var messages = CelMessages("networking.istio.io/v1", "ServiceEntry", $"hosts: [a.example.com]\nresolution: STATIC\nendpoints:\n- address: \"{address}\"");

        Assert.Equal(expected, messages.OrderBy(m => m, System.StringComparer.Ordinal));
    }

    // A rule runs only on a value of its schema's type; the wrong type is the schema's finding alone.
    [Theory]
    [InlineData("networking.istio.io/v1", "VirtualService", "hosts: [a]\nhttp:\n- route: [{destination: {host: a}}]\n  timeout: 10", "spec.http[0].timeout")]
    [InlineData("networking.istio.io/v1", "VirtualService", "hosts: [a]\nhttp:\n- route: [{destination: {host: a}}]\n  timeout: null", "spec.http[0].timeout")]
    [InlineData("networking.istio.io/v1", "WorkloadEntry", "address: 10.0.0.1\nports: {http: \"80\"}", "spec.ports.http")]
    [InlineData("security.istio.io/v1", "AuthorizationPolicy", "selector: {matchLabels: [a*]}", "spec.selector.matchLabels")]
    [InlineData("networking.istio.io/v1", "ServiceEntry", "hosts: [a.example.com]\nports: {number: 80}", "spec.ports")]
    public void A_value_of_the_wrong_type_is_not_evaluated(string apiVersion, string kind, string spec, string path)
    {
        var findings = Validate(apiVersion, kind, spec);

        Assert.DoesNotContain(findings, f => f.Id == ValidationIds.CelRule);
        Assert.Contains(findings, f => (f.Id, f.Path) == (ValidationIds.WrongType, path));
    }

    [Fact]
    public void A_finding_is_located_at_the_node_that_carries_the_rule()
    {
        var findings = Validate("networking.istio.io/v1", "ServiceEntry", "hosts: [a.example.com]\nports:\n- {number: 80, name: a}\n- {number: 80, name: b}");

        var finding = Assert.Single(findings, f => f.Id == ValidationIds.CelRule);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal(("test.yaml", 8, 3), (finding.At!.File, finding.At.Line, finding.At.Column));
    }

    private static IReadOnlyList<string> CelMessages(string apiVersion, string kind, string spec) =>
        Validate(apiVersion, kind, spec).Where(f => f.Id == ValidationIds.CelRule).Select(f => f.Message).ToList();

    private static IReadOnlyList<ValidationFinding> Validate(string apiVersion, string kind, string spec)
    {
        var indented = string.Join("\n", spec.Split('\n').Select(l => "  " + l));
        var yaml = $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: test\n  namespace: default\nspec:\n{indented}\n";
        return Validator.Validate(Assert.Single(YamlDocuments.Read("test.yaml", yaml)).Root!);
    }
}

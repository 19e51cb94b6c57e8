using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using MeshDsl.Cli;
using Xunit;

namespace MeshDsl.Validation.Tests;

/// <summary>`meshdsl analyze`: the rules over YAML inputs, the three output formats, --mesh-config and exit codes.</summary>
public sealed class AnalyzeCommandTests
{
    // MESH1001 (warning) at spec.http[0], which starts at line 9, column 5. Other rules may add findings; the
    // tests look for the one they are about, so rules added later do not break them.
    private const string RouteWithoutTimeout = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
          namespace: default
        spec:
          hosts: [reviews]
          http:
          - route:
            - destination: {host: reviews}

        """;

    // The route's target, so that the route's host is declared.
    private const string ReviewsService = """
        apiVersion: v1
        kind: Service
        metadata: {name: reviews, namespace: default}
        spec:
          selector: {app: reviews}
          ports: [{name: http, port: 9080}]

        """;

    private const string TimeoutMessage = "spec.http[0] forwards traffic without a timeout; set one (for example timeout: 10s) so a slow upstream cannot hold callers indefinitely";

    // MESH1020 and MESH1021 (info): no outlier detection, no connection-pool limits.
    private const string BareDestinationRule = """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: reviews, namespace: default}
        spec:
          host: reviews

        """;

    private const string CoreObjects = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: default}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: reviews-v1, namespace: default}
        spec:
          selector: {matchLabels: {app: reviews}}
          template:
            metadata: {labels: {app: reviews}}
            spec: {containers: [{name: reviews, image: reviews:1}]}

        """;

    // No rule looks at ConfigMaps.
    private const string NoMeshResource = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: default}\ndata: {level: debug}\n";

    // Mesh-wide PERMISSIVE policies (MESH1040) in istio-system and in mesh-root: only the root namespace's is reported.
    private const string PermissivePolicies = """
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: {name: default, namespace: istio-system}
        spec:
          mtls: {mode: PERMISSIVE}
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: {name: default, namespace: mesh-root}
        spec:
          mtls: {mode: PERMISSIVE}

        """;

    private static readonly string ExpectedCorpusReport = Path.Combine(Paths.RepositoryRoot, "tests", "MeshDsl.Validation.Tests", "Expected", "corpus-analyze.txt");

    [Fact]
    public void Text_output_is_one_located_line_per_finding_then_a_summary()
    {
        using var files = new TemporaryFiles();
        var file = files.Write("reviews.yaml", RouteWithoutTimeout + "---\n" + ReviewsService);

        var (code, output, _) = Analyze(file);

        Assert.Equal(1, code);
        var lines = Lines(output);
        Assert.Contains($"{file}:9:5: warning MESH1001 VirtualService default/reviews spec.http[0]: {TimeoutMessage}", lines);
        var summary = Assert.Single(lines, l => l.StartsWith("meshdsl:", StringComparison.Ordinal));
        Assert.Equal(summary, lines[^1]);
        var findings = lines[..^1];
        Assert.All(findings, l => Assert.StartsWith(file + ":", l));
        int Count(string severity) => findings.Count(l => l.Contains($": {severity} MESH", StringComparison.Ordinal));
        Assert.Equal($"meshdsl: 2 resources, {Count("error")} errors, {Count("warning")} warnings, {Count("info")} info", summary);
    }

    [Fact]
    public void Core_objects_in_the_same_file_are_analyzed_resources()
    {
        using var files = new TemporaryFiles();
        var file = files.Write("mesh.yaml", CoreObjects + "---\n" + ReviewsService + "---\n" + RouteWithoutTimeout);

        var (_, output, _) = Analyze(file);

        Assert.StartsWith("meshdsl: 4 resources, ", Lines(output).Last());
        Assert.Contains($"{file}:29:5: warning MESH1001 VirtualService default/reviews spec.http[0]: {TimeoutMessage}", Lines(output));
    }

    [Fact]
    public void Json_output_is_an_array_of_findings_with_resource_location_and_help()
    {
        using var files = new TemporaryFiles();
        var file = files.Write("reviews.yaml", RouteWithoutTimeout + "---\n" + ReviewsService);

        var (code, output, error) = Analyze(file, "--output", "json");

        Assert.Equal(1, code);
        Assert.StartsWith("meshdsl: 2 resources, ", error);
        using var json = JsonDocument.Parse(output);
        Assert.All(json.RootElement.EnumerateArray(), f => Assert.Contains(f.GetProperty("severity").GetString(), new[] { "error", "warning", "info" }));
        var finding = Assert.Single(json.RootElement.EnumerateArray(), f => f.GetProperty("id").GetString() == "MESH1001");
        AssertCodeIsInTheMessage(finding);
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        var resource = finding.GetProperty("resource");
        Assert.Equal(("VirtualService", "default", "reviews"), (resource.GetProperty("kind").GetString(), resource.GetProperty("namespace").GetString(), resource.GetProperty("name").GetString()));
        Assert.Equal("spec.http[0]", finding.GetProperty("path").GetString());
        Assert.Equal(TimeoutMessage, finding.GetProperty("message").GetString());
        Assert.Equal((file, 9, 5), (finding.GetProperty("file").GetString(), finding.GetProperty("line").GetInt32(), finding.GetProperty("column").GetInt32()));
        Assert.EndsWith("/MESH1001.md", finding.GetProperty("helpUri").GetString());
    }

    [Fact]
    public void Sarif_output_has_the_required_properties_rules_and_a_located_result()
    {
        using var files = new TemporaryFiles();
        var file = files.Write("reviews.yaml", RouteWithoutTimeout + "---\n" + BareDestinationRule + "---\n" + ReviewsService);

        var (code, output, _) = Analyze(file, "--output", "sarif");

        Assert.Equal(1, code);
        using var sarif = JsonDocument.Parse(output);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var run = Assert.Single(sarif.RootElement.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("meshdsl", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        var ruleIds = rules.Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(ruleIds.Distinct().Count(), ruleIds.Count);
        Assert.All(rules, rule =>
        {
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("fullDescription").GetProperty("text").GetString()));
            Assert.True(Uri.IsWellFormedUriString(rule.GetProperty("helpUri").GetString(), UriKind.Absolute));
            Assert.Contains(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), new[] { "error", "warning", "note" });
        });

        var results = run.GetProperty("results").EnumerateArray().ToList();
        var levels = results.Select(r => (r.GetProperty("ruleId").GetString(), r.GetProperty("level").GetString())).ToList();
        Assert.Contains(("MESH1001", "warning"), levels);
        Assert.Contains(("MESH1020", "note"), levels);
        Assert.Contains(("MESH1021", "note"), levels);
        Assert.All(results, result =>
        {
            var ruleId = result.GetProperty("ruleId").GetString();
            Assert.Equal(ruleId, ruleIds[result.GetProperty("ruleIndex").GetInt32()]);
            Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
            var rule = rules.Single(r => r.GetProperty("id").GetString() == ruleId);
            Assert.Equal(
                rule.GetProperty("properties").TryGetProperty("code", out var ruleCode) ? ruleCode.GetString() : null,
                result.GetProperty("properties").TryGetProperty("code", out var resultCode) ? resultCode.GetString() : null);
        });

        var timeout = results.Single(r => r.GetProperty("ruleId").GetString() == "MESH1001");
        Assert.Equal($"VirtualService default/reviews spec.http[0]: {TimeoutMessage}", timeout.GetProperty("message").GetProperty("text").GetString());
        var location = Assert.Single(timeout.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
        Assert.Equal(new Uri(file).AbsoluteUri, location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal((9, 5), (location.GetProperty("region").GetProperty("startLine").GetInt32(), location.GetProperty("region").GetProperty("startColumn").GetInt32()));
        var resource = timeout.GetProperty("properties").GetProperty("resource");
        Assert.Equal(("VirtualService", "default", "reviews"), (resource.GetProperty("kind").GetString(), resource.GetProperty("namespace").GetString(), resource.GetProperty("name").GetString()));
    }

    // No rule has an error-severity finding on these inputs, so the error threshold passes them.
    [Theory]
    [InlineData(RouteWithoutTimeout, null, 1)]
    [InlineData(RouteWithoutTimeout, "warning", 1)]
    [InlineData(RouteWithoutTimeout, "error", 0)]
    [InlineData(RouteWithoutTimeout, "none", 0)]
    [InlineData(RouteWithoutTimeout, "info", 1)]
    [InlineData(BareDestinationRule, "info", 1)]
    [InlineData(BareDestinationRule, "error", 0)]
    [InlineData(BareDestinationRule, "none", 0)]
    [InlineData(NoMeshResource, "info", 0)]
    public void The_exit_code_follows_the_failure_threshold(string yaml, string? threshold, int expected)
    {
        using var files = new TemporaryFiles();
        var file = files.Write("mesh.yaml", yaml + "---\n" + ReviewsService);

        var (code, _, _) = threshold is null ? Analyze(file) : Analyze(file, "--failure-threshold", threshold);

        Assert.Equal(expected, code);
    }

    [Fact]
    public void Without_mesh_config_the_root_namespace_is_istio_system()
    {
        using var files = new TemporaryFiles();
        var file = files.Write("peers.yaml", PermissivePolicies);

        var (_, output, _) = Analyze(file);

        Assert.Equal(new[] { "PeerAuthentication istio-system/default" }, MeshWideFindings(output));
    }

    [Theory]
    [InlineData("rootNamespace: mesh-root\ntrustDomain: cluster.local\n")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: istio, namespace: istio-system}\ndata:\n  mesh: |-\n    defaultConfig:\n      discoveryAddress: istiod.istio-system.svc:15012\n    rootNamespace: mesh-root\n  meshNetworks: 'networks: {}'\n")]
    public void Mesh_config_sets_the_root_namespace(string meshConfig)
    {
        using var files = new TemporaryFiles();
        var file = files.Write("peers.yaml", PermissivePolicies);
        var config = files.Write("mesh-config.yaml", meshConfig);

        var (code, output, _) = Analyze(file, "--mesh-config", config);

        Assert.Equal(1, code);
        Assert.Equal(new[] { "PeerAuthentication mesh-root/default" }, MeshWideFindings(output));
        Assert.Contains($"{file}:11:10: warning MESH1040 PeerAuthentication mesh-root/default spec.mtls.mode:", output);
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: Service\nmetadata: {name: a}\n")]
    [InlineData("rootNamespace: [mesh-root]\n")]
    [InlineData("rootNamespace: [mesh-root\n")]
    public void A_mesh_config_without_a_usable_mesh_config_is_a_usage_error(string meshConfig)
    {
        using var files = new TemporaryFiles();
        var file = files.Write("peers.yaml", PermissivePolicies);
        var config = files.Write("mesh-config.yaml", meshConfig);

        var (code, _, error) = Analyze(file, "--mesh-config", config);

        Assert.Equal(2, code);
        Assert.Contains("--mesh-config", error);
    }

    [Fact]
    public void Standard_input_is_read_with_a_dash()
    {
        var output = new StringWriter();
        var code = CommandLine.Run(new[] { "analyze", "-" }, new StringReader(RouteWithoutTimeout + "---\n" + ReviewsService), output, new StringWriter());

        Assert.Equal(1, code);
        Assert.Contains($"<stdin>:9:5: warning MESH1001 VirtualService default/reviews spec.http[0]: {TimeoutMessage}", Lines(output.ToString()));
        Assert.StartsWith("meshdsl: 2 resources, ", Lines(output.ToString()).Last());
    }

    [Fact]
    public void Unreadable_yaml_is_reported_like_validate_does_and_exits_two()
    {
        using var files = new TemporaryFiles();
        var broken = files.Write("broken.yaml", "apiVersion: v1\nkind: [oops\n");
        var good = files.Write("reviews.yaml", RouteWithoutTimeout);

        var (code, output, error) = Analyze(broken, good);

        Assert.Equal(2, code);
        Assert.Contains($"{broken}:3:1: error MESH0210 (document): not valid YAML", error);
        Assert.StartsWith("meshdsl: 1 resources, ", Lines(output).Last());
        Assert.Contains($"{good}:9:5: warning MESH1001 VirtualService default/reviews spec.http[0]: {TimeoutMessage}", Lines(output));
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("analyze", "/no/such/file.yaml")]
    [InlineData("analyze", "x.yaml", "--output", "xml")]
    [InlineData("analyze", "x.yaml", "--failure-threshold", "fatal")]
    [InlineData("analyze", "x.yaml", "--strict")]
    [InlineData("analyze", "x.yaml", "--mesh-config")]
    [InlineData("validate", "x.yaml", "--failure-threshold", "none")]
    public void Usage_errors_and_missing_inputs_exit_two(params string[] args)
    {
        Assert.Equal(2, CommandLine.Run(args, new StringReader(string.Empty), new StringWriter(), new StringWriter()));
    }

    [Fact]
    public void Help_describes_analyze_and_the_mesh_config_fields_it_reads()
    {
        var general = new StringWriter();
        var analyze = new StringWriter();

        Assert.Equal(0, CommandLine.Run(new[] { "--help" }, general, new StringWriter()));
        Assert.Equal(0, CommandLine.Run(new[] { "analyze", "--help" }, analyze, new StringWriter()));
        Assert.Contains("meshdsl analyze <files|folders|->", general.ToString());
        Assert.Contains("--failure-threshold error|warning|info|none", general.ToString());
        Assert.Contains("data.mesh", analyze.ToString());
        Assert.Contains("rootNamespace (default istio-system)", analyze.ToString());
    }

    /// <summary>
    /// The findings of every rule on Istio's 324 resources, as "id file path" lines, against
    /// Expected/corpus-analyze.txt. Set MESHDSL_UPDATE_BASELINES=1 to rewrite it after a rule changes, then review the diff.
    /// </summary>
    [Fact]
    public void The_corpus_report_matches_the_expected_report()
    {
        var corpus = Paths.Shared("istio", "corpus");
        var (code, output, error) = Analyze(corpus, "--output", "json", "--failure-threshold", "none");

        Assert.Equal(0, code);
        Assert.StartsWith("meshdsl: 324 resources,", error);
        using var json = JsonDocument.Parse(output);
        Assert.All(json.RootElement.EnumerateArray(), AssertCodeIsInTheMessage);
        var lines = json.RootElement.EnumerateArray()
            .Select(f => $"{f.GetProperty("id").GetString()} {Path.GetRelativePath(corpus, f.GetProperty("file").GetString()!).Replace('\\', '/')} {f.GetProperty("path").GetString()}")
            .OrderBy(line => line, StringComparer.Ordinal);
        var actual = string.Concat(lines.Select(line => line + "\n"));
        if (Environment.GetEnvironmentVariable("MESHDSL_UPDATE_BASELINES") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(ExpectedCorpusReport)!);
            File.WriteAllText(ExpectedCorpusReport, actual);
        }

        Assert.True(File.Exists(ExpectedCorpusReport), "No expected corpus report; run the tests with MESHDSL_UPDATE_BASELINES=1 and review the new file.");
        Assert.Equal(File.ReadAllText(ExpectedCorpusReport).ReplaceLineEndings("\n"), actual);
    }

    // code is null, or the rule's IST/KIA code(s), which the message ends with as every host prints it.
    private static void AssertCodeIsInTheMessage(JsonElement finding)
    {
        if (finding.GetProperty("code").GetString() is { } code)
        {
            Assert.Matches(@"^(IST|KIA)[0-9]{4}(/(IST|KIA)[0-9]{4})*$", code);
            Assert.EndsWith($" ({code})", finding.GetProperty("message").GetString());
        }
        else
        {
            Assert.Equal(JsonValueKind.Null, finding.GetProperty("code").ValueKind);
        }
    }

    private static (int Code, string Output, string Error) Analyze(params string[] arguments)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = CommandLine.Run(new[] { "analyze" }.Concat(arguments).ToArray(), new StringReader(string.Empty), output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // The resources MESH1040 (mesh-wide mTLS not STRICT) names, from text output.
    private static List<string> MeshWideFindings(string output) =>
        Lines(output).Where(l => l.Contains(" MESH1040 ", StringComparison.Ordinal))
            .Select(l => l.Split(" MESH1040 ")[1].Split(" spec.")[0])
            .ToList();

    /// <summary>A temporary folder of input files, deleted afterwards.</summary>
    private sealed class TemporaryFiles : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("meshdsl-analyze-").FullName;

        public string Write(string name, string text)
        {
            var path = Path.Combine(_folder, name);
            File.WriteAllText(path, text);
            return path;
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);
    }
}

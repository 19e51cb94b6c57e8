using System.IO;
using System.Linq;
using MeshDsl.Cli;
using MeshDsl.Testing;
using Xunit;

namespace MeshDsl.Validation.Tests;

/// <summary>`meshdsl validate`: output format and exit codes.</summary>
public sealed class ValidateCommandTests
{
    private const string Valid = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: a}\nspec:\n  hosts: [a]\n  tcp: [{route: [{destination: {host: a}}]}]\n";
    private const string Unknown = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: a}\nspec:\n  hosts: [a]\n  hostz: [b]\n  tcp: [{route: [{destination: {host: a}}]}]\n";

    [Fact]
    public void Clean_input_exits_zero()
    {
        var (code, output) = Run(Valid);

        Assert.Equal(0, code);
        Assert.Contains("1 documents, 0 errors, 0 warnings", output);
    }

    [Fact]
    public void Findings_are_printed_as_file_line_column_and_exit_one()
    {
        var (code, output) = Run(Valid + "---\n" + Valid.Replace("hosts: [a]", "hosts: a"));

        Assert.Equal(1, code);
        Assert.Contains(":12:3: error MESH0201 spec.hosts: expected a list, found the string 'a'", output);
    }

    [Fact]
    public void Unknown_fields_warn_unless_strict()
    {
        Assert.Equal(0, Run(Unknown).Code);
        var (code, output) = Run(Unknown, "--strict");

        Assert.Equal(1, code);
        Assert.Contains(":6:3: error MESH0202 spec.hostz: unknown field 'hostz'", output);
    }

    [Fact]
    public void Missing_input_and_bad_options_exit_two()
    {
        var error = new StringWriter();
        Assert.Equal(2, CommandLine.Run(new[] { "validate", "/no/such/file.yaml" }, new StringWriter(), error));
        Assert.Contains("does not exist", error.ToString());
        Assert.Equal(2, CommandLine.Run(new[] { "validate" }, new StringWriter(), new StringWriter()));
        Assert.Equal(2, CommandLine.Run(new[] { "validate", "x.yaml", "--bogus" }, new StringWriter(), new StringWriter()));
    }

    [Fact]
    public void Json_output_is_an_array_of_located_findings()
    {
        var (code, output) = Run(Unknown, "--strict", "--output", "json");

        Assert.Equal(1, code);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var finding = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("MESH0202", finding.GetProperty("id").GetString());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Equal("spec.hostz", finding.GetProperty("path").GetString());
        Assert.Equal(6, finding.GetProperty("line").GetInt32());
        Assert.Equal("VirtualService a", finding.GetProperty("resource").GetString());
    }

    [Fact]
    public void Sarif_output_carries_rule_level_and_region()
    {
        var (code, output) = Run(Unknown, "--output", "sarif");

        Assert.Equal(0, code);
        using var sarif = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var result = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Equal("MESH0202", result.GetProperty("ruleId").GetString());
        Assert.Equal("warning", result.GetProperty("level").GetString());
        var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal((6, 3), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32()));
        Assert.Contains("unknown field 'hostz'", result.GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public void Broken_yaml_is_a_located_finding()
    {
        var (code, output) = Run("apiVersion: v1\nkind: [oops\n");

        Assert.Equal(1, code);
        Assert.Contains("error MESH0210 (document): not valid YAML", output);
    }

    [Fact]
    public void No_embedded_crds_checks_against_the_crd_files_only_and_crd_repeats()
    {
        // Istio 1.24.0 requires tcp.idleTimeout >= 1ms, a CEL rule 1.30.3 (embedded) dropped; WebRoute's port is 1..65535.
        const string Pool = "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: r}\nspec:\n  host: r\n  trafficPolicy: {connectionPool: {tcp: {idleTimeout: 0s}}}\n";
        const string Route = "apiVersion: gateway.meshdsl.test/v1\nkind: WebRoute\nmetadata: {name: w}\nspec:\n  parentRefs: [{name: gw, port: 70000}]\n";
        var istio124 = RepositoryPaths.Shared("istio", "1.24.0", "crd-all.gen.yaml");
        var webRoutes = Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "crds", "gateway-lite.yaml");

        Assert.Equal(0, Run(Pool).Code);
        var (code, output) = Run(Pool + "---\n" + Route, "--no-embedded-crds", "--crd", istio124, "--crd", webRoutes);

        Assert.Equal(1, code);
        Assert.Contains(":6:42: error MESH0212 spec.trafficPolicy.connectionPool.tcp.idleTimeout: must be a valid duration greater than 1ms", output);
        Assert.Contains(":12:27: error MESH0205 spec.parentRefs[0].port: 70000 is outside 1..65535", output);
        Assert.Contains("2 documents, 2 errors", output);
    }

    [Fact]
    public void Without_embedded_crds_istio_documents_are_not_checked_against_1_30_3()
    {
        var (code, output) = Run(Unknown, "--strict", "--no-embedded-crds");

        Assert.Equal(0, code);
        Assert.Contains("1 documents, 0 errors, 0 warnings", output);
    }

    private static (int Code, string Output) Run(string yaml, params string[] options)
    {
        var file = Path.Combine(Path.GetTempPath(), $"meshdsl-validate-{System.Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, yaml);
        try
        {
            var output = new StringWriter();
            var code = CommandLine.Run(new[] { "validate", file }.Concat(options).ToArray(), output, new StringWriter());
            return (code, output.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }
}

using System.Linq;
using Xunit;

namespace MeshDsl.Validation.Tests;

/// <summary>
/// WasmPlugin and TrafficExtension (ISTIO-CHECKS.md §B.12): at Istio 1.30.3 the CRD schema already enforces every
/// Go-only check the catalogue lists (url required, sha256 pattern, length limits, unique env names, port range,
/// inline Lua size), so MeshDsl adds no webhook check for them; these tests pin that the schema reports each.
/// </summary>
public sealed class ExtensionCheckTests
{
    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        // kind, check, violating spec, passing spec, the schema's id
        { "WasmPlugin", "WP01", "pluginName: stats", "url: oci://example.com/stats:1.0", "MESH0203" },
        { "WasmPlugin", "WP02", "url: oci://example.com/stats:1.0\nsha256: ABC", $"url: oci://example.com/stats:1.0\nsha256: {new string('a', 64)}", "MESH0206" },
        { "WasmPlugin", "WP03", $"url: oci://example.com/stats:1.0\npluginName: {new string('p', 257)}", $"url: oci://example.com/stats:1.0\npluginName: {new string('p', 256)}", "MESH0206" },
        { "WasmPlugin", "WP04", "url: oci://example.com/stats:1.0\nvmConfig: {env: [{name: A, value: x}, {name: A, value: y}]}", "url: oci://example.com/stats:1.0\nvmConfig: {env: [{name: A, value: x}, {name: B, value: y}]}", "MESH0211" },
        { "WasmPlugin", "WP05", "url: oci://example.com/stats:1.0\nmatch: [{ports: [{number: 70000}]}]", "url: oci://example.com/stats:1.0\nmatch: [{ports: [{number: 8080}]}]", "MESH0205" },
        { "TrafficExtension", "TE01", "lua: {inlineCode: \"\"}", "lua: {inlineCode: \"function envoy_on_request(h) end\"}", "MESH0206" },
        { "TrafficExtension", "TE01", "wasm: {url: oci://example.com/stats:1.0, vmConfig: {env: [{name: A}, {name: A}]}}", "wasm: {url: oci://example.com/stats:1.0, vmConfig: {env: [{name: A}, {name: B}]}}", "MESH0211" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_schema_reports_the_violation_and_no_webhook_check_is_needed(string kind, string check, string violating, string passing, string schemaId)
    {
        var bad = SchemaCheckTests.ValidateAll("extensions.istio.io/v1alpha1", kind, violating);
        var good = SchemaCheckTests.ValidateAll("extensions.istio.io/v1alpha1", kind, passing);

        Assert.True(bad.Count == 1, $"{check}: expected one finding, got {string.Join("; ", bad)}");
        Assert.Equal(schemaId, bad.Single().Id);
        Assert.Empty(good);
    }
}

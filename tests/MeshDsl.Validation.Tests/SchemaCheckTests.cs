using System.Linq;
using Xunit;

namespace MeshDsl.Validation.Tests;

/// <summary>Each schema check, failing and passing, on Istio's real schemas; findings located at the YAML line and column.</summary>
public sealed class SchemaCheckTests
{
    private static readonly DocumentValidator Validator = new(CrdCatalog.Istio());

    public static TheoryData<string, string, string, string> Violations => new()
    {
        // id, path, message fragment, the spec (YAML, under "spec:")
        { "MESH0201", "spec.hosts", "expected a list", "hosts: reviews" },
        { "MESH0201", "spec.http[0].timeout", "expected a string, found integer 10", "http:\n  - timeout: 10" },
        { "MESH0202", "spec.http[0].timout", "unknown field 'timout'", "http:\n  - timout: 10s" },
        { "MESH0203", "spec.http[0].route[0].destination", "required field 'destination' is missing", "http:\n  - route:\n    - weight: 100" },
        { "MESH0205", "spec.http[0].route[0].weight", "outside -2147483648..2147483647", "http:\n  - route:\n    - destination: {host: a}\n      weight: 3000000000" },
        { "MESH0205", "spec.http[0].match[0].port", "outside 0..4294967295", "http:\n  - match:\n    - port: -1" },
        { "MESH0208", "spec.http[0].match[0].uri.prefix", "at most one of exact, prefix, regex", "http:\n  - match:\n    - uri: {exact: /a, prefix: /b}" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void A_violating_virtual_service_is_reported(string id, string path, string message, string spec)
    {
        var findings = Validate("networking.istio.io/v1", "VirtualService", spec);

        var finding = Assert.Single(findings);
        Assert.Equal((id, path), (finding.Id, finding.Path));
        Assert.Contains(message, finding.Message);
        Assert.Equal("test.yaml", finding.At!.File);
        Assert.True(finding.At.Line >= 6, $"line {finding.At.Line}");
    }

    [Fact]
    public void A_valid_virtual_service_passes()
    {
        Assert.Empty(Validate("networking.istio.io/v1", "VirtualService", "hosts: [reviews]\nhttp:\n  - match:\n    - uri: {prefix: /api}\n      port: 80\n    route:\n    - destination: {host: reviews, subset: v1, port: {number: 8080}}\n      weight: 100\n    timeout: 10s\n    retries: {attempts: 3, perTryTimeout: 2s}"));
    }

    [Fact]
    public void Enum_values_are_checked_exactly()
    {
        var bad = Validate("networking.istio.io/v1", "DestinationRule", "host: reviews\ntrafficPolicy:\n  loadBalancer:\n    simple: ROUND_ROBBIN");
        var good = Validate("networking.istio.io/v1", "DestinationRule", "host: reviews\ntrafficPolicy:\n  loadBalancer:\n    simple: ROUND_ROBIN");

        var finding = Assert.Single(bad);
        Assert.Equal(("MESH0204", "spec.trafficPolicy.loadBalancer.simple"), (finding.Id, finding.Path));
        Assert.Contains("'ROUND_ROBBIN' is not one of", finding.Message);
        Assert.Equal((10, 7), (finding.At!.Line, finding.At.Column));
        Assert.Empty(good);
    }

    [Fact]
    public void Map_type_lists_need_each_key_once()
    {
        const string Ports = "hosts: [api.example.com]\nresolution: DNS\nports:\n  - {number: 443, name: https, protocol: TLS}\n  - {number: 8443, name: {{second}}, protocol: TLS}";

        var duplicate = Validate("networking.istio.io/v1", "ServiceEntry", Ports.Replace("{{second}}", "https"));
        var distinct = Validate("networking.istio.io/v1", "ServiceEntry", Ports.Replace("{{second}}", "https-alt"));

        var finding = Assert.Single(duplicate, f => f.Id == "MESH0211");
        Assert.Equal("spec.ports[1]", finding.Path);
        Assert.Contains("name=https", finding.Message);
        Assert.Empty(distinct);
    }

    [Fact]
    public void Quoted_numbers_are_strings_and_plain_ones_integers()
    {
        var quoted = Validate("networking.istio.io/v1", "Gateway", "servers:\n  - port: {number: \"80\", name: http, protocol: HTTP}\n    hosts: [\"*\"]");
        var plain = Validate("networking.istio.io/v1", "Gateway", "servers:\n  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: [\"*\"]");

        Assert.Equal("MESH0201", Assert.Single(quoted).Id);
        Assert.Empty(plain);
    }

    [Fact]
    public void An_unserved_version_of_a_known_group_is_reported_and_core_objects_are_skipped()
    {
        var unknown = Validate("networking.istio.io/v2", "VirtualService", "hosts: [a]");
        var core = YamlDocuments.Read("svc.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {ports: [{port: 80}]}\n").Single();

        var finding = Assert.Single(unknown);
        Assert.Equal("MESH0209", finding.Id);
        Assert.Contains("served: networking.istio.io/v1", finding.Message);
        Assert.Empty(Validator.Validate(core.Root!));
    }

    [Fact]
    public void A_crd_given_at_run_time_validates_its_kind()
    {
        var catalog = CrdCatalog.Istio();
        catalog.Add("widgets.yaml", System.IO.File.ReadAllText(System.IO.Path.Combine(Paths.RepositoryRoot, "tests", "fixtures", "crds", "widgets.yaml")));
        var document = YamlDocuments.Read("w.yaml", "apiVersion: example.meshdsl.test/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  size: Small\n  title: 42\n").Single();

        var finding = Assert.Single(new DocumentValidator(catalog).Validate(document.Root!));
        Assert.Equal(("MESH0201", "spec.title"), (finding.Id, finding.Path));
    }

    // The schema's findings only; Istio's semantic checks have their own tests.
    private static System.Collections.Generic.IReadOnlyList<ValidationFinding> Validate(string apiVersion, string kind, string spec) =>
        ValidateAll(apiVersion, kind, spec).Where(f => string.CompareOrdinal(f.Id, "MESH0300") < 0).ToList();

    internal static System.Collections.Generic.IReadOnlyList<ValidationFinding> ValidateAll(string apiVersion, string kind, string spec)
    {
        var indented = string.Join("\n", spec.Split('\n').Select(l => "  " + l));
        var yaml = $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: test\n  namespace: default\nspec:\n{indented}\n";
        var document = Assert.Single(YamlDocuments.Read("test.yaml", yaml));
        return Validator.Validate(document.Root!);
    }
}

using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MeshDsl.Generator.Tests;

/// <summary>Istio's real CRD bundles through the generator: everything compiles, names match Istio's reference docs.</summary>
public sealed class IstioGenerationTests
{
    private static readonly string NamingTablePath = Path.Combine(GeneratorHarness.RepositoryRoot, "src", "MeshDsl.Istio", "istio-type-names.yaml");

    internal static GeneratorRun GenerateIstio(string version) => GeneratorHarness.Run(
        InMemoryAdditionalText.Crd(GeneratorHarness.SharedPath("istio", version, "crd-all.gen.yaml"), File.ReadAllText(GeneratorHarness.SharedPath("istio", version, "crd-all.gen.yaml")), "MeshDsl.Istio"),
        InMemoryAdditionalText.TypeNames(NamingTablePath, File.ReadAllText(NamingTablePath)));

    [Theory]
    [InlineData("1.30.3")]
    [InlineData("1.24.0")]
    public void Istio_bundle_generates_code_that_compiles_without_warnings(string version)
    {
        var run = GenerateIstio(version);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(run.CompileProblems);
        Assert.Contains(run.Sources, s => s.HintName == "MeshDsl.Istio.Networking.V1.VirtualService.g.cs");
    }

    [Fact]
    public void Every_served_version_of_the_15_kinds_gets_a_resource_class()
    {
        var run = GenerateIstio("1.30.3");
        var resources = run.Output.GetSymbolsWithName(_ => true, SymbolFilter.Type)
            .OfType<INamedTypeSymbol>()
            .Where(t => t.GetAttributes().Any(a => a.AttributeClass?.Name == "MeshResourceAttribute"))
            .Select(t => t.ToDisplayString())
            .ToList();

        Assert.Equal(15, resources.Select(r => r.Split('.').Last()).Distinct().Count());
        Assert.Contains("MeshDsl.Istio.Networking.V1Alpha3.VirtualService", resources);
        Assert.Contains("MeshDsl.Istio.Networking.V1Beta1.VirtualService", resources);
        Assert.Contains("MeshDsl.Istio.Telemetry.V1Alpha1.Telemetry", resources);
    }

    [Theory]
    [InlineData("HTTPRoute")]
    [InlineData("HTTPMatchRequest")]
    [InlineData("StringMatch")]
    [InlineData("Destination")]
    [InlineData("HTTPRouteDestination")]
    [InlineData("HTTPRetry")]
    [InlineData("TrafficPolicy")]
    [InlineData("ConnectionPoolSettings")]
    [InlineData("OutlierDetection")]
    [InlineData("Subset")]
    [InlineData("Server")]
    [InlineData("Port")]
    [InlineData("ServerTLSSettings")]
    public void Types_users_touch_most_carry_the_names_of_Istios_reference_docs(string name)
    {
        var run = GenerateIstio("1.30.3");

        Assert.NotNull(run.Output.GetTypeByMetadataName("MeshDsl.Istio.Networking." + name));
        Assert.NotNull(run.Output.GetTypeByMetadataName("MeshDsl.Istio.Networking." + name + "Builder"));
    }

    [Fact]
    public void Identical_versions_share_one_spec_type()
    {
        var run = GenerateIstio("1.30.3");
        var specs = new[] { "V1", "V1Beta1", "V1Alpha3" }
            .Select(v => run.Output.GetTypeByMetadataName($"MeshDsl.Istio.Networking.{v}.VirtualService")!.BaseType!.TypeArguments.Single().ToDisplayString())
            .Distinct()
            .ToList();

        Assert.Equal(new[] { "MeshDsl.Istio.Networking.VirtualServiceSpec" }, specs);
    }

    [Theory]
    [InlineData("MeshDsl.Istio.Networking.HTTPRoute", "mirrorPercent", "MirrorPercent")]
    [InlineData("MeshDsl.Istio.Networking.HTTPRoute", "mirror_percent", "Mirror_percent")]
    [InlineData("MeshDsl.Istio.Security.JWTRule", "jwksUri", "JwksUri")]
    [InlineData("MeshDsl.Istio.Security.JWTRule", "jwks_uri", "Jwks_uri")]
    public void Colliding_wire_names_both_stay_settable(string type, string wireName, string member)
    {
        var run = GenerateIstio("1.30.3");
        var property = run.Output.GetTypeByMetadataName(type)!.GetMembers(member).OfType<IPropertySymbol>().Single();

        Assert.Equal(wireName, property.GetAttributes().Single(a => a.AttributeClass!.Name == "MeshFieldAttribute").ConstructorArguments[0].Value);
        Assert.NotEmpty(run.Output.GetTypeByMetadataName(type + "Builder")!.GetMembers(member).OfType<IMethodSymbol>());
    }

    [Fact]
    public void At_most_one_of_groups_are_kept_as_metadata()
    {
        var run = GenerateIstio("1.30.3");
        var groups = run.Output.GetTypeByMetadataName("MeshDsl.Istio.Networking.StringMatch")!.GetAttributes()
            .Where(a => a.AttributeClass!.Name == "MeshOneOfAttribute")
            .Select(a => string.Join(",", a.ConstructorArguments[0].Values.Select(v => v.Value)))
            .ToList();

        Assert.Equal(new[] { "exact,prefix,regex" }, groups);
    }

    [Fact]
    public void Builder_members_carry_their_field_paths()
    {
        var run = GenerateIstio("1.30.3");
        var timeout = run.Output.GetTypeByMetadataName("MeshDsl.Istio.Networking.HTTPRouteBuilder")!.GetMembers("Timeout").OfType<IMethodSymbol>().Single();
        var field = timeout.GetAttributes().Single(a => a.AttributeClass!.Name == "MeshFieldAttribute");

        Assert.Equal("timeout", field.ConstructorArguments[0].Value);
        Assert.Contains("spec.http[].timeout", field.ConstructorArguments[1].Values.Select(v => (string?)v.Value));
    }
}

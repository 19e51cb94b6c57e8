using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MeshDsl.Generator.Tests;

/// <summary>Every generator diagnostic, located at the YAML line that causes it.</summary>
public sealed class DiagnosticTests
{
    private const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: things.test.meshdsl
        spec:
          group: test.meshdsl
          names: {kind: Thing, plural: things}
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
                    properties:
                      size: {type: integer, format: int32}
        """;

    public static TheoryData<string, string, int> Cases => new()
    {
        // id, file text, expected 1-based line
        { "MESH0001", "apiVersion: v1\nkind: [unclosed\n", 3 },
        { "MESH0002", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n", 1 },
        { "MESH0003", Crd.Replace("    schema:\n      openAPIV3Schema:\n        type: object\n        properties:\n          spec:\n            type: object\n            properties:\n              size: {type: integer, format: int32}", ""), 10 },
        { "MESH0004", Crd.Replace("size: {type: integer, format: int32}", "size:\n                        anyOf: [{type: integer}, {type: object, properties: {a: {type: string}}}]"), 21 },
        { "MESH0006", "a: &x [1, 2]\nb: *x\n", 2 },
        { "MESH0008", Crd.Replace("  group: test.meshdsl\n", ""), 5 },
        { "MESH0010", Crd.Replace("          spec:\n", "          other:\n"), 10 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Diagnostic_is_reported_at_its_yaml_line(string id, string text, int line)
    {
        var run = GeneratorHarness.Run(InMemoryAdditionalText.Crd("/crds/input.yaml", text));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == id);
        Assert.Equal("/crds/input.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(line, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "MESH0099");
    }

    [Fact]
    public void Documents_after_the_first_report_lines_of_the_whole_file()
    {
        var run = GeneratorHarness.Run(InMemoryAdditionalText.Crd("/crds/input.yaml", Crd + "\n---\n# a comment\nkind: ConfigMap\napiVersion: v1\n"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("MESH0002", diagnostic.Id);
        Assert.Equal(23, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains(run.Sources, s => s.HintName.EndsWith("V1.Thing.g.cs", System.StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_kind_twice_is_reported_and_generated_once()
    {
        var run = GeneratorHarness.Run(InMemoryAdditionalText.Crd("/crds/a.yaml", Crd), InMemoryAdditionalText.Crd("/crds/b.yaml", Crd));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("MESH0009", diagnostic.Id);
        Assert.Equal("/crds/b.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Empty(run.CompileProblems);
    }

    [Fact]
    public void A_naming_table_that_gives_two_different_objects_one_name_is_a_collision_resolved_by_renaming()
    {
        var twoObjects = Crd.Replace(
            "size: {type: integer, format: int32}",
            "a: {type: object, properties: {x: {type: string}}}\n              b: {type: object, properties: {y: {type: string}}}");
        var names = "- group: test.meshdsl\n  kind: Thing\n  names:\n    spec.a: Part\n    spec.b: Part\n";

        var run = GeneratorHarness.Run(InMemoryAdditionalText.Crd("/crds/input.yaml", twoObjects), InMemoryAdditionalText.TypeNames("/names.yaml", names));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("MESH0005", diagnostic.Id);
        Assert.Equal(21, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Empty(run.CompileProblems);
        Assert.NotNull(run.Output.GetTypeByMetadataName("MeshDsl.Crds.Test.Part2"));
    }

    [Fact]
    public void An_invalid_naming_table_is_reported_and_ignored()
    {
        var run = GeneratorHarness.Run(InMemoryAdditionalText.Crd("/crds/input.yaml", Crd), InMemoryAdditionalText.TypeNames("/names.yaml", "group: x\n"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("MESH0007", diagnostic.Id);
        Assert.Equal("/names.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.NotNull(run.Output.GetTypeByMetadataName("MeshDsl.Crds.Test.ThingSpec"));
    }
}

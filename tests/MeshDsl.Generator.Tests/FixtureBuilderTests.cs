using System.Linq;
using MeshDsl.Documents;
using MeshDsl.Fixtures.Delivery;
using MeshDsl.Fixtures.Example;
using Xunit;

namespace MeshDsl.Generator.Tests;

/// <summary>
/// The fixture CRDs are generated into this very project (MeshCrd items, warnings as errors), so it uses
/// non-Istio builders the way a user would, across kinds and versions with different schemas.
/// </summary>
public sealed class FixtureBuilderTests
{
    [Fact]
    public void Versions_with_different_schemas_get_their_own_builders()
    {
        var current = MeshDsl.Fixtures.Example.V1.Widget.Create("w", w => w.Title("Widget").Timeout("5s").Tags("a", "b").Size(WidgetSize.Small));
        var older = MeshDsl.Fixtures.Example.V1Alpha1.Widget.Create("w", w => w.DisplayName("Widget").Timeout(5));

        var currentSpec = Assert.IsType<DocumentMap>(current.ToDocument()["spec"]);
        var olderSpec = Assert.IsType<DocumentMap>(older.ToDocument()["spec"]);
        Assert.Equal(DocumentScalar.String("5s"), currentSpec["timeout"]);
        Assert.Equal(DocumentScalar.Integer(5), olderSpec["timeout"]);
        Assert.Equal("example.meshdsl.test/v1alpha1", older.ApiVersion);
        Assert.Equal(DocumentScalar.String("Small"), currentSpec["size"]);
    }

    [Fact]
    public void Identical_versions_share_their_spec_and_builder()
    {
        var alpha = MeshDsl.Fixtures.Example.V1Alpha1.Widget.Create("w", w => w.DisplayName("x"));
        var beta = MeshDsl.Fixtures.Example.V1Beta1.Widget.Create("w", w => w.DisplayName("x"));

        Assert.Equal(alpha.Spec!.GetType(), beta.Spec!.GetType());
        Assert.NotEqual(alpha.ApiVersion, beta.ApiVersion);
    }

    [Fact]
    public void Nested_lists_int_or_string_and_free_form_values_reach_the_document()
    {
        var rollout = MeshDsl.Fixtures.Delivery.V1Alpha1.Rollout.Create("web", r => r
            .Namespace("shop")
            .Metadata(m => m.Labels("app", "web"))
            .Replicas(3)
            .Template(FreeForm.Object(t => t.Set("spec", s => s.Set("containers", FreeForm.List(FreeForm.Object(c => c.Set("name", "web")))))))
            .Strategy(s => s.Canary(c => c
                .MaxSurge("25%")
                .Steps(step => step.SetWeight(20))
                .Steps(step => step.Pause(p => p.Duration(60))))));

        var document = rollout.ToDocument();
        var metadata = Assert.IsType<DocumentMap>(document["metadata"]);
        var canary = (DocumentMap)((DocumentMap)((DocumentMap)document["spec"]!)["strategy"]!)["canary"]!;
        var steps = Assert.IsType<DocumentList>(canary["steps"]);

        Assert.Equal(new[] { "apiVersion", "kind", "metadata", "spec" }, document.Select(e => e.Key));
        Assert.Equal(DocumentScalar.String("shop"), metadata["namespace"]);
        Assert.Equal(DocumentScalar.String("25%"), canary["maxSurge"]);
        Assert.Equal(2, steps.Count);
        Assert.Equal(DocumentScalar.Integer(60), ((DocumentMap)((DocumentMap)steps[1])["pause"]!)["duration"]);
    }

    [Fact]
    public void Builders_record_the_csharp_line_of_each_field_and_object()
    {
        int titleLine = 0, ownerLine = 0;
        var resourceLine = Line() + 1;
        var widget = MeshDsl.Fixtures.Example.V1.Widget.Create("w", w =>
        {
            titleLine = Line(); w.Title("Widget");
            ownerLine = Line(); w.Owner(o => o.Team("web"));
        });

        var document = widget.ToDocument();
        var spec = (DocumentMap)document["spec"]!;

        Assert.EndsWith("FixtureBuilderTests.cs", spec["title"]!.DeclaredAt!.File);
        Assert.Equal(titleLine, spec["title"]!.DeclaredAt!.Line);
        Assert.Equal(ownerLine, spec["owner"]!.DeclaredAt!.Line);
        Assert.Equal(ownerLine, ((DocumentMap)spec["owner"]!).DeclaredAt!.Line);
        Assert.Equal(resourceLine, document.DeclaredAt!.Line);
    }

    private static int Line([System.Runtime.CompilerServices.CallerLineNumber] int line = 0) => line;

    [Fact]
    public void Cluster_scoped_kinds_say_so()
    {
        Assert.False(MeshDsl.Fixtures.Example.V1.Gadget.KubeNamespaced);
        Assert.True(MeshDsl.Fixtures.Example.V1.Widget.KubeNamespaced);
    }
}

using System.Collections.Generic;
using System.Linq;
using k8s.Models;
using MeshDsl.Documents;
using MeshDsl.Emission;
using Xunit;

namespace MeshDsl.Tests;

public sealed class MeshSetTests
{
    [Fact]
    public void A_second_resource_of_the_same_kind_namespace_and_name_is_MESH0101_at_the_second_declaration()
    {
        var set = new MeshSet();
        set.Add(NewWidget("reviews", "prod", new SourceLocation("/src/Routing.cs", 12)));
        set.Add(NewWidget("reviews", "prod", new SourceLocation("/src/More.cs", 40)));

        var error = Assert.Single(set.Errors);
        Assert.Equal("MESH0101", error.Code);
        Assert.Equal(new SourceLocation("/src/More.cs", 40), error.At);
        Assert.Contains("Widget prod/reviews", error.Message);
        Assert.Contains("/src/Routing.cs(12,1)", error.Message);
        var line = error.ToString();
        Assert.StartsWith("/src/More.cs(40,1): error MESH0101: ", line);
        Assert.Contains("/src/Routing.cs(12,1)", line);
        Assert.Single(set.Manifests); // the first one is kept
    }

    [Fact]
    public void The_same_name_in_another_namespace_or_of_another_kind_is_not_a_duplicate()
    {
        var set = new MeshSet();
        set.Add(NewWidget("reviews", "prod", null));
        set.Add(NewWidget("reviews", "staging", null));
        set.Add(NewWidget("reviews", null, null));
        set.Add(new V1Service { Metadata = new V1ObjectMeta { Name = "reviews", NamespaceProperty = "prod" } });

        Assert.Empty(set.Errors);
        Assert.Equal(4, set.Manifests.Count);
    }

    [Fact]
    public void A_duplicate_without_known_locations_still_reports_MESH0101()
    {
        var set = new MeshSet();
        set.Add(new V1Namespace { Metadata = new V1ObjectMeta { Name = "prod" } }, string.Empty, 0);
        set.Add(new V1Namespace { Metadata = new V1ObjectMeta { Name = "prod" } }, string.Empty, 0);

        var error = Assert.Single(set.Errors);
        Assert.Equal("MESH0101", error.Code);
        Assert.Null(error.At);
        Assert.StartsWith("meshdsl : error MESH0101: Namespace prod is declared twice", error.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_resource_without_a_name_is_MESH0102(string? name)
    {
        var set = new MeshSet();
        set.Add(NewWidget(name, "prod", new SourceLocation("/src/Routing.cs", 7)));
        set.Add(new V1Service { Metadata = new V1ObjectMeta { Name = name } }, "/src/Core.cs", 9);

        Assert.Equal(new[] { "MESH0102", "MESH0102" }, set.Errors.Select(e => e.Code));
        Assert.Equal(new SourceLocation("/src/Routing.cs", 7), set.Errors[0].At);
        Assert.Contains("Widget", set.Errors[0].Message);
        Assert.Equal(new SourceLocation("/src/Core.cs", 9), set.Errors[1].At);
        Assert.Contains("Service", set.Errors[1].Message);
        Assert.Empty(set.Manifests);
    }

    [Fact]
    public void Kubernetes_client_objects_get_apiVersion_and_kind_from_their_type()
    {
        var set = new MeshSet();
        set.Add(new V1Namespace { Metadata = new V1ObjectMeta { Name = "prod" } });
        set.Add(new V1Service { Metadata = new V1ObjectMeta { Name = "reviews", NamespaceProperty = "prod" } });
        set.Add(new V1Deployment { Metadata = new V1ObjectMeta { Name = "reviews", NamespaceProperty = "prod" } });

        Assert.Equal(
            new[] { ("v1", "Namespace", (string?)null, "prod"), ("v1", "Service", "prod", "reviews"), ("apps/v1", "Deployment", "prod", "reviews") },
            set.Manifests.Select(m => (m.ApiVersion, m.Kind, m.Namespace, m.Name)));
        foreach (var manifest in set.Manifests)
        {
            Assert.Equal(DocumentScalar.String(manifest.ApiVersion), manifest.Document["apiVersion"]);
            Assert.Equal(DocumentScalar.String(manifest.Kind), manifest.Document["kind"]);
        }
    }

    [Fact]
    public void Explicit_apiVersion_and_kind_are_kept_and_the_call_site_is_recorded()
    {
        IMeshBuilder mesh = new MeshSet(); // as IMeshDefinition.Define sees it
        mesh.Add(new V1Service { ApiVersion = "v1", Kind = "Service", Metadata = new V1ObjectMeta { Name = "reviews" } });

        var manifest = Assert.Single(((MeshSet)mesh).Manifests);
        Assert.Equal(("v1", "Service"), (manifest.ApiVersion, manifest.Kind));
        Assert.NotNull(manifest.DeclaredAt);
        Assert.EndsWith("MeshSetTests.cs", manifest.DeclaredAt!.File);
        Assert.True(manifest.DeclaredAt.Line > 0);
    }

    // KNOWN SRC BUG (kept failing on purpose): caller-info attributes bind to the method the compiler calls.
    // IMeshBuilder.Add has [CallerFilePath]/[CallerLineNumber], MeshSet.Add does not, so code holding a MeshSet
    // (tests, a user's own tool; not the emit tool, which hands Define an IMeshBuilder) records no location, and
    // MESH0101/MESH0102 lose their line.
    [Fact]
    public void Calling_Add_on_a_MeshSet_directly_records_the_call_site_too()
    {
        var set = new MeshSet();
        set.Add(new V1Service { Metadata = new V1ObjectMeta { Name = "reviews" } });

        Assert.NotNull(Assert.Single(set.Manifests).DeclaredAt);
    }

    [Fact]
    public void Top_level_keys_start_with_apiVersion_kind_metadata_and_spec()
    {
        var set = new MeshSet();
        set.Add(new Scrambled());
        set.Add(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "settings" }, Data = new Dictionary<string, string> { ["mode"] = "fast" } });
        set.Add(new V1Service { Metadata = new V1ObjectMeta { Name = "reviews" }, Spec = new V1ServiceSpec { Ports = new List<V1ServicePort> { new() { Port = 9080 } } } });

        Assert.Equal(new[] { "apiVersion", "kind", "metadata", "spec", "status", "data" }, set.Manifests[0].Document.Select(e => e.Key));
        Assert.Equal(new[] { "apiVersion", "kind", "metadata", "data" }, set.Manifests[1].Document.Select(e => e.Key));
        Assert.Equal(new[] { "apiVersion", "kind", "metadata", "spec" }, set.Manifests[2].Document.Select(e => e.Key));
        Assert.StartsWith(
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: reviews\nspec:\n  ports:\n  - port: 9080\n",
            ManifestWriter.Write(set.Manifests[2].Document));
    }

    [Fact]
    public void Core_object_values_keep_their_json_types()
    {
        var set = new MeshSet();
        set.Add(new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "reviews", Labels = new Dictionary<string, string> { ["version"] = "1" } },
            Spec = new V1ServiceSpec
            {
                Ports = new List<V1ServicePort> { new() { Name = "http", Port = 9080, TargetPort = "web" }, new() { Name = "admin", Port = 9901, TargetPort = 9901 } },
                PublishNotReadyAddresses = true,
            },
        });

        var yaml = ManifestWriter.Write(set.Manifests.Single().Document);

        Assert.Contains("    version: \"1\"\n", yaml);
        Assert.Contains("  - name: http\n    port: 9080\n    targetPort: web\n  - name: admin\n    port: 9901\n    targetPort: 9901\n", yaml);
        Assert.Contains("  publishNotReadyAddresses: true\n", yaml);
    }

    private static Widget NewWidget(string? name, string? ns, SourceLocation? at) =>
        new() { Metadata = new ObjectMeta { Name = name, Namespace = ns }, DeclaredAt = at, Spec = new WidgetSpec { Size = 3 } };

    private sealed class WidgetSpec : IDocumentObject
    {
        public int? Size { get; set; }

        public DocumentMap ToDocument()
        {
            var map = new DocumentMap();
            map.Set("size", Size);
            return map;
        }
    }

    private sealed class Widget : MeshResource<WidgetSpec>
    {
        public Widget()
            : base("example.com/v1", "Widget")
        {
        }
    }

    // A resource whose document lists its top-level keys out of order.
    private sealed class Scrambled : IMeshResource
    {
        public string ApiVersion => "example.com/v1";

        public string Kind => "Scrambled";

        public ObjectMeta Metadata { get; } = new() { Name = "x" };

        public SourceLocation? DeclaredAt => null;

        public DocumentMap ToDocument() => new()
        {
            { "status", new DocumentMap() },
            { "spec", new DocumentMap() },
            { "data", new DocumentMap() },
            { "kind", DocumentScalar.String(Kind) },
            { "metadata", Metadata.ToDocument() },
            { "apiVersion", DocumentScalar.String(ApiVersion) },
        };
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using MeshDsl.Documents;
using MeshDsl.Emission;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace MeshDsl.Tests;

public sealed class ManifestLayoutTests
{
    [Fact]
    public void Namespaces_come_first_then_services_deployments_rules_and_gateways_and_virtual_services_last()
    {
        var sorted = ManifestLayouts.Sort(Enumerable.Reverse(Mesh()));

        Assert.Equal(
            new[]
            {
                "Namespace default", "Namespace prod",
                "Service prod/reviews",
                "Deployment prod/reviews",
                "DestinationRule prod/reviews",
                "Gateway istio-system/public",
                "VirtualService prod/reviews",
            },
            sorted.Select(m => m.Id));
    }

    [Fact]
    public void Ties_in_rank_are_ordered_by_kind_then_namespace_then_name_ordinally()
    {
        var manifests = new[]
        {
            Manifest("networking.istio.io/v1", "DestinationRule", "b", "a"),
            Manifest("networking.istio.io/v1", "DestinationRule", "a", "z"),
            Manifest("networking.istio.io/v1", "DestinationRule", "a", "B"),
            Manifest("networking.istio.io/v1", "DestinationRule", "a", "a"),
            Manifest("security.istio.io/v1", "AuthorizationPolicy", "z", "z"),
            Manifest("networking.istio.io/v1", "Gateway", "a", "a"),
            Manifest("v1", "ConfigMap", "a", "a"),
            Manifest("v1", "Secret", "a", "a"),
            Manifest("v1", "ServiceAccount", "a", "a"),
        };

        var sorted = ManifestLayouts.Sort(manifests);

        Assert.Equal(
            new[]
            {
                "ConfigMap a/a", "Secret a/a", "ServiceAccount a/a",
                "AuthorizationPolicy z/z",
                "DestinationRule a/B", "DestinationRule a/a", "DestinationRule a/z", "DestinationRule b/a",
                "Gateway a/a",
            },
            sorted.Select(m => m.Id));
    }

    [Fact]
    public void File_names_carry_rank_kind_namespace_and_name_and_sort_in_apply_order()
    {
        var files = ManifestLayouts.Render(Mesh(), ManifestLayout.FilePerResource);
        var names = files.Select(f => f.Key).ToList();

        Assert.Equal(
            new[]
            {
                "10-namespace.default.yaml",
                "10-namespace.prod.yaml",
                "30-service.prod.reviews.yaml",
                "40-deployment.prod.reviews.yaml",
                "50-destinationrule.prod.reviews.yaml",
                "50-gateway.istio-system.public.yaml",
                "60-virtualservice.prod.reviews.yaml",
                "kustomization.yaml",
            },
            names);
        var manifests = names.Take(names.Count - 1).ToList();
        Assert.Equal(manifests.OrderBy(n => n, StringComparer.Ordinal), manifests); // `kubectl apply -f dir` order
    }

    [Fact]
    public void Each_file_holds_its_resource_as_written_by_the_manifest_writer()
    {
        var mesh = Mesh();
        var files = ManifestLayouts.Render(mesh, ManifestLayout.FilePerResource).ToDictionary(f => f.Key, f => f.Value);

        foreach (var manifest in mesh)
        {
            Assert.Equal(ManifestWriter.Write(manifest.Document), files[ManifestLayouts.FileName(manifest)]);
        }

        Assert.Equal(
            "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\n  namespace: prod\n",
            files["60-virtualservice.prod.reviews.yaml"]);
    }

    [Fact]
    public void The_kustomization_lists_every_file_in_apply_order()
    {
        var files = ManifestLayouts.Render(Mesh(), ManifestLayout.FilePerResource);

        Assert.Equal("kustomization.yaml", files[^1].Key);
        Assert.Equal(
            "apiVersion: kustomize.config.k8s.io/v1beta1\n" +
            "kind: Kustomization\n" +
            "resources:\n" +
            "- 10-namespace.default.yaml\n" +
            "- 10-namespace.prod.yaml\n" +
            "- 30-service.prod.reviews.yaml\n" +
            "- 40-deployment.prod.reviews.yaml\n" +
            "- 50-destinationrule.prod.reviews.yaml\n" +
            "- 50-gateway.istio-system.public.yaml\n" +
            "- 60-virtualservice.prod.reviews.yaml\n",
            files[^1].Value);
        var parsed = (YamlMappingNode)YamlOracle.ParseSingle(files[^1].Value);
        var resources = (YamlSequenceNode)parsed.Children[new YamlScalarNode("resources")];
        Assert.Equal(files.Take(files.Count - 1).Select(f => f.Key), resources.Children.Cast<YamlScalarNode>().Select(s => s.Value));
    }

    [Fact]
    public void The_single_file_layout_starts_every_document_with_a_marker_in_apply_order()
    {
        var mesh = Mesh();
        var files = ManifestLayouts.Render(mesh, ManifestLayout.SingleFile);

        Assert.Equal(new[] { "manifests.yaml", "kustomization.yaml" }, files.Select(f => f.Key));
        var text = files[0].Value;
        var expected = string.Concat(ManifestLayouts.Sort(mesh).Select(m => "---\n" + ManifestWriter.Write(m.Document)));
        Assert.Equal(expected, text);
        Assert.StartsWith("---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: default\n---\n", text, StringComparison.Ordinal);
        Assert.Equal(mesh.Count, text.Split('\n').Count(line => line == "---"));

        var documents = YamlOracle.ParseAll(text);
        Assert.Equal(
            new[] { "Namespace", "Namespace", "Service", "Deployment", "DestinationRule", "Gateway", "VirtualService" },
            documents.Select(d => ((YamlScalarNode)((YamlMappingNode)d.RootNode).Children[new YamlScalarNode("kind")]).Value));
        Assert.Equal("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- manifests.yaml\n", files[1].Value);
    }

    [Theory]
    [InlineData(ManifestLayout.FilePerResource)]
    [InlineData(ManifestLayout.SingleFile)]
    public void The_same_input_built_twice_renders_byte_identical_files(ManifestLayout layout)
    {
        // Two independent builds of the same mesh, added in different orders.
        var first = ManifestLayouts.Render(Mesh(), layout);
        var second = ManifestLayouts.Render(Mesh().OrderBy(m => m.Name.Length).ThenByDescending(m => m.Kind, StringComparer.Ordinal).ToList(), layout);

        Assert.Equal(first.Select(f => f.Key), second.Select(f => f.Key));
        for (var i = 0; i < first.Count; i++)
        {
            Assert.Equal(Encoding.UTF8.GetBytes(first[i].Value), Encoding.UTF8.GetBytes(second[i].Value));
        }
    }

    // A small mesh, in the order a definition might add it (not apply order).
    private static List<Manifest> Mesh() => new()
    {
        Manifest("networking.istio.io/v1", "VirtualService", "prod", "reviews"),
        Manifest("apps/v1", "Deployment", "prod", "reviews"),
        Manifest("networking.istio.io/v1", "Gateway", "istio-system", "public"),
        Manifest("v1", "Namespace", null, "prod"),
        Manifest("networking.istio.io/v1", "DestinationRule", "prod", "reviews"),
        Manifest("v1", "Service", "prod", "reviews"),
        Manifest("v1", "Namespace", null, "default"),
    };

    private static Manifest Manifest(string apiVersion, string kind, string? ns, string name)
    {
        var metadata = new DocumentMap { { "name", DocumentScalar.String(name) } };
        if (ns is not null)
        {
            metadata.Add("namespace", DocumentScalar.String(ns));
        }

        var document = new DocumentMap
        {
            { "apiVersion", DocumentScalar.String(apiVersion) },
            { "kind", DocumentScalar.String(kind) },
            { "metadata", metadata },
        };
        return new Manifest(apiVersion, kind, ns, name, document, null);
    }
}

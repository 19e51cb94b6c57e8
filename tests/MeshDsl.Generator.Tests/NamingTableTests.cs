using System.Collections.Generic;
using System.IO;
using System.Linq;
using MeshDsl.Generator.Input;
using MeshDsl.Generator.Map;
using MeshDsl.Generator.Parse;
using Xunit;

namespace MeshDsl.Generator.Tests;

/// <summary>The Istio naming table is data: every entry must still name an object or enum of Istio's schemas.</summary>
public sealed class NamingTableTests
{
    private static readonly string TablePath = Path.Combine(GeneratorHarness.RepositoryRoot, "src", "MeshDsl.Istio", "istio-type-names.yaml");

    [Fact]
    public void Every_entry_matches_an_object_or_enum_path_of_the_pinned_istio_crds()
    {
        var table = NamingTable.Read(new[] { new NamingTableFile(TablePath, File.ReadAllText(TablePath)) });
        Assert.Empty(table.Diagnostics);
        Assert.True(table.Entries.Count > 100, "the table should cover Istio's messages");

        var paths = IstioNamedPaths();
        var missing = table.Entries.Where(e => !paths.Contains($"{e.Group}/{e.Kind}/{e.Path}")).Select(e => $"{e.Kind} {e.Path}").ToList();

        Assert.True(missing.Count == 0, "Entries that match no object or enum: " + string.Join("; ", missing));
    }

    [Fact]
    public void Table_gives_the_reference_doc_names_to_the_types_users_touch_most()
    {
        var table = NamingTable.Read(new[] { new NamingTableFile(TablePath, File.ReadAllText(TablePath)) });
        var names = table.ForKind("networking.istio.io", "VirtualService");

        Assert.Equal("HTTPRoute", names["spec.http[]"]);
        Assert.Equal("HTTPRetry", names["spec.http[].retries"]);
        Assert.Equal("StringMatch", names["spec.http[].match[].uri"]);
    }

    private static HashSet<string> IstioNamedPaths()
    {
        var text = File.ReadAllText(GeneratorHarness.SharedPath("istio", "1.30.3", "crd-all.gen.yaml"));
        var paths = new HashSet<string>();
        foreach (var document in DocumentSplitter.Split(new CrdFile("istio.yaml", text, "MeshDsl.Istio")))
        {
            var crd = CrdParser.Parse(document).Crd;
            foreach (var version in crd?.Versions.Where(v => v.Root is not null) ?? Enumerable.Empty<CrdVersionSchema>())
            {
                Walk(version.Root!, string.Empty, $"{crd!.Group}/{crd.Kind}/", paths);
            }
        }

        return paths;
    }

    private static void Walk(SchemaNode node, string path, string prefix, HashSet<string> paths)
    {
        if (path.Length > 0 && (!node.Properties.IsEmpty || !node.EnumValues.IsEmpty))
        {
            paths.Add(prefix + path);
        }

        foreach (var property in node.Properties)
        {
            Walk(property.Schema, path.Length == 0 ? property.Name : path + "." + property.Name, prefix, paths);
        }

        if (node.Items is not null)
        {
            Walk(node.Items, path + "[]", prefix, paths);
        }

        if (node.AdditionalProperties is not null)
        {
            Walk(node.AdditionalProperties, path + "{}", prefix, paths);
        }
    }
}

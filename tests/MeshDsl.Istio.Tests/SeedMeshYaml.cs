using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace MeshDsl.Istio.Tests;

/// <summary>
/// The founding brief's seed mesh, read from <c>../shared/examples/seed-mesh.yaml</c> beside the repository
/// (never copied into it): one entry per YAML document, in file order.
/// </summary>
internal static class SeedMeshYaml
{
    private static readonly Lazy<IReadOnlyList<SeedDocument>> Loaded = new(Load);

    /// <summary>The documents, in file order.</summary>
    public static IReadOnlyList<SeedDocument> Documents => Loaded.Value;

    /// <summary>The path of the seed mesh's YAML: <c>../shared/examples/seed-mesh.yaml</c> from the repository root.</summary>
    public static string FilePath => MeshDsl.Testing.RepositoryPaths.Shared("examples", "seed-mesh.yaml");

    private static IReadOnlyList<SeedDocument> Load()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(FilePath))
        {
            stream.Load(reader);
        }

        return stream.Documents.Select((document, index) => SeedDocument.From(index, document.RootNode)).ToList();
    }
}

/// <summary>One document of the seed mesh: its position, identity and YAML tree.</summary>
internal sealed record SeedDocument(int Index, string Kind, string? Namespace, string Name, YamlMappingNode Root)
{
    /// <summary><c>kind/namespace/name</c>, unique within the seed mesh.</summary>
    public string Id => $"{Kind}/{Namespace}/{Name}";

    public static SeedDocument From(int index, YamlNode root)
    {
        var map = root as YamlMappingNode ?? throw new InvalidOperationException($"Document {index} is not a map.");
        var metadata = (YamlMappingNode)map["metadata"];
        return new SeedDocument(index, Text(map, "kind")!, Text(metadata, "namespace"), Text(metadata, "name")!, map);
    }

    private static string? Text(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;
}

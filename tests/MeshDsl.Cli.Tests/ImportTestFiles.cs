using System.Collections.Generic;
using System.IO;
using System.Linq;
using MeshDsl.Cli.Import;
using MeshDsl.Testing;
using MeshDsl.Validation;

namespace MeshDsl.Cli.Tests;

/// <summary>Imports YAML text given in a test, and reads the inputs the import tests share.</summary>
internal static class ImportTestFiles
{
    public static ImportResult ImportYaml(string yaml, string file = "reviews.yaml", ImportOptions? options = null) =>
        MeshImport.Run(YamlDocuments.Read(file, yaml), options ?? new ImportOptions(), BuilderCatalog.Istio);

    /// <summary>The one file's C#.</summary>
    public static string Text(string yaml) => ImportYaml(yaml).Files.Single().Text;

    /// <summary>
    /// A fixture of this project's Fixtures folder, located as <c>Fixtures/name</c>, or <c>seed-mesh.yaml</c>: the seed
    /// mesh's 17 documents (../shared/examples/seed-mesh.yaml, read in place).
    /// </summary>
    public static IReadOnlyList<YamlDocument> Fixture(string name) => name == "seed-mesh.yaml"
        ? YamlDocuments.Read(name, File.ReadAllText(RepositoryPaths.Shared("examples", name)))
        : YamlDocuments.Read("Fixtures/" + name, File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "MeshDsl.Cli.Tests", "Fixtures", name)));

    /// <summary>Every document of Istio's corpus (read in place), in file order, located by its path under the corpus.</summary>
    public static List<YamlDocument> CorpusDocuments()
    {
        var root = RepositoryPaths.Shared("istio", "corpus");
        return Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories)
            .OrderBy(p => p, System.StringComparer.Ordinal)
            .SelectMany(p => YamlDocuments.Read(Path.GetRelativePath(root, p).Replace('\\', '/'), File.ReadAllText(p)))
            .ToList();
    }
}

using System.Linq;
using MeshDsl.Cli.Import;
using MeshDsl.Validation;

namespace MeshDsl.Cli.Tests;

/// <summary>Imports YAML text given in a test.</summary>
internal static class ImportTestFiles
{
    public static ImportResult ImportYaml(string yaml, string file = "reviews.yaml", ImportOptions? options = null) =>
        MeshImport.Run(YamlDocuments.Read(file, yaml), options ?? new ImportOptions(), BuilderCatalog.Istio);

    /// <summary>The one file's C#.</summary>
    public static string Text(string yaml) => ImportYaml(yaml).Files.Single().Text;

    /// <summary>Every document of Istio's corpus (read in place), in file order, located by its path under the corpus.</summary>
    public static System.Collections.Generic.List<MeshDsl.Validation.YamlDocument> CorpusDocuments()
    {
        var root = MeshDsl.Testing.RepositoryPaths.Shared("istio", "corpus");
        return System.IO.Directory.EnumerateFiles(root, "*.yaml", System.IO.SearchOption.AllDirectories)
            .OrderBy(p => p, System.StringComparer.Ordinal)
            .SelectMany(p => MeshDsl.Validation.YamlDocuments.Read(System.IO.Path.GetRelativePath(root, p).Replace('\\', '/'), System.IO.File.ReadAllText(p)))
            .ToList();
    }
}

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
}

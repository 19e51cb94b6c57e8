using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MeshDsl.Documents;
using MeshDsl.Validation;

namespace MeshDsl.Cli.Import;

/// <summary>How the imported resources become classes: one per source file, one per Kubernetes namespace, or one named class.</summary>
internal sealed record ImportOptions(string Per = ImportOptions.PerFile, string? ClassName = null, string Namespace = "Imported")
{
    public const string PerFile = "file";
    public const string PerNamespace = "namespace";
}

/// <summary>A C# file to write: its name (<c>Reviews.cs</c>) and text.</summary>
internal sealed record ImportedFile(string Name, string Text);

/// <summary>What an import produced: the files, the findings, and how many documents were imported and refused.</summary>
internal sealed record ImportResult(IReadOnlyList<ImportedFile> Files, IReadOnlyList<ImportFinding> Findings, int Imported, int Refused);

/// <summary>
/// The import, from read documents to C# files: import each document (<see cref="DocumentImporter"/>), group the
/// resources into definition classes, write each class (<see cref="CSharpWriter"/>).
/// </summary>
internal static class MeshImport
{
    public static ImportResult Run(IReadOnlyList<YamlDocument> documents, ImportOptions options, BuilderCatalog catalog)
    {
        var importer = new DocumentImporter(catalog);
        var findings = new List<ImportFinding>();
        var resources = new List<(string File, ImportedResource Resource)>();
        var refused = 0;
        foreach (var document in documents)
        {
            if (document.Root is not DocumentMap root)
            {
                continue;
            }

            var source = document.File.Replace('\\', '/');
            var imported = importer.Import(root, source);
            findings.AddRange(imported.Findings);
            if (imported.Resource is null)
            {
                refused++;
            }
            else
            {
                resources.Add((document.File, imported.Resource));
            }
        }

        var reserved = ReservedNames(catalog);
        var classes = Group(resources, options)
            .Select(g => (Name: ClassName(g.Key, reserved), Resources: g.Value))
            .ToList();
        var files = classes.Select(c => new DefinitionClass(c.Name, c.Resources))
            .Select(c => new ImportedFile(c.Name + ".cs", CSharpWriter.WriteFile(options.Namespace, new[] { c })))
            .ToList();
        return new ImportResult(files, findings, resources.Count, refused);
    }

    // Groups in order of first appearance: key → resources.
    private static List<KeyValuePair<string, List<ImportedResource>>> Group(List<(string File, ImportedResource Resource)> resources, ImportOptions options)
    {
        var groups = new List<KeyValuePair<string, List<ImportedResource>>>();
        foreach (var (file, resource) in resources)
        {
            var key = options.ClassName ?? (options.Per == ImportOptions.PerNamespace ? resource.Namespace ?? "cluster" : Path.GetFileNameWithoutExtension(file));
            var group = groups.FirstOrDefault(g => g.Key == key);
            if (group.Value is null)
            {
                group = new KeyValuePair<string, List<ImportedResource>>(key, new List<ImportedResource>());
                groups.Add(group);
            }

            group.Value.Add(resource);
        }

        return groups;
    }

    // PascalCase of the key's words, unique; a name a builder type also has gets "Definition" (the class would hide the type).
    private static string ClassName(string key, HashSet<string> taken)
    {
        var words = new StringBuilder();
        var upper = true;
        foreach (var c in key)
        {
            if (char.IsLetterOrDigit(c))
            {
                words.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        var stem = words.Length == 0 ? "Imported" : char.IsDigit(words[0]) ? "Mesh" + words : words.ToString();
        if (taken.Contains(stem))
        {
            stem += "Definition";
        }

        var name = stem;
        for (var i = 2; !taken.Add(name); i++)
        {
            name = stem + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }

    private static HashSet<string> ReservedNames(BuilderCatalog catalog) =>
        catalog.Assemblies.Append(typeof(IMeshDefinition).Assembly)
            .SelectMany(a => a.GetExportedTypes())
            .Select(t => t.Name)
            .Append("MeshDsl")
            .ToHashSet(StringComparer.Ordinal);
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MeshDsl.Documents;
using MeshDsl.Validation;

namespace MeshDsl.Cli.Import;

/// <summary>What a definition class holds: the resources of one source file, or of one Kubernetes namespace.</summary>
internal enum ClassGrouping
{
    /// <summary>One class per source file (the default).</summary>
    SourceFile,

    /// <summary>One class per Kubernetes namespace (<c>--namespace-per-file</c>), <c>Cluster</c> for cluster-scoped objects.</summary>
    KubernetesNamespace,
}

/// <summary>
/// How the imported resources become classes and files: classes grouped by <see cref="Grouping"/>, or one class named
/// <see cref="ClassName"/>; one <c>.cs</c> file per class, or all of them in one file (<see cref="SingleFile"/>).
/// </summary>
internal sealed record ImportOptions(ClassGrouping Grouping = ClassGrouping.SourceFile, string? ClassName = null, string Namespace = "Imported", bool SingleFile = false)
{
    /// <summary>The one file's name: the class's, else the last part of the C# namespace (<c>Imported.cs</c>).</summary>
    public string SingleFileName => (ClassName ?? Namespace.Split('.')[^1]) + ".cs";
}

/// <summary>A C# file to write: its name (<c>Reviews.cs</c>) and text.</summary>
internal sealed record ImportedFile(string Name, string Text);

/// <summary>What an import produced: the files, the findings, and how many documents were imported and refused.</summary>
internal sealed record ImportResult(IReadOnlyList<ImportedFile> Files, IReadOnlyList<ImportFinding> Findings, int Imported, int Refused);

/// <summary>
/// The import, from read documents to C# files: import each document (<see cref="DocumentImporter"/>), group the
/// resources into definition classes, write each class, or all of them into one file (<see cref="CSharpWriter"/>).
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
                // Unreadable YAML (no root) is reported by the reader; a list or a scalar is no Kubernetes object.
                if (document.Root is { } other)
                {
                    findings.Add(new ImportFinding(ImportIds.KindNotSupported, true, string.Empty, $"not a Kubernetes object: {ValueDescription.Of(other)}", other.DeclaredAt));
                    refused++;
                }

                continue;
            }

            var source = document.File.Replace('\\', '/');
            var imported = importer.Import(root, source);
            findings.AddRange(imported.Findings.OrderBy(f => f.At?.Line).ThenBy(f => f.At?.Column));
            if (imported.Resource is null)
            {
                refused++;
            }
            else
            {
                resources.Add((document.File, imported.Resource));
            }
        }

        var reserved = ReservedNames(catalog, resources.Select(r => r.Resource.Expression));
        var classes = Group(resources, options)
            .Select(g => new DefinitionClass(ClassName(g.Key, reserved), g.Value))
            .ToList();
        var files = options.SingleFile && classes.Count > 0
            ? new List<ImportedFile> { new(options.SingleFileName, CSharpWriter.WriteFile(options.Namespace, classes)) }
            : classes.Select(c => new ImportedFile(c.Name + ".cs", CSharpWriter.WriteFile(options.Namespace, new[] { c }))).ToList();
        return new ImportResult(files, findings, resources.Count, refused);
    }

    // Groups in order of first appearance: key → resources.
    private static List<KeyValuePair<string, List<ImportedResource>>> Group(List<(string File, ImportedResource Resource)> resources, ImportOptions options)
    {
        var groups = new List<KeyValuePair<string, List<ImportedResource>>>();
        foreach (var (file, resource) in resources)
        {
            var key = options.ClassName ?? (options.Grouping == ClassGrouping.KubernetesNamespace ? resource.Namespace ?? "cluster" : Path.GetFileNameWithoutExtension(file));
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

    // Every builder and MeshDsl type, and every type the imported code names (V1Service, Dictionary, DateTime): a class of
    // the same name in the imported namespace would hide it.
    private static HashSet<string> ReservedNames(BuilderCatalog catalog, IEnumerable<CSharpExpression> imported) =>
        catalog.Assemblies.Append(typeof(IMeshDefinition).Assembly)
            .SelectMany(a => a.GetExportedTypes())
            .Concat(CSharpWriter.TypesUsedBy(imported))
            .Select(t => t.Name.Split('`')[0])
            .Append("MeshDsl")
            .ToHashSet(StringComparer.Ordinal);
}

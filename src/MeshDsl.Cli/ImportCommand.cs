using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MeshDsl.Cli.Import;

namespace MeshDsl.Cli;

/// <summary>
/// <c>meshdsl import</c>: Kubernetes YAML becomes MeshDsl C#, Istio resources builder chains and core objects
/// KubernetesClient object initializers (docs/decisions/0018-import.md, 0019). Documents that cannot be expressed are
/// refused with an error at their YAML location; the others are still written.
/// </summary>
internal static class ImportCommand
{
    public static int Run(IReadOnlyDictionary<string, string> options, IReadOnlyList<string> inputs, TextReader input, TextWriter output, TextWriter error)
    {
        if (!TryReadOptions(options, inputs, out var settings, out var problem))
        {
            error.WriteLine($"meshdsl: {problem}");
            return CommandLine.UsageError;
        }

        var read = InputFiles.DocumentsReportingUnreadable(inputs, input, error);

        var result = MeshImport.Run(read.Documents, settings, BuilderCatalog.Istio);
        foreach (var finding in result.Findings)
        {
            error.WriteLine(finding);
        }

        options.TryGetValue("--out", out var folder);
        if (folder is null && result.Files.Count == 1)
        {
            output.Write(result.Files[0].Text);
        }
        else if (result.Files.Count > 0)
        {
            folder ??= Directory.GetCurrentDirectory();
            Directory.CreateDirectory(folder);
            foreach (var file in result.Files)
            {
                WriteAtomically(Path.Combine(folder, file.Name), file.Text);
            }
        }

        error.WriteLine($"meshdsl: {result.Imported} resources imported into {result.Files.Count} file(s){(folder is null ? string.Empty : $" in '{folder}'")}, {result.Refused} refused");
        if (read.Incomplete)
        {
            return CommandLine.UsageError;
        }

        return result.Refused > 0 ? CommandLine.Findings : CommandLine.Success;
    }

    private static bool TryReadOptions(IReadOnlyDictionary<string, string> options, IReadOnlyList<string> inputs, out ImportOptions settings, out string problem)
    {
        var perNamespace = options.ContainsKey("--namespace-per-file");
        var className = options.GetValueOrDefault("--class-name");
        var csharpNamespace = options.GetValueOrDefault("--namespace", "Imported");
        var grouping = perNamespace ? ClassGrouping.KubernetesNamespace : ClassGrouping.SourceFile;
        settings = new ImportOptions(grouping, className, csharpNamespace, SingleFile: options.ContainsKey("--single-file") || className is not null);
        problem = inputs.Count == 0 ? "import needs files, folders or - for standard input"
            : className is not null && perNamespace ? "--class-name puts everything in one class; it does not go with --namespace-per-file"
            : className is not null && !IsIdentifier(className) ? $"--class-name '{className}' is not a C# identifier"
            : !csharpNamespace.Split('.').All(IsIdentifier) ? $"--namespace '{csharpNamespace}' is not a C# namespace"
            : string.Empty;
        return problem.Length == 0;
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    // A temporary file beside the target, then a rename: a reader never sees half a file.
    private static void WriteAtomically(string path, string text)
    {
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MeshDsl.Validation;

namespace MeshDsl.Cli;

/// <summary><c>meshdsl validate</c>: every document of the given files, folders (recursively, *.yaml and *.yml) or standard input.</summary>
internal static class ValidateCommand
{
    public static int Run(IReadOnlyDictionary<string, string> options, IReadOnlyList<string> inputs, TextWriter output, TextWriter error)
    {
        if (inputs.Count == 0)
        {
            error.WriteLine("meshdsl: validate needs files, folders or - for standard input");
            return CommandLine.UsageError;
        }

        var format = options.TryGetValue("--output", out var requested) ? requested : "text";
        if (!FindingReports.Formats.Contains(format))
        {
            error.WriteLine($"meshdsl: --output is one of {string.Join(", ", FindingReports.Formats)}, not '{format}'");
            return CommandLine.UsageError;
        }

        var catalog = CrdCatalog.Istio();
        if (options.TryGetValue("--crd", out var crd))
        {
            if (!File.Exists(crd) || catalog.Add(crd, File.ReadAllText(crd)) == 0)
            {
                error.WriteLine($"meshdsl: --crd '{crd}' is not a readable CustomResourceDefinition file");
                return CommandLine.UsageError;
            }
        }

        var strict = options.ContainsKey("--strict");
        var validator = new DocumentValidator(catalog);
        var (documents, errors, warnings, unreadable) = (0, 0, 0, false);
        var reported = new List<ReportedFinding>();
        foreach (var (file, text) in Read(inputs, error))
        {
            if (text is null)
            {
                unreadable = true;
                continue;
            }

            foreach (var document in YamlDocuments.Read(file, text))
            {
                documents++;
                var findings = document.Root is null
                    ? new[] { new ValidationFinding(ValidationIds.Unreadable, FindingSeverity.Error, string.Empty, $"not valid YAML: {document.Error}", document.Start) }
                    : validator.Validate(document.Root);
                foreach (var finding in findings)
                {
                    var shown = strict && finding.Severity == FindingSeverity.Warning ? finding with { Severity = FindingSeverity.Error } : finding;
                    reported.Add(new ReportedFinding(shown, ResourceOf(document)));
                    if (shown.Severity == FindingSeverity.Error)
                    {
                        errors++;
                    }
                    else
                    {
                        warnings++;
                    }
                }
            }
        }

        FindingReports.Write(format, reported, output);
        var summary = $"meshdsl: {documents} documents, {errors} errors, {warnings} warnings";
        (format == "text" ? output : error).WriteLine(summary);
        return unreadable ? CommandLine.UsageError : errors > 0 ? CommandLine.Findings : CommandLine.Success;
    }

    // "Gateway default/web-gateway" for the document's resource, when it has a kind and a name.
    private static string? ResourceOf(YamlDocument document)
    {
        if (document.Root is not Documents.DocumentMap map || map["kind"] is not Documents.DocumentScalar kind
            || map["metadata"] is not Documents.DocumentMap metadata || metadata["name"] is not Documents.DocumentScalar name)
        {
            return null;
        }

        return metadata["namespace"] is Documents.DocumentScalar ns ? $"{kind.Text} {ns.Text}/{name.Text}" : $"{kind.Text} {name.Text}";
    }

    private static IEnumerable<(string File, string? Text)> Read(IReadOnlyList<string> inputs, TextWriter error)
    {
        foreach (var input in inputs)
        {
            if (input == "-")
            {
                yield return ("<stdin>", Console.In.ReadToEnd());
            }
            else if (Directory.Exists(input))
            {
                var files = Directory.EnumerateFiles(input, "*.*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                    .OrderBy(f => f, StringComparer.Ordinal);
                foreach (var file in files)
                {
                    yield return (file, File.ReadAllText(file));
                }
            }
            else if (File.Exists(input))
            {
                yield return (input, File.ReadAllText(input));
            }
            else
            {
                error.WriteLine($"meshdsl: '{input}' does not exist");
                yield return (input, null);
            }
        }
    }
}

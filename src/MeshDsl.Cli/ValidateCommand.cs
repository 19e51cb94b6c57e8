using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MeshDsl.Validation;

namespace MeshDsl.Cli;

/// <summary><c>meshdsl validate</c>: every document of the given files, folders (recursively, *.yaml and *.yml) or standard input.</summary>
internal static class ValidateCommand
{
    public static int Run(IReadOnlyDictionary<string, string> options, IReadOnlyList<string> inputs, TextReader input, TextWriter output, TextWriter error)
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

        if (CrdOptions.Catalog(options, out var problem) is not { } catalog)
        {
            error.WriteLine($"meshdsl: {problem}");
            return CommandLine.UsageError;
        }

        var strict = options.ContainsKey("--strict");
        var validator = new DocumentValidator(catalog);
        var (errors, warnings) = (0, 0);
        var read = InputFiles.Documents(inputs, input, error);
        var reported = new List<ReportedFinding>();
        foreach (var document in read.Documents)
        {
            var findings = document.Root is null ? new[] { InputFiles.Unreadable(document) } : validator.Validate(document.Root);
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

        FindingReports.Write(format, reported, output);
        var summary = $"meshdsl: {read.Documents.Count} documents, {errors} errors, {warnings} warnings";
        (format == "text" ? output : error).WriteLine(summary);
        return read.MissingInput ? CommandLine.UsageError : errors > 0 ? CommandLine.Findings : CommandLine.Success;
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
}

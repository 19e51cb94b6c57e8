using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MeshDsl.Validation;

namespace MeshDsl.Cli;

/// <summary>The documents read from the inputs; <see cref="MissingInput"/> when a named input did not exist.</summary>
internal sealed record InputDocuments(IReadOnlyList<YamlDocument> Documents, bool MissingInput)
{
    /// <summary>The documents that could not be read (their YAML is broken).</summary>
    public IReadOnlyList<YamlDocument> Unreadable { get; } = Documents.Where(d => d.Root is null).ToList();

    /// <summary>A missing input or an unreadable document: the commands' exit code 2.</summary>
    public bool Incomplete => MissingInput || Unreadable.Count > 0;
}

/// <summary>
/// The YAML inputs of <c>validate</c> and <c>analyze</c>: files, folders (recursively, *.yaml and *.yml, in ordinal
/// order) and <c>-</c> for standard input, read into documents.
/// </summary>
internal static class InputFiles
{
    /// <summary>The name findings give to standard input.</summary>
    public const string StandardInput = "<stdin>";

    /// <summary>Each input file's text; null (after a message on <paramref name="error"/>) when the input does not exist.</summary>
    private static IEnumerable<(string File, string? Text)> Read(IReadOnlyList<string> inputs, TextReader input, TextWriter error)
    {
        foreach (var name in inputs)
        {
            if (name == "-")
            {
                yield return (StandardInput, input.ReadToEnd());
            }
            else if (Directory.Exists(name))
            {
                var files = Directory.EnumerateFiles(name, "*.*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                    .OrderBy(f => f, StringComparer.Ordinal);
                foreach (var file in files)
                {
                    yield return (file, File.ReadAllText(file));
                }
            }
            else if (File.Exists(name))
            {
                yield return (name, File.ReadAllText(name));
            }
            else
            {
                error.WriteLine($"meshdsl: '{name}' does not exist");
                yield return (name, null);
            }
        }
    }

    /// <summary>Every document of the inputs, in input order, and whether an input was missing.</summary>
    public static InputDocuments Documents(IReadOnlyList<string> inputs, TextReader input, TextWriter error)
    {
        var documents = new List<YamlDocument>();
        var missing = false;
        foreach (var (file, text) in Read(inputs, input, error))
        {
            if (text is null)
            {
                missing = true;
            }
            else
            {
                documents.AddRange(YamlDocuments.Read(file, text));
            }
        }

        return new InputDocuments(documents, missing);
    }

    /// <summary>The finding validate reports for a document that is not valid YAML.</summary>
    /// <summary>Reads the inputs and reports each unreadable document on <paramref name="error"/> (analyze and import analyse the rest).</summary>
    public static InputDocuments DocumentsReportingUnreadable(IReadOnlyList<string> inputs, TextReader input, TextWriter error)
    {
        var read = Documents(inputs, input, error);
        foreach (var document in read.Unreadable)
        {
            error.WriteLine(Unreadable(document));
        }

        return read;
    }

    public static ValidationFinding Unreadable(YamlDocument document) =>
        new(ValidationIds.Unreadable, FindingSeverity.Error, string.Empty, $"not valid YAML: {document.Error}", document.Start);
}

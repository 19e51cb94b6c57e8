using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using MeshDsl.Documents;
using MeshDsl.Generator.Input;
using MeshDsl.Generator.Parse;

namespace MeshDsl.Validation;

/// <summary>A YAML document read into the document model, or why it could not be read.</summary>
public sealed record YamlDocument(string File, DocumentNode? Root, string? Error, SourceLocation Start);

/// <summary>
/// Reads YAML files into the same document model the builders produce, every node located at its file,
/// line and column. Plain scalars resolve by YAML 1.2's core schema (80 is an integer, "80" a string).
/// </summary>
public static partial class YamlDocuments
{
    /// <summary>Every document of a (multi-document) YAML text.</summary>
    public static IReadOnlyList<YamlDocument> Read(string file, string text)
    {
        var documents = new List<YamlDocument>();
        foreach (var chunk in DocumentSplitter.Split(new CrdFile(file, text, string.Empty)))
        {
            var start = new SourceLocation(file, chunk.StartLine, 1);
            try
            {
                var root = YamlTreeReader.Read(chunk.Text, chunk.StartLine);
                if (root is not null)
                {
                    documents.Add(new YamlDocument(file, Convert(root, file), null, start));
                }
            }
            catch (YamlReadException exception)
            {
                documents.Add(new YamlDocument(file, null, exception.Message, new SourceLocation(file, exception.Line, exception.Column)));
            }
        }

        return documents;
    }

    private static DocumentNode Convert(YamlValue value, string file)
    {
        DocumentNode node = value switch
        {
            YamlMap map => ConvertMap(map, file),
            YamlSequence sequence => ConvertSequence(sequence, file),
            YamlScalar scalar => Resolve(scalar),
            _ => throw new InvalidOperationException("unknown YAML node"),
        };
        node.DeclaredAt = new SourceLocation(file, value.Line, value.Column);
        return node;
    }

    private static DocumentMap ConvertMap(YamlMap map, string file)
    {
        var result = new DocumentMap();
        foreach (var entry in map.Entries)
        {
            // A field is located where its key is written, as a C# field is where its setter is called.
            var value = Convert(entry.Value, file);
            value.DeclaredAt = new SourceLocation(file, entry.Key.Line, entry.Key.Column);
            result.Add(entry.Key.Value, value);
        }

        return result;
    }

    private static DocumentList ConvertSequence(YamlSequence sequence, string file)
    {
        var result = new DocumentList();
        foreach (var item in sequence.Items)
        {
            result.Add(Convert(item, file));
        }

        return result;
    }

    private static DocumentScalar Resolve(YamlScalar scalar)
    {
        var text = scalar.Value;
        if (!scalar.IsPlain)
        {
            return DocumentScalar.String(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => DocumentScalar.Null,
            "true" or "True" or "TRUE" => DocumentScalar.Boolean(true),
            "false" or "False" or "FALSE" => DocumentScalar.Boolean(false),
            _ when IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => DocumentScalar.Integer(integer),
            _ when FloatPattern().IsMatch(text) => DocumentScalar.Number(double.Parse(text, CultureInfo.InvariantCulture)),
            _ => DocumentScalar.String(text),
        };
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();
}

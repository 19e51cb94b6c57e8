using System;
using MeshDsl.Generator.Common;

namespace MeshDsl.Generator.Input;

/// <summary>A CRD file opted in as an AdditionalFile, with the namespace its types go to.</summary>
internal sealed record CrdFile(string Path, string Text, string RootNamespace);

/// <summary>One YAML document of a CRD file: its text and the file line it starts on.</summary>
internal sealed record CrdDocumentText(string Path, int Index, int StartLine, string Text, string RootNamespace);

/// <summary>The naming tables (schema path → type name) passed as AdditionalFiles.</summary>
internal sealed record NamingTableFile(string Path, string Text);

/// <summary>The line-based document splitter: YAML forbids a document marker at the start of a line inside any scalar.</summary>
internal static class DocumentSplitter
{
    public static EquatableArray<CrdDocumentText> Split(CrdFile file)
    {
        var documents = new System.Collections.Generic.List<CrdDocumentText>();
        var text = file.Text;
        var chunkStart = 0;
        var chunkStartLine = 1;
        var line = 1;
        var position = 0;
        while (position <= text.Length)
        {
            var end = text.IndexOf('\n', position);
            var lineEnd = end < 0 ? text.Length : end;
            var isMarker = IsMarker(text, position, lineEnd, "---") || IsMarker(text, position, lineEnd, "...");
            if (isMarker)
            {
                Add(documents, file, text.Substring(chunkStart, position - chunkStart), chunkStartLine);
                chunkStart = end < 0 ? text.Length : end + 1;
                chunkStartLine = line + 1;
            }

            if (end < 0)
            {
                break;
            }

            position = end + 1;
            line++;
        }

        Add(documents, file, text.Substring(chunkStart), chunkStartLine);
        return documents.ToEquatableArray();
    }

    private static bool IsMarker(string text, int start, int end, string marker) =>
        end - start >= 3
        && string.CompareOrdinal(text, start, marker, 0, 3) == 0
        && (end - start == 3 || char.IsWhiteSpace(text[start + 3]));

    private static void Add(System.Collections.Generic.List<CrdDocumentText> documents, CrdFile file, string chunk, int startLine)
    {
        if (HasContent(chunk))
        {
            documents.Add(new CrdDocumentText(file.Path, documents.Count, startLine, chunk, file.RootNamespace));
        }
    }

    private static bool HasContent(string chunk)
    {
        foreach (var rawLine in chunk.Split('\n'))
        {
            var trimmed = rawLine.Trim();
            if (trimmed.Length > 0 && trimmed[0] != '#' && trimmed[0] != '%')
            {
                return true;
            }
        }

        return false;
    }
}

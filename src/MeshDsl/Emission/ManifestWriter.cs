using System.IO;
using System.Text;
using MeshDsl.Documents;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MeshDsl.Emission;

/// <summary>
/// Writes document trees as YAML: block style, two-space indentation, keys in the tree's order (the
/// emit step puts <c>apiVersion</c>, <c>kind</c>, <c>metadata</c>, <c>spec</c> first), strings quoted only
/// when a YAML 1.1 or 1.2 reader would read them as something else, LF line endings.
/// </summary>
public static class ManifestWriter
{
    /// <summary>One YAML document (no <c>---</c> marker), ending with a newline.</summary>
    public static string Write(DocumentNode document)
    {
        var text = new StringWriter(new StringBuilder()) { NewLine = "\n" };
        var emitter = new Emitter(text, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024, skipAnchorName: false, indentSequences: false, newLine: "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        WriteNode(emitter, document);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void WriteNode(IEmitter emitter, DocumentNode node)
    {
        switch (node)
        {
            case DocumentMap map:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, map.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var entry in map)
                {
                    WriteString(emitter, entry.Key);
                    WriteNode(emitter, entry.Value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case DocumentList list:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, list.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in list)
                {
                    WriteNode(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case DocumentScalar { Kind: ScalarKind.String } scalar:
                WriteString(emitter, scalar.Text);
                break;
            case DocumentScalar scalar:
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, scalar.Text, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
        }
    }

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static void WriteString(IEmitter emitter, string value)
    {
        try
        {
            StrictUtf8.GetByteCount(value); // unpaired surrogates: not text, no YAML or UTF-8 form
        }
        catch (System.Text.EncoderFallbackException e)
        {
            throw new System.ArgumentException($"The string {value} holds an unpaired surrogate (index {e.Index}); YAML cannot carry it.", nameof(value), e);
        }

        var style = CanBeLiteral(value) ? ScalarStyle.Literal : YamlScalars.NeedsQuotes(value) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any;
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, style, isPlainImplicit: style == ScalarStyle.Any, isQuotedImplicit: true));
    }

    // A literal block carries LF line breaks and printable text: CR, NEL, LS and PS would be read back as LF (or
    // differently by YAML 1.1 and 1.2 readers), other controls and U+FFFE/U+FFFF may not appear raw in YAML, and
    // a string of line breaks only ("\n") comes back empty under the clip chomping YamlDotNet picks for it.
    private static bool CanBeLiteral(string value)
    {
        var hasNewline = false;
        var hasText = false;
        foreach (var c in value)
        {
            if (c == '\n')
            {
                hasNewline = true;
            }
            else if (c == '\t' || (c >= ' ' && c <= '~') || (c >= '\u00A0' && c <= '\uFFFD' && c != '\u2028' && c != '\u2029'))
            {
                hasText = true; // surrogates are in range; pairs are checked above
            }
            else
            {
                return false;
            }
        }

        return hasNewline && hasText;
    }
}

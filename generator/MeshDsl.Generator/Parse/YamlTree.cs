using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MeshDsl.Generator.Parse;

/// <summary>A YAML node with the file position it came from. Never cached: it lives only inside the parse step.</summary>
internal abstract class YamlValue
{
    protected YamlValue(int line, int column)
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }

    public int Column { get; }
}

internal sealed class YamlMap : YamlValue
{
    public YamlMap(int line, int column)
        : base(line, column)
    {
    }

    public List<KeyValuePair<YamlScalar, YamlValue>> Entries { get; } = new();

    public YamlValue? Get(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry.Value;
            }
        }

        return null;
    }

    public string? GetString(string key) => (Get(key) as YamlScalar)?.Value;
}

internal sealed class YamlSequence : YamlValue
{
    public YamlSequence(int line, int column)
        : base(line, column)
    {
    }

    public List<YamlValue> Items { get; } = new();
}

internal sealed class YamlScalar : YamlValue
{
    public YamlScalar(string value, bool isPlain, int line, int column)
        : base(line, column)
    {
        Value = value;
        IsPlain = isPlain;
    }

    public string Value { get; }

    public bool IsPlain { get; }

    public bool IsTrue => IsPlain && Value is "true" or "True" or "TRUE";
}

/// <summary>Raised for input the reader refuses: syntax errors and inputs beyond its limits.</summary>
internal sealed class YamlReadException : Exception
{
    public YamlReadException(string message, int line, int column, bool isLimit)
        : base(message)
    {
        Line = line;
        Column = column;
        IsLimit = isLimit;
    }

    public int Line { get; }

    public int Column { get; }

    public bool IsLimit { get; }
}

/// <summary>
/// Reads one YAML document into a <see cref="YamlValue"/> tree from YamlDotNet's parser events. Refuses
/// aliases (no CRD needs them, and they make alias bombs possible) and nesting deeper than a fixed limit.
/// </summary>
internal static class YamlTreeReader
{
    public const int MaxDepth = 256;
    public const int MaxDocumentLength = 32 * 1024 * 1024;

    public static YamlValue? Read(string text, int firstLine)
    {
        if (text.Length > MaxDocumentLength)
        {
            throw new YamlReadException($"The document is {text.Length:N0} characters long, over the limit of {MaxDocumentLength:N0}", firstLine, 1, isLimit: true);
        }

        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = parser.Accept<DocumentEnd>(out _) ? null : ReadNode(parser, firstLine, 0);
            return root;
        }
        catch (YamlException exception)
        {
            var message = exception.InnerException?.Message ?? exception.Message;
            throw new YamlReadException(Describe(message), (int)exception.Start.Line + firstLine - 1, (int)exception.Start.Column, isLimit: false);
        }
        catch (InvalidOperationException exception)
        {
            // YamlDotNet's scanner gives up on some malformed input (an unclosed flow collection before a
            // plain scalar) with InvalidOperationException instead of a YamlException: still bad YAML.
            var at = parser.Current?.Start;
            throw new YamlReadException($"the YAML cannot be parsed ({exception.Message})", (int)(at?.Line ?? 1) + firstLine - 1, (int)(at?.Column ?? 1), isLimit: false);
        }
    }

    private static YamlValue ReadNode(IParser parser, int firstLine, int depth)
    {
        var current = parser.Current!;
        var line = (int)current.Start.Line + firstLine - 1;
        var column = (int)current.Start.Column;
        if (depth > MaxDepth)
        {
            throw new YamlReadException($"The document nests deeper than {MaxDepth} levels", line, column, isLimit: true);
        }

        switch (current)
        {
            case AnchorAlias:
                throw new YamlReadException("The document uses a YAML alias (*name); CRD files are read without aliases", line, column, isLimit: true);
            case Scalar scalar:
                parser.MoveNext();
                return new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, line, column);
            case SequenceStart:
                parser.MoveNext();
                var sequence = new YamlSequence(line, column);
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    sequence.Items.Add(ReadNode(parser, firstLine, depth + 1));
                }

                return sequence;
            case MappingStart:
                parser.MoveNext();
                var map = new YamlMap(line, column);
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var keyNode = ReadNode(parser, firstLine, depth + 1);
                    if (keyNode is not YamlScalar key)
                    {
                        throw new YamlReadException("A mapping key is not a scalar", keyNode.Line, keyNode.Column, isLimit: false);
                    }

                    map.Entries.Add(new KeyValuePair<YamlScalar, YamlValue>(key, ReadNode(parser, firstLine, depth + 1)));
                }

                return map;
            default:
                throw new YamlReadException($"Unexpected YAML event {current.GetType().Name}", line, column, isLimit: false);
        }
    }

    private static string Describe(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 40) - (...): "; the location is reported separately.
        var marker = message.LastIndexOf("): ", StringComparison.Ordinal);
        return marker >= 0 ? message.Substring(marker + 3) : message;
    }
}

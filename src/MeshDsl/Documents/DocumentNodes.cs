using System;
using System.Collections.Generic;

namespace MeshDsl.Documents;

/// <summary>
/// Conversions from typed values to document nodes, shaped as method groups so that generated code
/// can pass them to <see cref="DocumentMap.SetList{T}"/> and <see cref="DocumentMap.SetMap{T}"/>.
/// </summary>
public static class DocumentNodes
{
    /// <summary>A string scalar.</summary>
    public static DocumentNode From(string value) => DocumentScalar.String(value);

    /// <summary>An integer scalar.</summary>
    public static DocumentNode From(int value) => DocumentScalar.Integer(value);

    /// <summary>An integer scalar.</summary>
    public static DocumentNode From(uint value) => DocumentScalar.Integer(value);

    /// <summary>An integer scalar.</summary>
    public static DocumentNode From(long value) => DocumentScalar.Integer(value);

    /// <summary>A number scalar.</summary>
    public static DocumentNode From(double value) => DocumentScalar.Number(value);

    /// <summary>A boolean scalar.</summary>
    public static DocumentNode From(bool value) => DocumentScalar.Boolean(value);

    /// <summary>An object's map.</summary>
    public static DocumentNode From(IDocumentObject value) => value.ToDocument();

    /// <summary>A value that converts itself.</summary>
    public static DocumentNode FromValue<T>(T value)
        where T : struct, IDocumentValue => value.ToNode();

    /// <summary>An enum's wire string.</summary>
    public static DocumentNode FromEnum<TEnum>(TEnum value)
        where TEnum : struct, Enum => DocumentScalar.String(EnumWireNames<TEnum>.ToWire(value));

    /// <summary>A list, converting each item.</summary>
    public static DocumentList List<T>(IEnumerable<T> items, Func<T, DocumentNode> convert)
    {
        var list = new DocumentList();
        foreach (var item in items)
        {
            list.Add(item is null ? DocumentScalar.Null : convert(item));
        }

        return list;
    }

    /// <summary>A map, converting each value.</summary>
    public static DocumentMap Map<T>(IEnumerable<KeyValuePair<string, T>> entries, Func<T, DocumentNode> convert)
    {
        var map = new DocumentMap();
        foreach (var entry in entries)
        {
            map.Add(entry.Key, entry.Value is null ? DocumentScalar.Null : convert(entry.Value));
        }

        return map;
    }
}

using System;
using System.Collections.Generic;

namespace MeshDsl.Documents;

// The setters generated models call from ToDocument(). Each skips an absent (null) value, so a field
// that was never set never reaches the wire, while an empty list or map that was set does.
public sealed partial class DocumentMap
{
    /// <summary>Adds a string field when set.</summary>
    public void Set(string key, string? value)
    {
        if (value is not null)
        {
            Add(key, DocumentScalar.String(value));
        }
    }

    /// <summary>Adds an integer field when set.</summary>
    public void Set(string key, int? value)
    {
        if (value is { } set)
        {
            Add(key, DocumentScalar.Integer(set));
        }
    }

    /// <summary>Adds an unsigned integer field when set.</summary>
    public void Set(string key, uint? value)
    {
        if (value is { } set)
        {
            Add(key, DocumentScalar.Integer(set));
        }
    }

    /// <summary>Adds an integer field when set.</summary>
    public void Set(string key, long? value)
    {
        if (value is { } set)
        {
            Add(key, DocumentScalar.Integer(set));
        }
    }

    /// <summary>Adds an unsigned integer field when set.</summary>
    public void Set(string key, ulong? value)
    {
        if (value is { } set)
        {
            Add(key, DocumentScalar.Integer(set));
        }
    }

    /// <summary>Adds a number field when set.</summary>
    public void Set(string key, double? value)
    {
        if (value is { } set)
        {
            Add(key, DocumentScalar.Number(set));
        }
    }

    /// <summary>Adds a boolean field when set.</summary>
    public void Set(string key, bool? value)
    {
        if (value is { } set)
        {
            Add(key, DocumentScalar.Boolean(set));
        }
    }

    /// <summary>Adds an object field when set.</summary>
    public void Set(string key, IDocumentObject? value)
    {
        if (value is not null)
        {
            Add(key, value.ToDocument());
        }
    }

    /// <summary>Adds a field whose value converts itself (durations, int-or-string, free-form values).</summary>
    public void Set<T>(string key, T? value)
        where T : struct, IDocumentValue
    {
        if (value is { } set)
        {
            Add(key, set.ToNode());
        }
    }

    /// <summary>Adds an enum field when set, written as its exact wire string.</summary>
    public void SetEnum<TEnum>(string key, TEnum? value)
        where TEnum : struct, Enum
    {
        if (value is { } set)
        {
            Add(key, DocumentScalar.String(EnumWireNames<TEnum>.ToWire(set)));
        }
    }

    /// <summary>Adds a list field when set, converting each item.</summary>
    public void SetList<T>(string key, IEnumerable<T>? items, Func<T, DocumentNode> convert)
    {
        if (items is not null)
        {
            Add(key, DocumentNodes.List(items, convert));
        }
    }

    /// <summary>Adds a map field when set, converting each value; keys keep their insertion order.</summary>
    public void SetMap<T>(string key, IEnumerable<KeyValuePair<string, T>>? entries, Func<T, DocumentNode> convert)
    {
        if (entries is not null)
        {
            Add(key, DocumentNodes.Map(entries, convert));
        }
    }
}

using System;
using System.Collections;
using System.Collections.Generic;

namespace MeshDsl.Documents;

/// <summary>
/// A node of a Kubernetes document: a map, a list or a scalar. Every resource, whether built in C#,
/// read from YAML or folded from a builder chain by an analyzer, becomes one tree of these nodes, and
/// every check runs on that tree.
/// </summary>
public abstract class DocumentNode
{
    private protected DocumentNode()
    {
    }

    /// <summary>Where this value was set in C#, when a builder recorded it.</summary>
    public SourceLocation? DeclaredAt { get; set; }
}

/// <summary>A map with string keys, in insertion order.</summary>
public sealed partial class DocumentMap : DocumentNode, IEnumerable<KeyValuePair<string, DocumentNode>>
{
    private readonly List<KeyValuePair<string, DocumentNode>> _entries = new();

    /// <summary>The number of entries.</summary>
    public int Count => _entries.Count;

    /// <summary>The value under <paramref name="key"/>, or <see langword="null"/> when absent.</summary>
    public DocumentNode? this[string key]
    {
        get
        {
            foreach (var entry in _entries)
            {
                if (entry.Key == key)
                {
                    return entry.Value;
                }
            }

            return null;
        }
    }

    /// <summary>Adds an entry; keys are unique, so adding an existing key replaces its value.</summary>
    public void Add(string key, DocumentNode value)
    {
        // Spelled out rather than ThrowIfNull: this file is also compiled into the netstandard2.0 analyzers.
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        for (var i = 0; i < _entries.Count; i++)
        {
            if (_entries[i].Key == key)
            {
                _entries[i] = new KeyValuePair<string, DocumentNode>(key, value);
                return;
            }
        }

        _entries.Add(new KeyValuePair<string, DocumentNode>(key, value));
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, DocumentNode>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A list of nodes.</summary>
public sealed class DocumentList : DocumentNode, IReadOnlyList<DocumentNode>
{
    private readonly List<DocumentNode> _items = new();

    /// <summary>The number of items.</summary>
    public int Count => _items.Count;

    /// <summary>The item at <paramref name="index"/>.</summary>
    public DocumentNode this[int index] => _items[index];

    /// <summary>Appends an item.</summary>
    public void Add(DocumentNode item) => _items.Add(item ?? throw new ArgumentNullException(nameof(item)));

    /// <inheritdoc />
    public IEnumerator<DocumentNode> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

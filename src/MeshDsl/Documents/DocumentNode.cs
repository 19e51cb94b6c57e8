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
    // Its own array rather than a List: maps are the most numerous objects of a document (and of the analyzers'
    // folding, which makes one per builder lambda), and most hold a handful of entries.
    private static readonly KeyValuePair<string, DocumentNode>[] NoEntries = new KeyValuePair<string, DocumentNode>[0];
    private KeyValuePair<string, DocumentNode>[] _entries = NoEntries;
    private int _count;

    /// <summary>The number of entries.</summary>
    public int Count => _count;

    /// <summary>The value under <paramref name="key"/>, or <see langword="null"/> when absent.</summary>
    public DocumentNode? this[string key]
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                if (_entries[i].Key == key)
                {
                    return _entries[i].Value;
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

        for (var i = 0; i < _count; i++)
        {
            if (_entries[i].Key == key)
            {
                _entries[i] = new KeyValuePair<string, DocumentNode>(key, value);
                return;
            }
        }

        if (_count == _entries.Length)
        {
            var larger = new KeyValuePair<string, DocumentNode>[_count == 0 ? 4 : _count * 2];
            Array.Copy(_entries, larger, _count);
            _entries = larger;
        }

        _entries[_count++] = new KeyValuePair<string, DocumentNode>(key, value);
    }

    /// <summary>The entries in insertion order; a struct, so a <c>foreach</c> over a map allocates nothing.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<string, DocumentNode>> IEnumerable<KeyValuePair<string, DocumentNode>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Enumerates a map's entries in insertion order.</summary>
    public struct Enumerator : IEnumerator<KeyValuePair<string, DocumentNode>>
    {
        private readonly DocumentMap _map;
        private int _index;

        internal Enumerator(DocumentMap map)
        {
            _map = map;
            _index = -1;
        }

        /// <inheritdoc />
        public readonly KeyValuePair<string, DocumentNode> Current => _map._entries[_index];

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc />
        public bool MoveNext() => ++_index < _map._count;

        /// <inheritdoc />
        public void Reset() => _index = -1;

        /// <inheritdoc />
        public readonly void Dispose()
        {
        }
    }
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

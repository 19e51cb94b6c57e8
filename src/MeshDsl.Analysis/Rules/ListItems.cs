using MeshDsl.Documents;

namespace MeshDsl.Analysis.Rules;

// The items of list fields as rules walk them, with their indexes. These are struct enumerables rather than iterators or
// lists: the rules run on every resource inside the compiler, where an iterator object and a path string per call add
// up to much of the analyzer's garbage, and value-tuple sequences make the JIT compile fresh generic code at every start.

/// <summary>The map items of a list field with their indexes (other items skipped); empty when the field is not a list.</summary>
internal readonly struct MapItems
{
    private readonly DocumentList? _list;

    public MapItems(DocumentList? list) => _list = list;

    public Enumerator GetEnumerator() => new(_list);

    public struct Enumerator
    {
        private readonly DocumentList? _list;
        private int _index;

        public Enumerator(DocumentList? list)
        {
            _list = list;
            _index = -1;
            Current = default;
        }

        public MapItem Current { get; private set; }

        public bool MoveNext()
        {
            while (_list is not null && ++_index < _list.Count)
            {
                if (_list[_index] is DocumentMap map)
                {
                    Current = new MapItem(_index, map);
                    return true;
                }
            }

            return false;
        }
    }
}

/// <summary>A map item of a list field and its index.</summary>
internal readonly struct MapItem(int index, DocumentMap map)
{
    public int Index => index;

    public DocumentMap Map => map;

    public void Deconstruct(out int index, out DocumentMap map)
    {
        index = Index;
        map = Map;
    }
}

/// <summary>
/// The known string items of a list field with their indexes (unknown and other items skipped, and <c>except</c> when
/// given); empty when the field is not a list.
/// </summary>
internal readonly struct StringItems
{
    private readonly DocumentList? _list;
    private readonly Facts _facts;
    private readonly string? _except;

    public StringItems(DocumentList? list, Facts facts, string? except)
    {
        _list = list;
        _facts = facts;
        _except = except;
    }

    public Enumerator GetEnumerator() => new(this);

    public struct Enumerator
    {
        private readonly StringItems _items;
        private int _index;

        public Enumerator(StringItems items)
        {
            _items = items;
            _index = -1;
            Current = default;
        }

        public StringItem Current { get; private set; }

        public bool MoveNext()
        {
            var list = _items._list;
            while (list is not null && ++_index < list.Count)
            {
                if (list[_index] is DocumentScalar { Kind: ScalarKind.String } scalar && _items._facts.IsKnown(scalar) && scalar.Text != _items._except)
                {
                    Current = new StringItem(scalar.Text, _index, scalar);
                    return true;
                }
            }

            return false;
        }
    }
}

/// <summary>A known string item of a list field, its index and its node.</summary>
internal readonly struct StringItem(string value, int index, DocumentNode node)
{
    public string Value => value;

    public int Index => index;

    public DocumentNode Node => node;

    public void Deconstruct(out string value, out int index, out DocumentNode node)
    {
        value = Value;
        index = Index;
        node = Node;
    }
}

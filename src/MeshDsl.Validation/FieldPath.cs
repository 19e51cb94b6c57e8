using System.Collections.Generic;
using System.Text;

namespace MeshDsl.Validation;

/// <summary>A field path built as the validator descends, turned into text only when a finding needs it.</summary>
internal sealed class FieldPath
{
    private readonly FieldPath? _parent;
    private readonly string? _name;
    private readonly int _index;

    private FieldPath(FieldPath? parent, string? name, int index)
    {
        _parent = parent;
        _name = name;
        _index = index;
    }

    public static FieldPath Root { get; } = new(null, null, -1);

    public FieldPath Field(string name) => new(this, name, -1);

    public FieldPath Item(int index) => new(this, null, index);

    // produces: spec.http[0].route[1].weight
    public override string ToString()
    {
        var parts = new Stack<FieldPath>();
        for (var node = this; node._parent is not null; node = node._parent)
        {
            parts.Push(node);
        }

        var text = new StringBuilder();
        foreach (var part in parts)
        {
            if (part._name is null)
            {
                text.Append('[').Append(part._index).Append(']');
            }
            else
            {
                if (text.Length > 0)
                {
                    text.Append('.');
                }

                text.Append(part._name);
            }
        }

        return text.ToString();
    }
}

using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace MeshDsl.Analysis;

/// <summary>
/// Objects by identity. Document nodes: two equal scalars written in two places are two nodes with two locations.
/// Symbols: within one compilation a symbol is one object, so identity is a cheaper key than symbol equality.
/// </summary>
internal sealed class ReferenceComparer<T> : IEqualityComparer<T>
    where T : class
{
    public static readonly ReferenceComparer<T> Instance = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}

using System.Collections.Generic;
using System.Runtime.CompilerServices;
using MeshDsl.Documents;

namespace MeshDsl.Analysis;

/// <summary>Nodes by identity: two equal scalars written in two places are two nodes with two locations.</summary>
internal sealed class NodeReferenceComparer : IEqualityComparer<DocumentNode>
{
    public static readonly NodeReferenceComparer Instance = new();

    public bool Equals(DocumentNode? x, DocumentNode? y) => ReferenceEquals(x, y);

    public int GetHashCode(DocumentNode obj) => RuntimeHelpers.GetHashCode(obj);
}

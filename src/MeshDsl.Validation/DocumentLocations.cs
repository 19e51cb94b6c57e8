using MeshDsl.Documents;

namespace MeshDsl.Validation;

/// <summary>Fills in locations a builder could not record (values set through <c>params</c> overloads) from the nearest parent.</summary>
public static class DocumentLocations
{
    /// <summary>Gives every node of <paramref name="node"/> without a location its parent's.</summary>
    public static void Inherit(DocumentNode node, SourceLocation? parent = null)
    {
        node.DeclaredAt ??= parent;
        switch (node)
        {
            case DocumentMap map:
                foreach (var entry in map)
                {
                    Inherit(entry.Value, node.DeclaredAt);
                }

                break;
            case DocumentList list:
                foreach (var item in list)
                {
                    Inherit(item, node.DeclaredAt);
                }

                break;
        }
    }
}

namespace MeshDsl.Documents;

/// <summary>A value type that knows its wire form (durations, int-or-string, free-form values).</summary>
public interface IDocumentValue
{
    /// <summary>The value as a document node.</summary>
    DocumentNode ToNode();
}

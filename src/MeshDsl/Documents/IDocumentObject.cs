namespace MeshDsl.Documents;

/// <summary>A typed object that writes itself as a document map (generated models implement it).</summary>
public interface IDocumentObject
{
    /// <summary>The object as a document map: set fields only, in schema order.</summary>
    DocumentMap ToDocument();
}

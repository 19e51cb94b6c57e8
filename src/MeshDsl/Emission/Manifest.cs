using MeshDsl.Documents;

namespace MeshDsl.Emission;

/// <summary>One resource ready to write: its identity, its document and where it was declared.</summary>
public sealed record Manifest(string ApiVersion, string Kind, string? Namespace, string Name, DocumentMap Document, SourceLocation? DeclaredAt)
{
    /// <summary><c>Kind namespace/name</c>, or <c>Kind name</c> for cluster-scoped resources.</summary>
    public string Id => Namespace is null ? $"{Kind} {Name}" : $"{Kind} {Namespace}/{Name}";
}

/// <summary>An emit-time problem, located at the C# line that caused it when known.</summary>
public sealed record EmitError(string Code, string Message, SourceLocation? At)
{
    /// <summary>MSBuild's canonical format: <c>File.cs(12,1): error MESH0101: message</c>.</summary>
    public override string ToString()
    {
        var origin = At?.ToOrigin();
        return string.IsNullOrEmpty(origin) ? $"meshdsl : error {Code}: {Message}" : $"{origin}: error {Code}: {Message}";
    }
}

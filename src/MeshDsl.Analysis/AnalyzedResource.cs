using MeshDsl.Documents;

namespace MeshDsl.Analysis;

/// <summary>One Kubernetes object under analysis: its document tree and its identity.</summary>
internal sealed class AnalyzedResource
{
    public AnalyzedResource(DocumentMap root)
    {
        Root = root;
        ApiVersion = (root["apiVersion"] as DocumentScalar)?.Text ?? string.Empty;
        Group = ApiVersion.IndexOf('/') is var slash and > 0 ? ApiVersion.Substring(0, slash) : string.Empty;
        Kind = (root["kind"] as DocumentScalar)?.Text ?? string.Empty;
        var metadata = root["metadata"] as DocumentMap;
        Name = (metadata?["name"] as DocumentScalar)?.Text ?? string.Empty;
        Namespace = (metadata?["namespace"] as DocumentScalar)?.Text;
    }

    public DocumentMap Root { get; }

    public string ApiVersion { get; }

    /// <summary>The API group: <c>networking.istio.io</c>, or empty for core objects (<c>v1</c>).</summary>
    public string Group { get; }

    public string Kind { get; }

    public string Name { get; }

    /// <summary><c>metadata.namespace</c>; null when not set (or not known).</summary>
    public string? Namespace { get; }

    public DocumentMap? Spec => Root["spec"] as DocumentMap;

    /// <summary>Is this an Istio kind (any version) of <paramref name="kind"/>?</summary>
    public bool IsIstio(string kind) => Kind == kind && Group.EndsWith(".istio.io", System.StringComparison.Ordinal);

    /// <summary><c>VirtualService default/reviews</c>, as findings name resources.</summary>
    public override string ToString() => $"{Kind} {Namespace ?? "-"}/{Name}";
}

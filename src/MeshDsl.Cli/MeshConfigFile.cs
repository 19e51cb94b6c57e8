using System.IO;
using System.Linq;
using MeshDsl.Documents;
using MeshDsl.Validation;

namespace MeshDsl.Cli;

/// <summary>
/// The MeshConfig fields <c>analyze</c> uses, read from a bare MeshConfig document (top-level fields, what
/// istioctl's --meshConfigFile takes) or from Istio's <c>istio</c> ConfigMap, whose <c>data.mesh</c> holds the
/// MeshConfig as a YAML string. Only <c>rootNamespace</c> is read today.
/// </summary>
internal static class MeshConfigFile
{
    /// <summary>Istio's root namespace when MeshConfig leaves it empty (istiod's own namespace in a default install).</summary>
    public const string DefaultRootNamespace = "istio-system";

    /// <summary>The first ConfigMap with <c>data.mesh</c>, or the first document without a kind, decides.</summary>
    public static bool TryReadRootNamespace(string path, out string rootNamespace, out string problem)
    {
        rootNamespace = DefaultRootNamespace;
        problem = string.Empty;
        if (!File.Exists(path))
        {
            problem = $"--mesh-config '{path}' does not exist";
            return false;
        }

        var documents = YamlDocuments.Read(path, File.ReadAllText(path));
        if (documents.FirstOrDefault(d => d.Root is null) is { } broken)
        {
            problem = $"--mesh-config '{path}' is not valid YAML: {broken.Error}";
            return false;
        }

        foreach (var root in documents.Select(d => d.Root).OfType<DocumentMap>())
        {
            if (root["kind"] is null)
            {
                return TryReadMeshConfig(root, path, out rootNamespace, out problem);
            }

            if (IsConfigMap(root) && (root["data"] as DocumentMap)?["mesh"] is { } mesh)
            {
                return TryReadEmbedded(mesh, path, out rootNamespace, out problem);
            }
        }

        problem = $"--mesh-config '{path}' holds neither a MeshConfig nor a ConfigMap with data.mesh";
        return false;
    }

    private static bool IsConfigMap(DocumentMap root) =>
        (root["kind"] as DocumentScalar)?.Text == "ConfigMap" && (root["apiVersion"] as DocumentScalar)?.Text == "v1";

    // data.mesh is MeshConfig written as a YAML string inside the ConfigMap.
    private static bool TryReadEmbedded(DocumentNode mesh, string path, out string rootNamespace, out string problem)
    {
        rootNamespace = DefaultRootNamespace;
        problem = string.Empty;
        if (mesh is not DocumentScalar { Kind: ScalarKind.String or ScalarKind.Null } text)
        {
            problem = $"--mesh-config '{path}': data.mesh must be MeshConfig as a YAML string";
            return false;
        }

        var documents = text.Kind == ScalarKind.Null ? System.Array.Empty<YamlDocument>() : YamlDocuments.Read(path + " (data.mesh)", text.Text).ToArray();
        if (documents.FirstOrDefault(d => d.Root is not DocumentMap) is { } broken)
        {
            problem = $"--mesh-config '{path}': data.mesh is not a MeshConfig map{(broken.Error is null ? string.Empty : ": " + broken.Error)}";
            return false;
        }

        return documents.Length == 0 || TryReadMeshConfig((DocumentMap)documents[0].Root!, path, out rootNamespace, out problem);
    }

    private static bool TryReadMeshConfig(DocumentMap meshConfig, string path, out string rootNamespace, out string problem)
    {
        rootNamespace = DefaultRootNamespace;
        problem = string.Empty;
        switch (meshConfig["rootNamespace"])
        {
            case null or DocumentScalar { Kind: ScalarKind.Null }:
                return true;
            case DocumentScalar { Kind: ScalarKind.String } name:
                rootNamespace = name.Text.Length == 0 ? DefaultRootNamespace : name.Text;
                return true;
            default:
                problem = $"--mesh-config '{path}': rootNamespace must be a namespace name";
                return false;
        }
    }
}

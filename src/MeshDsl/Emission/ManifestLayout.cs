using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace MeshDsl.Emission;

/// <summary>How manifests are laid out in the output folder.</summary>
public enum ManifestLayout
{
    /// <summary>One file per resource (the default), named <c>NN-kind.namespace.name.yaml</c>.</summary>
    FilePerResource,

    /// <summary>One multi-document file, <c>manifests.yaml</c>.</summary>
    SingleFile,
}

/// <summary>
/// Turns manifests into file contents: a stable order (namespaces and core objects first, routes last, so
/// that a DestinationRule exists before the VirtualService that routes to its subsets), file names that
/// sort in that order for <c>kubectl apply -f</c>, and a <c>kustomization.yaml</c> for <c>kubectl apply -k</c>.
/// </summary>
public static class ManifestLayouts
{
    /// <summary>The kustomization's file name.</summary>
    public const string KustomizationFile = "kustomization.yaml";

    /// <summary>The file of the single-file layout.</summary>
    public const string SingleFileName = "manifests.yaml";

    // Lower ranks are applied first. Kinds not listed rank 50; VirtualService comes after what it routes to.
    private static readonly Dictionary<string, int> Ranks = new(StringComparer.Ordinal)
    {
        ["Namespace"] = 10,
        ["CustomResourceDefinition"] = 15,
        ["ServiceAccount"] = 20,
        ["ConfigMap"] = 20,
        ["Secret"] = 20,
        ["Service"] = 30,
        ["Deployment"] = 40,
        ["StatefulSet"] = 40,
        ["DaemonSet"] = 40,
        ["VirtualService"] = 60,
    };

    /// <summary>The manifests in apply order: rank, then kind, namespace and name (ordinal).</summary>
    public static IReadOnlyList<Manifest> Sort(IEnumerable<Manifest> manifests) =>
        manifests
            .OrderBy(Rank)
            .ThenBy(m => m.Kind, StringComparer.Ordinal)
            .ThenBy(m => m.Namespace ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(m => m.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>File name → content for <paramref name="layout"/>, the kustomization last.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Render(IEnumerable<Manifest> manifests, ManifestLayout layout)
    {
        var sorted = Sort(manifests);
        var files = new List<KeyValuePair<string, string>>();
        if (layout == ManifestLayout.SingleFile)
        {
            var text = new StringBuilder();
            foreach (var manifest in sorted)
            {
                text.Append("---\n").Append(ManifestWriter.Write(manifest.Document));
            }

            files.Add(new(SingleFileName, text.ToString()));
        }
        else
        {
            files.AddRange(sorted.Select(m => new KeyValuePair<string, string>(FileName(m), ManifestWriter.Write(m.Document))));
        }

        var kustomization = new StringBuilder("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n");
        foreach (var file in files)
        {
            kustomization.Append("- ").Append(file.Key).Append('\n');
        }

        files.Add(new(KustomizationFile, kustomization.ToString()));
        return files;
    }

    /// <summary><c>50-destinationrule.default.reviews.yaml</c>; cluster-scoped: <c>10-namespace.prod.yaml</c>.</summary>
    public static string FileName(Manifest manifest)
    {
        var kind = manifest.Kind.ToLowerInvariant();
        var rank = Rank(manifest).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
        return manifest.Namespace is null ? $"{rank}-{kind}.{Safe(manifest.Name)}.yaml" : $"{rank}-{kind}.{Safe(manifest.Namespace)}.{Safe(manifest.Name)}.yaml";
    }

    private static int Rank(Manifest manifest) => Ranks.TryGetValue(manifest.Kind, out var rank) ? rank : 50;

    // Kubernetes names are DNS-safe already; anything else becomes '_' so a name can never escape the folder.
    private static string Safe(string name) =>
        new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? char.ToLowerInvariant(c) : '_').ToArray()).Trim('.');
}

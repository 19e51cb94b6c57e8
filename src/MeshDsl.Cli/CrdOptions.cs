using System.Collections.Generic;
using System.IO;
using MeshDsl.Validation;

namespace MeshDsl.Cli;

/// <summary>
/// The CRDs that <c>validate</c> and <c>emit</c> check documents against: Istio's bundle embedded in
/// MeshDsl.Validation, unless <c>--no-embedded-crds</c> (a project that generates another Istio release), plus every
/// <c>--crd</c> file, whose kinds replace embedded ones of the same apiVersion.
/// </summary>
internal static class CrdOptions
{
    /// <summary>The catalog, or null with <paramref name="problem"/> naming the <c>--crd</c> file that holds no readable CRD.</summary>
    public static CrdCatalog? Catalog(IReadOnlyDictionary<string, string> options, out string problem)
    {
        problem = string.Empty;
        var catalog = options.ContainsKey("--no-embedded-crds") ? new CrdCatalog() : CrdCatalog.Istio();
        foreach (var file in CommandLine.Values(options, "--crd"))
        {
            if (!File.Exists(file) || catalog.Add(file, File.ReadAllText(file)) == 0)
            {
                problem = $"--crd '{file}' is not a readable CustomResourceDefinition file";
                return null;
            }
        }

        return catalog;
    }
}

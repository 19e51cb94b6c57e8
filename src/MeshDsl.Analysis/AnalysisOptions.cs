using System;
using System.Collections.Generic;
using System.Linq;

namespace MeshDsl.Analysis;

/// <summary>
/// What the rules need to know about the mesh beyond the resources: MeshConfig's root namespace, the namespaces
/// treated as production, and hosts that live outside the analyzed set.
/// </summary>
internal sealed class AnalysisOptions
{
    public static AnalysisOptions Default { get; } = new();

    /// <summary>MeshConfig's <c>rootNamespace</c>: policies there apply mesh-wide.</summary>
    public string RootNamespace { get; init; } = "istio-system";

    /// <summary>Namespaces where PERMISSIVE mTLS is reported (MESH1049).</summary>
    public IReadOnlyCollection<string> ProductionNamespaces { get; init; } = Array.Empty<string>();

    /// <summary>Hosts that exist outside the analyzed set (other repositories, the cluster): route checks accept them.</summary>
    public IReadOnlyCollection<string> ExternalHosts { get; init; } = Array.Empty<string>();

    /// <summary>Splits a comma- or semicolon-separated list, as MSBuild properties and .editorconfig values hold them.</summary>
    public static IReadOnlyCollection<string> ParseList(string? value) =>
        value is null ? Array.Empty<string>() : value.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries).Select(v => v.Trim()).Where(v => v.Length > 0).ToArray();
}

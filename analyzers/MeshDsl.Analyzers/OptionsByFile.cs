using System.Collections.Concurrent;
using MeshDsl.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MeshDsl.Analyzers;

/// <summary>
/// The analysis options of each file, read once per file: <c>.editorconfig</c> keys (<c>meshdsl_root_namespace</c>,
/// <c>meshdsl_production_namespaces</c>, <c>meshdsl_external_hosts</c>), which may differ per file, win over the
/// project's MSBuild properties (MeshDslRootNamespace, MeshDslProductionNamespaces, MeshDslExternalHosts).
/// </summary>
internal sealed class OptionsByFile
{
    private readonly AnalyzerConfigOptionsProvider _provider;
    private readonly ConcurrentDictionary<SyntaxTree, AnalysisOptions> _byTree = new();
    private readonly System.Func<SyntaxTree, AnalysisOptions> _read;
    private AnalysisOptions? _project;

    public OptionsByFile(AnalyzerConfigOptionsProvider provider)
    {
        _provider = provider;
        _read = Read;
    }

    public AnalysisOptions For(SyntaxTree? tree) =>
        tree is null ? _project ??= Read(null) : _byTree.GetOrAdd(tree, _read);

    private AnalysisOptions Read(SyntaxTree? tree)
    {
        string? Read(string editorConfigKey, string property)
        {
            if (tree is not null && _provider.GetOptions(tree).TryGetValue(editorConfigKey, out var local) && local.Length > 0)
            {
                return local;
            }

            return _provider.GlobalOptions.TryGetValue(editorConfigKey, out var global) && global.Length > 0 ? global
                : _provider.GlobalOptions.TryGetValue("build_property." + property, out var fromMsBuild) && fromMsBuild.Length > 0 ? fromMsBuild
                : null;
        }

        return new AnalysisOptions
        {
            RootNamespace = Read("meshdsl_root_namespace", "MeshDslRootNamespace") ?? AnalysisOptions.Default.RootNamespace,
            ProductionNamespaces = AnalysisOptions.ParseList(Read("meshdsl_production_namespaces", "MeshDslProductionNamespaces")),
            ExternalHosts = AnalysisOptions.ParseList(Read("meshdsl_external_hosts", "MeshDslExternalHosts")),
        };
    }
}

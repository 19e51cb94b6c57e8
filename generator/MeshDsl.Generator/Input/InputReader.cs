using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MeshDsl.Generator.Input;

/// <summary>Input stage: which AdditionalFiles are CRDs or naming tables, by item metadata, and their text.</summary>
internal static class InputReader
{
    public const string CrdMetadata = "build_metadata.AdditionalFiles.MeshDslCrd";
    public const string NamespaceMetadata = "build_metadata.AdditionalFiles.MeshDslNamespace";
    public const string TypeNamesMetadata = "build_metadata.AdditionalFiles.MeshDslTypeNames";
    public const string NamespaceProperty = "build_property.MeshDslCrdNamespace";
    public const string DefaultNamespace = "MeshDsl.Crds";

    public static CrdFile? ReadCrdFile(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        var fileOptions = options.GetOptions(file);
        if (!IsTrue(fileOptions, CrdMetadata))
        {
            return null;
        }

        var rootNamespace = Value(fileOptions, NamespaceMetadata) ?? Value(options.GlobalOptions, NamespaceProperty) ?? DefaultNamespace;
        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        return new CrdFile(file.Path, text, rootNamespace);
    }

    public static NamingTableFile? ReadNamingTable(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        if (!IsTrue(options.GetOptions(file), TypeNamesMetadata))
        {
            return null;
        }

        return new NamingTableFile(file.Path, file.GetText(cancellationToken)?.ToString() ?? string.Empty);
    }

    private static bool IsTrue(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && string.Equals(value.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);

    private static string? Value(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

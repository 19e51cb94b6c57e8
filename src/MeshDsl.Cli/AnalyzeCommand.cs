using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MeshDsl.Analysis;
using MeshDsl.Documents;

namespace MeshDsl.Cli;

/// <summary>
/// <c>meshdsl analyze</c>: runs the mesh rules (MeshDsl.Analysis) over every Kubernetes object of the inputs, Istio
/// resources and core objects alike, so that Services and Namespaces declared beside the routes count as declared.
/// </summary>
internal static class AnalyzeCommand
{
    /// <summary>The --failure-threshold values, as istioctl analyze names them (with none for never).</summary>
    public static readonly string[] Thresholds = { "error", "warning", "info", "none" };

    public static int Run(IReadOnlyDictionary<string, string> options, IReadOnlyList<string> inputs, TextReader input, TextWriter output, TextWriter error)
    {
        if (!TryReadSettings(options, inputs, out var settings, out var problem))
        {
            error.WriteLine($"meshdsl: {problem}");
            return CommandLine.UsageError;
        }

        var read = InputFiles.DocumentsReportingUnreadable(inputs, input, error);

        var resources = read.Documents.Select(d => d.Root).OfType<DocumentMap>().Where(IsObject).Select(root => new AnalyzedResource(root)).ToList();
        var findings = InReadingOrder(MeshAnalysis.Run(resources, settings.Options, Facts.Complete), resources);
        AnalysisReports.Write(settings.Format, findings, output);
        var count = (RuleSeverity severity) => findings.Count(f => f.Rule.DefaultSeverity == severity);
        var summary = $"meshdsl: {resources.Count} resources, {count(RuleSeverity.Error)} errors, {count(RuleSeverity.Warning)} warnings, {count(RuleSeverity.Info)} info";
        (settings.Format == "text" ? output : error).WriteLine(summary);
        if (read.Incomplete)
        {
            return CommandLine.UsageError;
        }

        return findings.Any(f => settings.FailsOn(f.Rule.DefaultSeverity)) ? CommandLine.Findings : CommandLine.Success;
    }

    private static bool TryReadSettings(IReadOnlyDictionary<string, string> options, IReadOnlyList<string> inputs, out AnalyzeSettings settings, out string problem)
    {
        settings = new AnalyzeSettings("text", AnalysisOptions.Default, "warning");
        var format = options.TryGetValue("--output", out var requested) ? requested : "text";
        var threshold = options.TryGetValue("--failure-threshold", out var level) ? level : "warning";
        var rootNamespace = MeshConfigFile.DefaultRootNamespace;
        problem = inputs.Count == 0 ? "analyze needs files, folders or - for standard input"
            : !FindingReports.Formats.Contains(format) ? $"--output is one of {string.Join(", ", FindingReports.Formats)}, not '{format}'"
            : !Thresholds.Contains(threshold) ? $"--failure-threshold is one of {string.Join(", ", Thresholds)}, not '{threshold}'"
            : string.Empty;
        if (problem.Length > 0 || (options.TryGetValue("--mesh-config", out var meshConfig) && !MeshConfigFile.TryReadRootNamespace(meshConfig, out rootNamespace, out problem)))
        {
            return false;
        }

        var analysis = new AnalysisOptions
        {
            RootNamespace = rootNamespace,
            ProductionNamespaces = AnalysisOptions.ParseList(options.GetValueOrDefault("--production-namespaces")),
            ExternalHosts = AnalysisOptions.ParseList(options.GetValueOrDefault("--external-hosts")),
        };
        settings = new AnalyzeSettings(format, analysis, threshold);
        return true;
    }

    // A Kubernetes object names its kind; other maps (a stray values file) are not resources.
    private static bool IsObject(DocumentMap root) => root["kind"] is DocumentScalar { Kind: ScalarKind.String, Text.Length: > 0 };

    // Findings by resource in reading order, then by line and column; rules report resource by resource, then over the set.
    private static List<AnalysisFinding> InReadingOrder(List<AnalysisFinding> findings, List<AnalyzedResource> resources)
    {
        var order = new Dictionary<AnalyzedResource, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < resources.Count; i++)
        {
            order[resources[i]] = i;
        }

        return findings
            .OrderBy(f => order.TryGetValue(f.Resource, out var index) ? index : int.MaxValue)
            .ThenBy(f => AnalysisReports.At(f)?.Line ?? 0)
            .ThenBy(f => AnalysisReports.At(f)?.Column ?? 0)
            .ThenBy(f => f.Rule.Id, StringComparer.Ordinal)
            .ToList();
    }

    private sealed record AnalyzeSettings(string Format, AnalysisOptions Options, string Threshold)
    {
        // error fails on errors; warning on warnings and errors; info on anything; none never.
        public bool FailsOn(RuleSeverity severity) => Threshold switch
        {
            "error" => severity == RuleSeverity.Error,
            "warning" => severity is RuleSeverity.Error or RuleSeverity.Warning,
            "info" => true,
            _ => false,
        };
    }
}

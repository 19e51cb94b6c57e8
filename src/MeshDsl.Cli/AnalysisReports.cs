using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using MeshDsl.Analysis;

namespace MeshDsl.Cli;

/// <summary>
/// Writes <c>analyze</c>'s findings as text (one line each), JSON (an array) or SARIF 2.1.0. Every finding is
/// located at the YAML node it is about (<see cref="Documents.DocumentNode.DeclaredAt"/>).
/// </summary>
internal static class AnalysisReports
{
    public static void Write(string format, IReadOnlyList<AnalysisFinding> findings, TextWriter output) =>
        FindingReports.Write(format, findings, output, Json, Sarif, Line);

    /// <summary>The finding's YAML location: its node's, else its resource's.</summary>
    public static SourceLocation? At(AnalysisFinding finding) => finding.Node.DeclaredAt ?? finding.Resource.Root.DeclaredAt;

    /// <summary>error, warning or info.</summary>
    public static string Severity(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        _ => "info",
    };

    // produces: reviews.yaml:7:5: warning MESH1001 VirtualService default/reviews spec.http[0]: spec.http[0] forwards ... (IST0101)
    private static string Line(AnalysisFinding finding)
    {
        var where = At(finding) is { } at ? $"{at.File}:{at.Line}:{at.Column}" : "-";
        return $"{where}: {Severity(finding.Rule.DefaultSeverity)} {finding.Rule.Id} {finding.Resource} {PathOf(finding)}: {finding.FullMessage}";
    }

    // produces: [{"id":"MESH1001","severity":"warning","code":null,"resource":{"kind":"VirtualService","namespace":"default","name":"reviews"},
    //             "path":"spec.http[0]","message":"...","file":"reviews.yaml","line":7,"column":5,"helpUri":"https://..."}]
    private static string Json(IReadOnlyList<AnalysisFinding> findings) => FindingReports.Render(writer =>
    {
        writer.WriteStartArray();
        foreach (var finding in findings)
        {
            var at = At(finding);
            writer.WriteStartObject();
            writer.WriteString("id", finding.Rule.Id);
            writer.WriteString("severity", Severity(finding.Rule.DefaultSeverity));
            writer.WriteString("code", finding.Rule.IstioCode);
            writer.WritePropertyName("resource");
            WriteResource(writer, finding.Resource);
            writer.WriteString("path", finding.Path);
            writer.WriteString("message", finding.FullMessage);
            writer.WriteString("file", at?.File);
            WriteNumberOrNull(writer, "line", at?.Line);
            WriteNumberOrNull(writer, "column", at?.Column);
            writer.WriteString("helpUri", finding.Rule.HelpLink);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    // SARIF 2.1.0 (OASIS): one run; the driver lists every rule so code-scanning tools can close fixed alerts.
    private static string Sarif(IReadOnlyList<AnalysisFinding> findings) => FindingReports.Render(writer =>
    {
        var rules = MeshAnalysis.Rules.Select(r => r.Descriptor).ToList();
        FindingReports.StartSarifRules(writer);
        foreach (var rule in rules)
        {
            WriteSarifRule(writer, rule);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartArray("results");
        foreach (var finding in findings)
        {
            WriteSarifResult(writer, finding, rules.FindIndex(r => r.Id == finding.Rule.Id));
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static void WriteSarifRule(Utf8JsonWriter writer, RuleDescriptor rule)
    {
        writer.WriteStartObject();
        writer.WriteString("id", rule.Id);
        writer.WriteStartObject("shortDescription");
        writer.WriteString("text", rule.Title);
        writer.WriteEndObject();
        writer.WriteStartObject("fullDescription");
        writer.WriteString("text", rule.Description);
        writer.WriteEndObject();
        writer.WriteString("helpUri", rule.HelpLink);
        writer.WriteStartObject("defaultConfiguration");
        writer.WriteString("level", SarifLevel(rule.DefaultSeverity));
        writer.WriteEndObject();
        writer.WriteStartObject("properties");
        writer.WriteString("category", rule.Category);
        WriteCode(writer, rule.IstioCode);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteSarifResult(Utf8JsonWriter writer, AnalysisFinding finding, int ruleIndex)
    {
        writer.WriteStartObject();
        writer.WriteString("ruleId", finding.Rule.Id);
        if (ruleIndex >= 0)
        {
            writer.WriteNumber("ruleIndex", ruleIndex);
        }

        writer.WriteString("level", SarifLevel(finding.Rule.DefaultSeverity));
        writer.WriteStartObject("message");
        writer.WriteString("text", $"{finding.Resource} {PathOf(finding)}: {finding.FullMessage}");
        writer.WriteEndObject();
        if (At(finding) is { } at && at.File != InputFiles.StandardInput)
        {
            writer.WriteStartArray("locations");
            writer.WriteStartObject();
            writer.WriteStartObject("physicalLocation");
            writer.WriteStartObject("artifactLocation");
            writer.WriteString("uri", ArtifactUri(at.File));
            writer.WriteEndObject();
            writer.WriteStartObject("region");
            writer.WriteNumber("startLine", at.Line);
            writer.WriteNumber("startColumn", at.Column);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        writer.WriteStartObject("properties");
        writer.WritePropertyName("resource");
        WriteResource(writer, finding.Resource);
        writer.WriteString("path", finding.Path);
        WriteCode(writer, finding.Rule.IstioCode);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    // The IST or KIA code, in SARIF property bags only when the rule has one.
    private static void WriteCode(Utf8JsonWriter writer, string? code)
    {
        if (code is not null)
        {
            writer.WriteString("code", code);
        }
    }

    private static void WriteResource(Utf8JsonWriter writer, AnalyzedResource resource)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", resource.Kind);
        writer.WriteString("namespace", resource.Namespace);
        writer.WriteString("name", resource.Name);
        writer.WriteEndObject();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static string SarifLevel(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        _ => "note",
    };

    private static string PathOf(AnalysisFinding finding) => finding.Path.Length == 0 ? "(document)" : finding.Path;

    // A relative path stays a relative reference (SARIF resolves it against the run's working directory); an
    // absolute one becomes a file: URI, as the specification requires of absolute locations.
    private static string ArtifactUri(string file) =>
        Path.IsPathRooted(file)
            ? new Uri(Path.GetFullPath(file)).AbsoluteUri
            : string.Join('/', file.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
}

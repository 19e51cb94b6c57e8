using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using MeshDsl.Validation;

namespace MeshDsl.Cli;

/// <summary>A finding with the resource it is about (<c>Kind namespace/name</c>, when the document says).</summary>
internal sealed record ReportedFinding(ValidationFinding Finding, string? Resource);

/// <summary>Writes findings as text (one line each), JSON (an array) or SARIF 2.1.0 (for code-scanning tools).</summary>
internal static class FindingReports
{
    public static readonly string[] Formats = { "text", "json", "sarif" };

    public static void Write(string format, IReadOnlyList<ReportedFinding> findings, TextWriter output) =>
        Write(format, findings, output, Json, Sarif, reported => reported.Finding.ToString());

    /// <summary>One of <see cref="Formats"/>: the JSON or SARIF document, or a line per item.</summary>
    public static void Write<T>(string format, IReadOnlyList<T> items, TextWriter output, Func<IReadOnlyList<T>, string> json, Func<IReadOnlyList<T>, string> sarif, Func<T, string> line)
    {
        switch (format)
        {
            case "json":
                output.WriteLine(json(items));
                break;
            case "sarif":
                output.WriteLine(sarif(items));
                break;
            default:
                foreach (var item in items)
                {
                    output.WriteLine(line(item));
                }

                break;
        }
    }

    // produces: [{"file":"gw.yaml","line":10,"column":5,"severity":"error","id":"MESH0203","path":"spec.servers[0].port","message":"...","resource":"Gateway default/gw"}]
    private static string Json(IReadOnlyList<ReportedFinding> findings) => Render(writer =>
    {
        writer.WriteStartArray();
        foreach (var (finding, resource) in findings)
        {
            writer.WriteStartObject();
            writer.WriteString("file", finding.At?.File);
            writer.WriteNumber("line", finding.At?.Line ?? 0);
            writer.WriteNumber("column", finding.At?.Column ?? 0);
            writer.WriteString("severity", Severity(finding));
            writer.WriteString("id", finding.Id);
            writer.WriteString("path", finding.Path);
            writer.WriteString("message", finding.Message);
            writer.WriteString("resource", resource);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    /// <summary>Opens a SARIF 2.1.0 log, its one run and the meshdsl driver, up to the start of the driver's rules array.</summary>
    public static void StartSarifRules(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        writer.WriteString("version", "2.1.0");
        writer.WriteStartArray("runs");
        writer.WriteStartObject();
        writer.WriteStartObject("tool");
        writer.WriteStartObject("driver");
        writer.WriteString("name", "meshdsl");
        writer.WriteStartArray("rules");
    }

    private static string Sarif(IReadOnlyList<ReportedFinding> findings) => Render(writer =>
    {
        StartSarifRules(writer);
        foreach (var id in findings.Select(f => f.Finding.Id).Distinct().OrderBy(id => id, System.StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartArray("results");
        foreach (var (finding, resource) in findings)
        {
            writer.WriteStartObject();
            writer.WriteString("ruleId", finding.Id);
            writer.WriteString("level", Severity(finding));
            writer.WriteStartObject("message");
            writer.WriteString("text", $"{(resource is null ? string.Empty : resource + " ")}{finding.Path}: {finding.Message}");
            writer.WriteEndObject();
            if (finding.At is { } at)
            {
                writer.WriteStartArray("locations");
                writer.WriteStartObject();
                writer.WriteStartObject("physicalLocation");
                writer.WriteStartObject("artifactLocation");
                writer.WriteString("uri", at.File.Replace('\\', '/'));
                writer.WriteEndObject();
                writer.WriteStartObject("region");
                writer.WriteNumber("startLine", at.Line);
                writer.WriteNumber("startColumn", at.Column);
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static string Severity(ValidationFinding finding) => finding.Severity == FindingSeverity.Error ? "error" : "warning";

    /// <summary>Indented JSON, non-ASCII and HTML characters unescaped (reports are read by people too).</summary>
    public static string Render(System.Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

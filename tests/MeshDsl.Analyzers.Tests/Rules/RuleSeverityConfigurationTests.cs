using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace MeshDsl.Analyzers.Tests.Rules;

/// <summary>A mesh rule's severity set in .editorconfig (<c>dotnet_diagnostic.MESH1001.severity</c>) is what the build sees.</summary>
public sealed class RuleSeverityConfigurationTests
{
    private const string Http = """Http(r => r.Route(d => d.Destination(x => x.Host("reviews"))))""";

    [Theory]
    [InlineData(null, DiagnosticSeverity.Warning)] // without configuration: a warning
    [InlineData("error", DiagnosticSeverity.Error)] // error: an error
    [InlineData("suggestion", DiagnosticSeverity.Info)] // suggestion: info
    public Task A_route_without_timeout_is_reported_with_the_configured_severity(string? configured, DiagnosticSeverity severity) =>
        ConfiguredVerify.AnalyzerWithSeverities(
            Snippet.Routes("reviews", ".{|#0:" + Http + "|}"),
            configured is null ? null : $"dotnet_diagnostic.MESH1001.severity = {configured}\n",
            new[] { new DiagnosticResult("MESH1001", severity).WithLocation(0) },
            "MESH1001");

    [Fact]
    public Task Severity_none_silences_the_rule() => Verify.AnalyzerWithOptions(
        Snippet.Routes("reviews", "." + Http),
        "dotnet_diagnostic.MESH1001.severity = none\n",
        "MESH1001");
}

using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace MeshDsl.Analyzers.Tests.Rules;

/// <summary>A mesh rule's severity set in .editorconfig (<c>dotnet_diagnostic.MESH1001.severity</c>) is what the build sees.</summary>
public sealed class RuleSeverityConfigurationTests
{
    private const string RouteWithoutTimeout = """
        class Routes
        {
            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Namespace("shop")
                .Hosts("reviews")
                .{|#0:Http(r => r.Route(d => d.Destination(x => x.Host("reviews"))))|});
        }
        """;

    [Fact]
    public Task Without_configuration_the_rule_is_a_warning() => ConfiguredVerify.AnalyzerWithSeverities(
        RouteWithoutTimeout,
        editorConfig: null,
        new[] { new DiagnosticResult("MESH1001", DiagnosticSeverity.Warning).WithLocation(0) },
        "MESH1001");

    [Fact]
    public Task Severity_none_silences_the_rule() => Verify.AnalyzerWithOptions(
        RouteWithoutTimeout.Replace("{|#0:", string.Empty).Replace("|}", string.Empty),
        "dotnet_diagnostic.MESH1001.severity = none\n",
        "MESH1001");

    [Fact]
    public Task Severity_error_makes_the_rule_an_error() => ConfiguredVerify.AnalyzerWithSeverities(
        RouteWithoutTimeout,
        "dotnet_diagnostic.MESH1001.severity = error\n",
        new[] { new DiagnosticResult("MESH1001", DiagnosticSeverity.Error).WithLocation(0) },
        "MESH1001");

    [Fact]
    public Task Severity_suggestion_makes_the_rule_info() => ConfiguredVerify.AnalyzerWithSeverities(
        RouteWithoutTimeout,
        "dotnet_diagnostic.MESH1001.severity = suggestion\n",
        new[] { new DiagnosticResult("MESH1001", DiagnosticSeverity.Info).WithLocation(0) },
        "MESH1001");
}

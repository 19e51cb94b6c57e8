using Xunit;

namespace MeshDsl.Validation.Tests;

/// <summary>Istio's webhook-only Telemetry checks (ISTIO-CHECKS.md §B.10): each reports its violation and passes its fix.</summary>
public sealed class TelemetryCheckTests
{
    public static TheoryData<string, string, string, string, FindingSeverity> Cases => new()
    {
        // check, violating spec, passing spec, path, severity
        { "TM04", "tracing: [{providers: [{name: zipkin}]}, {providers: [{name: otel}]}]", "tracing: [{providers: [{name: zipkin}]}]", "spec.tracing", FindingSeverity.Warning },
        { "TM04", "tracing: [{providers: [{name: zipkin}, {name: otel}]}]", "tracing: [{providers: [{name: otel}]}]", "spec.tracing[0].providers", FindingSeverity.Warning },
        { "TM06", "tracing: [{customTags: {\"\": {literal: {value: blue}}}}]", "tracing: [{customTags: {team: {literal: {value: blue}}}}]", "spec.tracing[0].customTags.", FindingSeverity.Error },
        { "TM07", "metrics: [{overrides: [{tagOverrides: {\"\": {operation: REMOVE}}}]}]", "metrics: [{overrides: [{tagOverrides: {request_protocol: {operation: REMOVE}}}]}]", "spec.metrics[0].overrides[0].tagOverrides.", FindingSeverity.Warning },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Violation_is_reported_and_its_fix_passes(string check, string violating, string passing, string path, FindingSeverity severity)
        => WebhookCheckAssert.ReportedAndFixed("MESH0310", "telemetry.istio.io/v1 Telemetry", check, violating, passing, path, severity);
}

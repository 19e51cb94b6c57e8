using System.Collections.Generic;
using Xunit;

namespace MeshDsl.Validation.Tests;

/// <summary>The shape of every webhook-check test: the violating spec gets exactly that check's finding, the fixed spec none.</summary>
internal static class WebhookCheckAssert
{
    /// <summary><paramref name="type"/> is "apiVersion Kind"; <paramref name="check"/> the id that starts the message (VS05, EF03, ...).</summary>
    public static void ReportedAndFixed(string id, string type, string check, string violating, string passing, string path, FindingSeverity severity) =>
        ReportedAndFixed(id, check, path, severity, Validate(type, violating), Validate(type, passing));

    public static void ReportedAndFixed(string id, string check, string path, FindingSeverity severity, IReadOnlyList<ValidationFinding> bad, IReadOnlyList<ValidationFinding> good)
    {
        var finding = Assert.Single(bad);
        Assert.Equal((id, severity, path), (finding.Id, finding.Severity, finding.Path));
        Assert.StartsWith(check + ":", finding.Message);
        Assert.Empty(good);
    }

    public static IReadOnlyList<ValidationFinding> Validate(string type, string spec) =>
        SchemaCheckTests.ValidateAll(type.Split(' ')[0], type.Split(' ')[1], spec);
}

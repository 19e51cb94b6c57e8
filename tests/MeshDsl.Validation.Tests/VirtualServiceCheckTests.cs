using System.Linq;
using Xunit;

namespace MeshDsl.Validation.Tests;

/// <summary>Istio's webhook-only VirtualService checks (ISTIO-CHECKS.md §B.2): each rejects its violation and passes its fix.</summary>
public sealed class VirtualServiceCheckTests
{
    private const string Route = "route: [{destination: {host: reviews}}]";

    public static TheoryData<string, string, string, string> Cases => new()
    {
        // check, violating spec, passing spec, path of the finding
        { "VS05", "hosts: [reviews]", $"hosts: [reviews]\nhttp: [{{{Route}}}]", "spec" },
        { "VS03", $"hosts: [\"*\"]\nhttp: [{{{Route}}}]", $"hosts: [\"*\"]\ngateways: [ingress]\nhttp: [{{{Route}}}]", "spec.hosts" },
        { "VS08", "hosts: [reviews]\nhttp: [{timeout: 5s}]", $"hosts: [reviews]\nhttp: [{{{Route}, timeout: 5s}}]", "spec.http[0]" },
        { "VS08", $"hosts: [reviews]\nhttp: [{{{Route}, redirect: {{uri: /new}}}}]", "hosts: [reviews]\nhttp: [{redirect: {uri: /new}}]", "spec.http[0].redirect" },
        { "VS08", $"hosts: [reviews]\nhttp: [{{{Route}, directResponse: {{status: 503}}}}]", "hosts: [reviews]\nhttp: [{directResponse: {status: 503}}]", "spec.http[0].directResponse" },
        { "VS09", $"hosts: [reviews]\nhttp: [{{{Route}, mirror: {{host: a}}, mirrors: [{{destination: {{host: b}}}}]}}]", $"hosts: [reviews]\nhttp: [{{{Route}, mirrors: [{{destination: {{host: b}}}}]}}]", "spec.http[0].mirrors" },
        { "VS13", $"hosts: [reviews]\nhttp: [{{match: [{{uri: {{regex: \"(a\"}}}}], {Route}}}]", $"hosts: [reviews]\nhttp: [{{match: [{{uri: {{regex: \"/api/v[0-9]+\"}}}}], {Route}}}]", "spec.http[0].match[0].uri.regex" },
        { "VS13", $"hosts: [reviews]\nhttp: [{{match: [{{headers: {{x-id: {{regex: \"(?=a)b\"}}}}}}], {Route}}}]", $"hosts: [reviews]\nhttp: [{{match: [{{headers: {{x-id: {{regex: \"a|b\"}}}}}}], {Route}}}]", "spec.http[0].match[0].headers.x-id.regex" },
        { "VS13", $"hosts: [reviews]\nhttp: [{{match: [{{authority: {{prefix: \"\"}}}}], {Route}}}]", $"hosts: [reviews]\nhttp: [{{match: [{{uri: {{prefix: \"\"}}}}], {Route}}}]", "spec.http[0].match[0].authority.prefix" },
        { "VS20", "hosts: [reviews]\nhttp: [{redirect: {uri: /new, redirectCode: 200}}]", "hosts: [reviews]\nhttp: [{redirect: {uri: /new, redirectCode: 308}}]", "spec.http[0].redirect.redirectCode" },
        { "VS20", "hosts: [reviews]\nhttp: [{redirect: {uri: /new, scheme: ftp}}]", "hosts: [reviews]\nhttp: [{redirect: {uri: /new, scheme: https}}]", "spec.http[0].redirect.scheme" },
        { "VS22", $"hosts: [reviews]\nhttp: [{{{Route}, retries: {{attempts: 3, retryOn: \"5xx,timeout\"}}}}]", $"hosts: [reviews]\nhttp: [{{{Route}, retries: {{attempts: 3, retryOn: \"5xx,503,reset\"}}}}]", "spec.http[0].retries.retryOn" },
        { "VS22", $"hosts: [reviews]\nhttp: [{{{Route}, retries: {{attempts: 0, perTryTimeout: 2s}}}}]", $"hosts: [reviews]\nhttp: [{{{Route}, retries: {{attempts: 0}}}}]", "spec.http[0].retries" },
        { "VS24", "hosts: [reviews]\nhttp: [{route: [{destination: {host: a}}, {destination: {host: b}}]}]", "hosts: [reviews]\nhttp: [{route: [{destination: {host: a}, weight: 90}, {destination: {host: b}, weight: 10}]}]", "spec.http[0].route" },
        { "VS24", "hosts: [reviews]\nhttp: [{route: [{destination: {host: \"*\"}}]}]", "hosts: [reviews]\nhttp: [{route: [{destination: {host: reviews}}]}]", "spec.http[0].route[0].destination.host" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Violation_is_rejected_and_its_fix_passes(string check, string violating, string passing, string path)
    {
        var bad = SchemaCheckTests.ValidateAll("networking.istio.io/v1", "VirtualService", violating);
        var good = SchemaCheckTests.ValidateAll("networking.istio.io/v1", "VirtualService", passing);

        var finding = Assert.Single(bad);
        Assert.Equal(("MESH0302", FindingSeverity.Error, path), (finding.Id, finding.Severity, finding.Path));
        Assert.StartsWith(check + ":", finding.Message);
        Assert.True(finding.At!.Line >= 6);
        Assert.Empty(good);
    }
}

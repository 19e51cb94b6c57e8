using Xunit;

namespace MeshDsl.Validation.Tests;

/// <summary>Istio's webhook-only DestinationRule checks (ISTIO-CHECKS.md §B.3): each rejects its violation and passes its fix.</summary>
public sealed class DestinationRuleCheckTests
{
    public static TheoryData<string, string, string, string> Cases => new()
    {
        // check, violating spec, passing spec, path of the finding
        { "DR02", "host: reviews\ntrafficPolicy: {}", "host: reviews\ntrafficPolicy: {loadBalancer: {simple: LEAST_REQUEST}}", "spec.trafficPolicy" },
        { "DR02", "host: reviews\nsubsets: [{name: v1, trafficPolicy: {}}]", "host: reviews\nsubsets: [{name: v1}]", "spec.subsets[0].trafficPolicy" },
        { "DR03", "host: reviews\ntrafficPolicy: {tunnel: {protocol: GET, targetHost: a.example.com, targetPort: 443}}", "host: reviews\ntrafficPolicy: {tunnel: {protocol: CONNECT, targetHost: a.example.com, targetPort: 443}}", "spec.trafficPolicy.tunnel.protocol" },
        { "DR04", "host: reviews\ntrafficPolicy: {outlierDetection: {maxEjectionPercent: 150}}", "host: reviews\ntrafficPolicy: {outlierDetection: {maxEjectionPercent: 50}}", "spec.trafficPolicy.outlierDetection.maxEjectionPercent" },
        { "DR04", "host: reviews\ntrafficPolicy: {outlierDetection: {consecutiveLocalOriginFailures: 5}}", "host: reviews\ntrafficPolicy: {outlierDetection: {consecutiveLocalOriginFailures: 5, splitExternalLocalOriginErrors: true}}", "spec.trafficPolicy.outlierDetection.consecutiveLocalOriginFailures" },
        { "DR05", "host: reviews\ntrafficPolicy: {connectionPool: {}}", "host: reviews\ntrafficPolicy: {connectionPool: {tcp: {maxConnections: 100}}}", "spec.trafficPolicy.connectionPool" },
        { "DR05", "host: reviews\ntrafficPolicy: {connectionPool: {http: {h2UpgradePolicy: UPGRADE, useClientProtocol: true}}}", "host: reviews\ntrafficPolicy: {connectionPool: {http: {h2UpgradePolicy: UPGRADE}}}", "spec.trafficPolicy.connectionPool.http.h2UpgradePolicy" },
        { "DR07", "host: reviews\ntrafficPolicy: {loadBalancer: {localityLbSetting: {distribute: [{from: us-west/*, to: {us-west/*: 80, us-east/*: 10}}]}}}", "host: reviews\ntrafficPolicy: {loadBalancer: {localityLbSetting: {distribute: [{from: us-west/*, to: {us-west/*: 90, us-east/*: 10}}]}}}", "spec.trafficPolicy.loadBalancer.localityLbSetting.distribute[0].to" },
        { "DR09", "host: reviews\ntrafficPolicy: {tls: {mode: SIMPLE, insecureSkipVerify: true, caCertificates: /etc/ca.pem}}", "host: reviews\ntrafficPolicy: {tls: {mode: SIMPLE, caCertificates: /etc/ca.pem}}", "spec.trafficPolicy.tls.insecureSkipVerify" },
        { "DR09", "host: reviews\ntrafficPolicy: {tls: {mode: MUTUAL, credentialName: cert, privateKey: /etc/key.pem}}", "host: reviews\ntrafficPolicy: {tls: {mode: MUTUAL, credentialName: cert}}", "spec.trafficPolicy.tls.privateKey" },
        { "DR09", "host: reviews\ntrafficPolicy: {tls: {mode: MUTUAL, clientCertificate: /etc/cert.pem}}", "host: reviews\ntrafficPolicy: {tls: {mode: MUTUAL, clientCertificate: /etc/cert.pem, privateKey: /etc/key.pem}}", "spec.trafficPolicy.tls" },
        { "DR10", "host: reviews\nsubsets: [{name: v1}, {name: v1}]", "host: reviews\nsubsets: [{name: v1}, {name: v2}]", "spec.subsets[1].name" },
        { "DR10", "host: reviews\nsubsets: [{name: V1_beta}]", "host: reviews\nsubsets: [{name: v1-beta}]", "spec.subsets[0].name" },
        { "DR11", "host: reviews\ntrafficPolicy: {portLevelSettings: [{port: {number: 80}}]}", "host: reviews\ntrafficPolicy: {portLevelSettings: [{port: {number: 80}, loadBalancer: {simple: RANDOM}}]}", "spec.trafficPolicy.portLevelSettings[0]" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Violation_is_rejected_and_its_fix_passes(string check, string violating, string passing, string path)
    {
        var bad = SchemaCheckTests.ValidateAll("networking.istio.io/v1", "DestinationRule", violating);
        var good = SchemaCheckTests.ValidateAll("networking.istio.io/v1", "DestinationRule", passing);

        var finding = Assert.Single(bad);
        Assert.Equal(("MESH0303", FindingSeverity.Error, path), (finding.Id, finding.Severity, finding.Path));
        Assert.StartsWith(check + ":", finding.Message);
        Assert.True(finding.At!.Line >= 6);
        Assert.Empty(good);
    }
}

using System.Linq;
using MeshDsl.Validation.Istio;
using Xunit;

namespace MeshDsl.Validation.Tests;

/// <summary>Istio's cross-cutting webhook checks (ISTIO-CHECKS.md §B.1): each reports its violation and passes its fix.</summary>
public sealed class CommonCheckTests
{
    private const string Route = "hosts: [reviews]\nhttp: [{route: [{destination: {host: reviews}}]}]";
    private const string Egress = "egress: [{hosts: [\"./*\"]}]";
    private const string Tunnel = "trafficPolicy: {tunnel: {protocol: CONNECT, targetHost: egress.example.com, targetPort: ";
    private const string StaticEntry = "hosts: [api.example.com]\nports: [{number: 443, name: https, protocol: TLS}]\nresolution: STATIC\n";

    public static TheoryData<string, string, string, string, string, FindingSeverity> Cases => new()
    {
        // apiVersion kind, check, violating spec, passing spec, path, severity
        { "networking.istio.io/v1 VirtualService", "X07", "hosts: [reviews]\nhttp: [{timeout: 1.5ms, route: [{destination: {host: reviews}}]}]", "hosts: [reviews]\nhttp: [{timeout: 1.5s, route: [{destination: {host: reviews}}]}]", "spec.http[0].timeout", FindingSeverity.Error },
        { "networking.istio.io/v1 DestinationRule", "X07", "host: reviews\nsubsets: [{name: v1, trafficPolicy: {portLevelSettings: [{port: {number: 80}, connectionPool: {tcp: {connectTimeout: 10500us}}}]}}]", "host: reviews\nsubsets: [{name: v1, trafficPolicy: {portLevelSettings: [{port: {number: 80}, connectionPool: {tcp: {connectTimeout: 10ms}}}]}}]", "spec.subsets[0].trafficPolicy.portLevelSettings[0].connectionPool.tcp.connectTimeout", FindingSeverity.Error },
        { "telemetry.istio.io/v1 Telemetry", "X07", "metrics: [{providers: [{name: prometheus}], reportingInterval: 1m0.0005s}]", "metrics: [{providers: [{name: prometheus}], reportingInterval: 1m0.5s}]", "spec.metrics[0].reportingInterval", FindingSeverity.Error },
        { "networking.istio.io/v1 VirtualService", "X08", "hosts: [reviews]\nhttp: [{route: [{destination: {host: reviews, port: {number: 70000}}}]}]", "hosts: [reviews]\nhttp: [{route: [{destination: {host: reviews, port: {number: 9080}}}]}]", "spec.http[0].route[0].destination.port.number", FindingSeverity.Error },
        { "networking.istio.io/v1 VirtualService", "X08", "hosts: [reviews]\nhttp: [{match: [{port: 70000}], route: [{destination: {host: reviews}}]}]", "hosts: [reviews]\nhttp: [{match: [{port: 9080}], route: [{destination: {host: reviews}}]}]", "spec.http[0].match[0].port", FindingSeverity.Error },
        { "networking.istio.io/v1 VirtualService", "X08", "hosts: [reviews]\nhttp: [{redirect: {uri: /v2, port: 70000}}]", "hosts: [reviews]\nhttp: [{redirect: {uri: /v2, port: 8443}}]", "spec.http[0].redirect.port", FindingSeverity.Error },
        { "networking.istio.io/v1 VirtualService", "X08", "hosts: [reviews]\nhttp: [{route: [{destination: {host: reviews}}], mirror: {host: shadow, port: {}}}]", "hosts: [reviews]\nhttp: [{route: [{destination: {host: reviews}}], mirror: {host: shadow, port: {number: 80}}}]", "spec.http[0].mirror.port.number", FindingSeverity.Error },
        { "networking.istio.io/v1 VirtualService", "X08", "hosts: [db]\ntcp: [{match: [{port: 70000}], route: [{destination: {host: db}}]}]", "hosts: [db]\ntcp: [{match: [{port: 5432}], route: [{destination: {host: db}}]}]", "spec.tcp[0].match[0].port", FindingSeverity.Error },
        { "networking.istio.io/v1 Sidecar", "X08", "ingress: [{port: {number: 70000, name: http, protocol: HTTP}, defaultEndpoint: \"127.0.0.1:8080\"}]", "ingress: [{port: {number: 9080, name: http, protocol: HTTP}, defaultEndpoint: \"127.0.0.1:8080\"}]", "spec.ingress[0].port.number", FindingSeverity.Error },
        { "networking.istio.io/v1 Sidecar", "X08", "egress: [{port: {number: 0, name: uds, protocol: HTTP}, hosts: [\"./*\"]}]", "egress: [{port: {number: 0, name: uds, protocol: HTTP}, bind: \"unix:///var/run/app.sock\", hosts: [\"./*\"]}]", "spec.egress[0].port.number", FindingSeverity.Error },
        { "networking.istio.io/v1 Sidecar", "X08", "outboundTrafficPolicy: {mode: ALLOW_ANY, egressProxy: {host: egress.example.com, port: {number: 70000}}}", "outboundTrafficPolicy: {mode: ALLOW_ANY, egressProxy: {host: egress.example.com, port: {number: 443}}}", "spec.outboundTrafficPolicy.egressProxy.port.number", FindingSeverity.Error },
        { "networking.istio.io/v1 DestinationRule", "X08", $"host: reviews\n{Tunnel}70000}}}}", $"host: reviews\n{Tunnel}443}}}}", "spec.trafficPolicy.tunnel.targetPort", FindingSeverity.Error },
        { "security.istio.io/v1 AuthorizationPolicy", "X09", "selector: {}", "selector: {matchLabels: {app: api}}", "spec.selector", FindingSeverity.Warning },
        { "networking.istio.io/v1 DestinationRule", "X09", "host: reviews\nworkloadSelector: {matchLabels: {}}", "host: reviews\nworkloadSelector: {matchLabels: {app: api}}", "spec.workloadSelector", FindingSeverity.Warning },
        { "networking.istio.io/v1 Sidecar", "X10", $"workloadSelector: {{labels: {{}}}}\n{Egress}", $"workloadSelector: {{labels: {{app: api}}}}\n{Egress}", "spec.workloadSelector", FindingSeverity.Warning },
        { "networking.istio.io/v1 Sidecar", "X10", $"workloadSelector: {{labels: {{\"\": api}}}}\n{Egress}", $"workloadSelector: {{labels: {{app: api}}}}\n{Egress}", "spec.workloadSelector.labels.", FindingSeverity.Error },
        { "networking.istio.io/v1 ServiceEntry", "X10", StaticEntry + "workloadSelector: {labels: {\"app*\": api}}", StaticEntry + "workloadSelector: {labels: {app: api}}", "spec.workloadSelector.labels.app*", FindingSeverity.Error },
        { "security.istio.io/v1 AuthorizationPolicy", "X12", "targetRef: {kind: Deployment, name: api}", "targetRef: {kind: Service, name: api}", "spec.targetRef.kind", FindingSeverity.Error },
        { "telemetry.istio.io/v1 Telemetry", "X12", "targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: web}]", "targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: web}]", "spec.targetRefs[0].kind", FindingSeverity.Error },
        { "networking.istio.io/v1 VirtualService", "X13", $"{Route}\nexportTo: [\".\", default]", $"{Route}\nexportTo: [\".\", prod]", "spec.exportTo[1]", FindingSeverity.Error },
        { "networking.istio.io/v1 VirtualService", "X13", $"{Route}\nexportTo: [\"~\"]", $"{Route}\nexportTo: [\".\"]", "spec.exportTo[0]", FindingSeverity.Error },
        { "networking.istio.io/v1 VirtualService", "X13", $"{Route}\nexportTo: [Prod_1]", $"{Route}\nexportTo: [prod-1]", "spec.exportTo[0]", FindingSeverity.Error },
        { "networking.istio.io/v1 VirtualService", "X13", $"{Route}\nexportTo: [\"*\", prod]", $"{Route}\nexportTo: [\"*\"]", "spec.exportTo", FindingSeverity.Error },
        { "networking.istio.io/v1 ServiceEntry", "X13", StaticEntry + "endpoints: [{address: 10.0.0.1}]\nexportTo: [\"~\", prod]", StaticEntry + "endpoints: [{address: 10.0.0.1}]\nexportTo: [\"~\"]", "spec.exportTo", FindingSeverity.Error },
        { "networking.istio.io/v1 DestinationRule", "X13", "host: reviews\nworkloadSelector: {matchLabels: {app: api}}\nexportTo: [\"*\"]", "host: reviews\nworkloadSelector: {matchLabels: {app: api}}\nexportTo: [\".\"]", "spec.exportTo", FindingSeverity.Error },
        { "networking.istio.io/v1 DestinationRule", "X14", "host: reviews\nsubsets: [{name: v1, labels: {version: \"v1 beta\"}}]", "host: reviews\nsubsets: [{name: v1, labels: {version: v1-beta}}]", "spec.subsets[0].labels.version", FindingSeverity.Error },
        { "networking.istio.io/v1 DestinationRule", "X14", "host: reviews\nsubsets: [{name: v1, labels: {-version: v1}}]", "host: reviews\nsubsets: [{name: v1, labels: {example.com/version: v1}}]", "spec.subsets[0].labels.-version", FindingSeverity.Error },
        { "networking.istio.io/v1 VirtualService", "X14", "hosts: [reviews]\nhttp: [{match: [{sourceLabels: {a/b/c: x}}], route: [{destination: {host: reviews}}]}]", "hosts: [reviews]\nhttp: [{match: [{sourceLabels: {app.kubernetes.io/name: x}}], route: [{destination: {host: reviews}}]}]", "spec.http[0].match[0].sourceLabels.a/b/c", FindingSeverity.Error },
        { "networking.istio.io/v1 ServiceEntry", "X14", StaticEntry + $"endpoints: [{{address: 10.0.0.1, labels: {{app: {new string('a', 64)}}}}}]", StaticEntry + $"endpoints: [{{address: 10.0.0.1, labels: {{app: {new string('a', 63)}}}}}]", "spec.endpoints[0].labels.app", FindingSeverity.Error },
    };

    public static TheoryData<string, string, string, string> MetadataCases => new()
    {
        // check, violating document, passing document, path
        { "X01", Document("networking.istio.io/v1 VirtualService", "istio.io/dry-run: \"true\"", Route), Document("security.istio.io/v1 AuthorizationPolicy", "istio.io/dry-run: \"true\"", "action: ALLOW"), "metadata.annotations.istio.io/dry-run" },
        { "X01", Document("security.istio.io/v1 AuthorizationPolicy", "istio.io/dry-run: \"true\"", "action: CUSTOM\nprovider: {name: ext-authz}\nrules: [{}]"), Document("security.istio.io/v1 AuthorizationPolicy", "istio.io/dry-run: \"false\"", "action: DENY\nrules: [{from: [{source: {namespaces: [test]}}]}]"), "metadata.annotations.istio.io/dry-run" },
        { "X01", Document("security.istio.io/v1 AuthorizationPolicy", "istio.io/dry-run: \"yes\"", "action: ALLOW"), Document("security.istio.io/v1 AuthorizationPolicy", "istio.io/dry-run: \"1\"", "action: ALLOW"), "metadata.annotations.istio.io/dry-run" },
        { "X02", Document("networking.istio.io/v1 VirtualService", "internal.istio.io/parents: \"HTTPRoute/web.default\"", Route), Document("networking.istio.io/v1 VirtualService", "example.com/parents: \"HTTPRoute/web.default\"", Route), "metadata.annotations.internal.istio.io/parents" },
        { "X02", Document("networking.istio.io/v1 VirtualService", "internal.istio.io/webhook-always-reject: \"\"", Route), Document("networking.istio.io/v1 VirtualService", "istio.io/rev: canary", Route), "metadata.annotations.internal.istio.io/webhook-always-reject" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Violation_is_reported_and_its_fix_passes(string type, string check, string violating, string passing, string path, FindingSeverity severity)
        => WebhookCheckAssert.ReportedAndFixed("MESH0301", type, check, violating, passing, path, severity);

    [Theory]
    [MemberData(nameof(MetadataCases))]
    public void Metadata_violation_is_rejected_and_its_fix_passes(string check, string violating, string passing, string path)
    {
        var validator = new DocumentValidator(CrdCatalog.Istio());
        var bad = validator.Validate(Assert.Single(YamlDocuments.Read("bad.yaml", violating)).Root!);
        var good = validator.Validate(Assert.Single(YamlDocuments.Read("good.yaml", passing)).Root!);

        var finding = Assert.Single(bad);
        Assert.Equal(("MESH0301", FindingSeverity.Error, path), (finding.Id, finding.Severity, finding.Path));
        Assert.StartsWith(check + ":", finding.Message);
        Assert.Equal(5, finding.At!.Line);
        Assert.Empty(good);
    }

    [Fact]
    public void Duration_fields_are_read_from_the_crd_schemas()
    {
        var catalog = CrdCatalog.Istio();
        var virtualService = catalog.DurationFieldsFor("networking.istio.io/v1", "VirtualService")!.Paths(string.Empty).ToList();
        var destinationRule = catalog.DurationFieldsFor("networking.istio.io/v1", "DestinationRule")!.Paths(string.Empty).ToList();

        Assert.Equal(new[] { "spec.http[].corsPolicy.maxAge", "spec.http[].fault.delay.exponentialDelay", "spec.http[].fault.delay.fixedDelay", "spec.http[].retries.backoff", "spec.http[].retries.perTryTimeout", "spec.http[].timeout" }, virtualService.OrderBy(p => p, System.StringComparer.Ordinal));
        Assert.Equal(36, destinationRule.Count);
        Assert.Contains("spec.subsets[].trafficPolicy.portLevelSettings[].loadBalancer.warmup.duration", destinationRule);
        Assert.DoesNotContain("spec.trafficPolicy.connectionPool.tcp.idleTimeout", destinationRule);
        Assert.Equal(new[] { "spec.jwtRules[].timeout" }, catalog.DurationFieldsFor("security.istio.io/v1beta1", "RequestAuthentication")!.Paths(string.Empty));
        Assert.Null(catalog.DurationFieldsFor("networking.istio.io/v1", "Gateway"));
    }

    [Theory]
    [InlineData("100ms", 100_000_000L)]
    [InlineData("1h2m3.5s", 3_723_500_000_000L)]
    [InlineData("1.5µs", 1_500L)]
    [InlineData(".5s", 500_000_000L)]
    [InlineData("-1s", -1_000_000_000L)]
    [InlineData("0", 0L)]
    [InlineData("10", null)]
    [InlineData("1x", null)]
    [InlineData("1..5s", null)]
    [InlineData("", null)]
    public void Go_durations_are_read_in_nanoseconds(string text, long? nanos)
    {
        Assert.Equal(nanos, MeshDsl.Duration.TryParseNanoseconds(text, out var parsed) ? parsed : null);
    }

    private static string Document(string type, string annotation, string spec) =>
        $"apiVersion: {type.Split(' ')[0]}\nkind: {type.Split(' ')[1]}\nmetadata:\n  annotations:\n    {annotation}\n  name: test\n  namespace: default\nspec:\n  {spec.Replace("\n", "\n  ")}\n";
}

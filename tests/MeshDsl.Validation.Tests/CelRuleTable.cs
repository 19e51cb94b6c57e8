using System;
using System.Collections.Generic;
using System.Linq;
using MeshDsl.Documents;

namespace MeshDsl.Validation.Tests;

/// <summary>
/// A value for a rule's <c>self</c>, built fresh for every document from the schema node that carries the rule
/// (a map rule's keys get values of the map's value schema).
/// </summary>
internal sealed record CelRuleCase(string Name, Func<CelRuleSchema, DocumentNode> Self)
{
    /// <summary>The keys of a map value, when the case is one; the generator names map entries after them.</summary>
    public IReadOnlyList<string> MapKeys { get; init; } = Array.Empty<string>();

    /// <summary>Other rules the value breaks too, where they sit on the same node (Istio states some rules twice).</summary>
    public IReadOnlyList<string> AlsoViolates { get; init; } = Array.Empty<string>();

    /// <summary>Ids of the other errors the value earns, from Istio's webhook checks that test the same thing.</summary>
    public IReadOnlyList<string> AlsoReported { get; init; } = Array.Empty<string>();

    public CelRuleCase Breaking(params string[] rules) => this with { AlsoViolates = rules };

    public CelRuleCase AlsoReportedAs(params string[] ids) => this with { AlsoReported = ids };

    public override string ToString() => Name;
}

/// <summary>What the table knows about one rule string: values that satisfy it, values that violate it.</summary>
internal sealed record CelRuleEntry(string Rule, IReadOnlyList<CelRuleCase> Satisfying, IReadOnlyList<CelRuleCase> Violating)
{
    /// <summary>
    /// For a rule on an object: fields a node carrying the rule needs when a document only passes through it (Istio's
    /// rules and webhook checks that demand a field). For any other rule the generator uses the first satisfying value.
    /// </summary>
    public CelRuleCase? OnTheWay { get; init; }
}

/// <summary>
/// One entry per distinct rule string of the bundle (36 in Istio 1.30.3). The rule strings are copied from the CRDs
/// exactly; <see cref="CelRuleSiteTests"/> fails when the bundle has a rule this table lacks.
/// </summary>
internal static class CelRuleTable
{
    private const string TlsCertificatesOrCredentialNames = "(has(self.tlsCertificates) ? 1 : 0) + (has(self.credentialNames) ? 1 : 0) <= 1";
    private const string CredentialNamesOrTlsCertificates = "(has(self.credentialNames) ? 1 : 0) + (has(self.tlsCertificates) ? 1 : 0) <= 1";
    private const string UdsAbsolute = """self.startsWith("unix://") ? (self.substring(7, 8) == "/" || self.substring(7, 8) == "@") : true""";
    private const string UdsNotADirectory = """self.startsWith("unix://") ? !self.endsWith("/") : true""";

    private const string Wasm = """wasm: {url: "oci://registry.example.com/plugin:1"}""";
    private const string Selector = "selector: {matchLabels: {app: reviews}}";
    private const string TargetRef = "targetRef: {group: gateway.networking.k8s.io, kind: Gateway, name: waypoint}";
    private const string TargetRefs = "targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: waypoint}]";
    private const string WorkloadSelector = "workloadSelector: {labels: {app: reviews}}";
    private const string PortLevelMtls = """portLevelMtls: {"8080": {mode: DISABLE}}""";
    private const string Certificates = "tlsCertificates: [{serverCertificate: /etc/certs/tls.crt, privateKey: /etc/certs/tls.key}]";
    private const string Endpoint = "endpoints: [{address: 10.0.0.1}]";
    private const string TwoEndpoints = "endpoints: [{address: a.example.com}, {address: b.example.com}]";
    private const string Issuer = "issuer: 'https://issuer.example.com'";
    private const string JwksUri = "jwksUri: 'https://issuer.example.com/jwks'";

    private static readonly Lazy<IReadOnlyDictionary<string, CelRuleEntry>> Table = new(() => Entries().ToDictionary(e => e.Rule, StringComparer.Ordinal));

    public static IReadOnlyDictionary<string, CelRuleEntry> ByRule => Table.Value;

    private static IEnumerable<CelRuleEntry> Entries()
    {
        // Selecting workloads or targets: at most one way.
        yield return new(
            "(has(self.selector) ? 1 : 0) + (has(self.targetRefs) ? 1 : 0) <= 1",
            [Yaml($$"""{{{Wasm}}}"""), Yaml($$"""{{{Selector}}, {{Wasm}}}"""), Yaml($$"""{{{TargetRefs}}, {{Wasm}}}""")],
            [Yaml($$"""{{{Selector}}, {{TargetRefs}}, {{Wasm}}}"""), Yaml($$"""{selector: {}, targetRefs: [], {{Wasm}}}""")]);
        yield return new(
            "(has(self.selector) ? 1 : 0) + (has(self.targetRef) ? 1 : 0) + (has(self.targetRefs) ? 1 : 0) <= 1",
            [Yaml("{}"), Yaml($$"""{{{Selector}}}"""), Yaml($$"""{{{TargetRef}}}"""), Yaml($$"""{{{TargetRefs}}}""")],
            [
                Yaml($$"""{{{Selector}}, {{TargetRef}}}"""), Yaml($$"""{{{Selector}}, {{TargetRefs}}}"""), Yaml($$"""{{{TargetRef}}, {{TargetRefs}}}"""),
                Yaml($$"""{{{Selector}}, {{TargetRef}}, {{TargetRefs}}}"""), Yaml("{selector: {}, targetRefs: []}"),
            ]);
        yield return new(
            "(has(self.workloadSelector) ? 1 : 0) + (has(self.targetRefs) ? 1 : 0) <= 1",
            [Yaml("{}"), Yaml($$"""{{{WorkloadSelector}}}"""), Yaml($$"""{{{TargetRefs}}}""")],
            [Yaml($$"""{{{WorkloadSelector}}, {{TargetRefs}}}"""), Yaml("{workloadSelector: {}, targetRefs: []}")]);

        // TrafficExtension: exactly one of wasm and lua; has() is true for a present, empty object.
        yield return new(
            "has(self.wasm) != has(self.lua)",
            [Yaml($$"""{{{Wasm}}}"""), Yaml("{lua: {inlineCode: 'function envoy_on_request(h) end'}}")],
            [Yaml("{}"), Yaml($$"""{{{Selector}}}""")])
        {
            OnTheWay = Yaml($$"""{{{Wasm}}}"""),
        };

        // Label selectors.
        yield return new(
            """self.all(key, !key.contains("*"))""",
            [Keys("app"), Keys("app", "version"), Keys()],
            [Keys("a*"), Keys("app", "*")]);
        yield return new(
            "self.all(key, key.size() != 0)",
            [Keys("app"), Keys("a", "version")],
            [Keys(""), Keys("app", "")]);
        yield return new(
            """!self.contains("*")""",
            [Text("reviews"), Text("")],
            [Text("*"), Text("v1*")]);

        // Policy attachment: no cross-namespace references.
        yield return new("self.size() == 0", [Text("")], [Text("default"), Text(" ")]);

        // Wasm module URLs: a URL of an allowed scheme, or a bare reference that becomes one behind http://.
        foreach (var rule in new[]
        {
            "isURL(self) ? (url(self).getScheme() in [\"\", \"http\", \"https\", \"file\", \"oci\"]) : (isURL(\"http://\" + self) &&\nurl(\"http://\" + self).getScheme() in [\"\", \"http\", \"https\", \"file\", \"oci\"])",
            "isURL(self) ? (url(self).getScheme() in [\"\", \"http\", \"https\", \"oci\", \"file\"]) : (isURL(\"http://\" + self) &&\nurl(\"http://\" + self).getScheme() in [\"\", \"http\", \"https\", \"oci\", \"file\"])",
        })
        {
            yield return new(
                rule,
                [
                    Text("oci://registry.example.com/plugin:1"), Text("https://example.com/plugin.wasm"), Text("http://example.com/plugin.wasm"),
                    Text("file:///opt/filters/plugin.wasm"), Text("registry.example.com/plugin.wasm"), Text("HTTPS://example.com/plugin.wasm"),
                ],
                // Go reads "registry.example.com:5000/..." as the scheme "registry.example.com" with an opaque rest.
                [Text("ftp://example.com/plugin.wasm"), Text("s3://bucket/plugin.wasm"), Text("registry.example.com:5000/plugin.wasm")]);
        }

        yield return new(
            """(has(self.valueFrom) ? self.valueFrom : "") != "HOST" || !has(self.value)""",
            [Yaml("{name: POD_NAME, valueFrom: HOST}"), Yaml("{name: MODE, value: fast}"), Yaml("{name: MODE, valueFrom: INLINE, value: fast}"), Yaml("{name: MODE}")],
            [Yaml("{name: POD_NAME, valueFrom: HOST, value: fast}"), Yaml("{name: POD_NAME, valueFrom: HOST, value: ''}")]);

        // Satisfying durations are whole milliseconds: Istio's webhook rejects finer ones (X07) whatever the rule says.
        yield return new(
            "duration(self) >= duration('1ms')",
            [Text("1s"), Text("1ms"), Text("1000us"), Text("1h30m"), Text("1000000ns"), Text("2m0.5s"), Text("+5s")],
            [Text("999us"), Text("0.5ms"), Text("0s"), Text("0"), Text("-1s"), Text("bogus"), Text("1d"), Text("10"), Text("")]);

        // EnvoyFilter: waypoint matches only in the WAYPOINT context.
        yield return new(
            """has(self.context) ? ((self.context == "WAYPOINT") ? has(self.waypoint) : !has(self.waypoint)) : !has(self.waypoint)""",
            [Yaml("{context: WAYPOINT, waypoint: {portNumber: 8080}}"), Yaml("{context: WAYPOINT, waypoint: {}}"), Yaml("{context: SIDECAR_INBOUND}"), Yaml("{}")],
            [Yaml("{waypoint: {}}"), Yaml("{context: SIDECAR_OUTBOUND, waypoint: {portNumber: 8080}}"), Yaml("{context: WAYPOINT}")])
        {
            OnTheWay = Yaml("{context: WAYPOINT, waypoint: {}}"),
        };

        yield return new("0 < self && self <= 65535", [Integer(8080), Integer(1), Integer(65535)], [Integer(0), Integer(65536)]);

        // Server TLS: Istio states "credentialNames or tlsCertificates" twice, the second time with a message that
        // says credentialName; the rule decides, so credentialName with tlsCertificates passes.
        yield return new(
            TlsCertificatesOrCredentialNames,
            [Yaml("{credentialNames: [cert-a, cert-b]}"), Yaml($$"""{{{Certificates}}}"""), Yaml($$"""{credentialName: gateway-cert, {{Certificates}}}""")],
            [Yaml($$"""{credentialNames: [cert-a], {{Certificates}}}""").Breaking(CredentialNamesOrTlsCertificates)]);
        yield return new(
            "(has(self.credentialName) ? 1 : 0) + (has(self.credentialNames) ? 1 : 0) <= 1",
            [Yaml("{credentialName: gateway-cert}"), Yaml("{credentialNames: [cert-a, cert-b]}"), Yaml($$"""{credentialName: gateway-cert, {{Certificates}}}""")],
            [Yaml("{credentialName: gateway-cert, credentialNames: [cert-a]}"), Yaml("{credentialName: '', credentialNames: [cert-a]}")]);
        yield return new(
            CredentialNamesOrTlsCertificates,
            [Yaml("{credentialNames: [cert-a]}"), Yaml($$"""{{{Certificates}}}"""), Yaml($$"""{credentialName: gateway-cert, {{Certificates}}}""")],
            [Yaml($$"""{credentialNames: [cert-a], {{Certificates}}}""").Breaking(TlsCertificatesOrCredentialNames)]);

        // ServiceEntry.
        yield return new(
            "(has(self.workloadSelector) ? 1 : 0) + (has(self.endpoints) ? 1 : 0) <= 1",
            [Yaml($$"""{{{WorkloadSelector}}}"""), Yaml($$"""{resolution: STATIC, {{Endpoint}}}""")],
            [Yaml($$"""{resolution: STATIC, {{WorkloadSelector}}, {{Endpoint}}}"""), Yaml("{resolution: STATIC, workloadSelector: {}, endpoints: []}")]);
        yield return new(
            """!((has(self.addresses) ? self.addresses : []).exists(k, k.contains("/")) && !((has(self.resolution) ? self.resolution : "NONE") in ["STATIC", "NONE"]))""",
            [Yaml("{addresses: [10.0.0.0/24]}"), Yaml("{addresses: [10.0.0.0/24], resolution: STATIC}"), Yaml("{addresses: [10.0.0.1], resolution: DNS}")],
            [Yaml("{addresses: [10.0.0.0/24], resolution: DNS}"), Yaml("{addresses: [10.0.0.1, 10.0.1.0/24], resolution: DNS_ROUND_ROBIN}")]);
        yield return new(
            """((has(self.resolution) ? self.resolution : "NONE") == "NONE") ? !has(self.endpoints) : true""",
            [Yaml("{}"), Yaml("{resolution: NONE}"), Yaml($$"""{resolution: STATIC, {{Endpoint}}}"""), Yaml("{resolution: DNS, endpoints: [{address: backend.example.com}]}")],
            [Yaml($$"""{{{Endpoint}}}"""), Yaml($$"""{resolution: NONE, {{Endpoint}}}"""), Yaml("{endpoints: []}")])
        {
            OnTheWay = Yaml("{resolution: STATIC}"),
        };
        yield return new(
            """((has(self.resolution) ? self.resolution : "") == "DNS_ROUND_ROBIN") ? ((has(self.endpoints) ? self.endpoints : []).size() <= 1) : true""",
            [Yaml("{resolution: DNS_ROUND_ROBIN}"), Yaml("{resolution: DNS_ROUND_ROBIN, endpoints: [{address: a.example.com}]}"), Yaml($$"""{resolution: DNS, {{TwoEndpoints}}}""")],
            [Yaml($$"""{resolution: DNS_ROUND_ROBIN, {{TwoEndpoints}}}""")]);

        // Workload addresses (ServiceEntry endpoints, WorkloadEntry, WorkloadGroup template) and Unix domain sockets.
        yield return new(
            "has(self.address) || has(self.network)",
            [Yaml("{address: 10.0.0.1}"), Yaml("{network: network-1}"), Yaml("{address: 10.0.0.1, network: network-1}")],
            [Yaml("{}"), Yaml("{labels: {app: reviews}}")])
        {
            OnTheWay = Yaml("{address: 10.0.0.1}"),
        };
        yield return new(
            """(has(self.address) ? self.address : "").startsWith("unix://") ? !has(self.ports) : true""",
            [Yaml("{address: 10.0.0.1, ports: {http: 8080}}"), Yaml("{address: 'unix:///var/run/app.sock'}"), Yaml("{network: network-1, ports: {http: 8080}}")],
            [Yaml("{address: 'unix:///var/run/app.sock', ports: {http: 8080}}"), Yaml("{address: 'unix://@app', ports: {}}")]);
        yield return new(
            UdsAbsolute,
            [Text("10.0.0.1"), Text("backend.example.com"), Text("unix:///var/run/app.sock"), Text("unix://@app")],
            [Text("unix://app.sock"), Text("unix://").Breaking(UdsNotADirectory)]);
        yield return new(
            UdsNotADirectory,
            [Text("unix:///var/run/app.sock"), Text("10.0.0.1"), Text("backend.example.com")],
            [Text("unix:///var/run/"), Text("unix:///")]);
        yield return new(
            """self.all(key, size(key) < 63 && key.matches("^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$"))""",
            [Keys("http"), Keys("http", "grpc-web"), Keys("8080"), Keys(new string('p', 62))],
            [Keys("-http"), Keys("http-"), Keys("http_alt"), Keys(""), Keys("http", new string('p', 63))]);

        yield return new("self != \"*\"", [Text("api.example.com"), Text("*.example.com")], [Text("*")]);
        yield return new(
            "self.all(l1, self.exists_one(l2, l1.number == l2.number))",
            [Yaml("[{number: 80, name: http}, {number: 443, name: https}]"), Yaml("[{number: 80, name: http}]"), Yaml("[]")],
            [Yaml("[{number: 80, name: http}, {number: 80, name: http-alt}]"), Yaml("[{number: 80, name: http}, {number: 443, name: https}, {number: 80, name: http-alt}]")]);
        yield return new("""self in ["", "HTTP", "HTTPS"]""", [Text("HTTP"), Text("HTTPS"), Text("")], [Text("http"), Text("TCP")]);

        // AuthorizationPolicy sources: serviceAccounts excludes principals and namespaces.
        yield return new(
            "(has(self.serviceAccounts) || has(self.notServiceAccounts)) ? (!has(self.principals) &&\n!has(self.notPrincipals) && !has(self.namespaces) && !has(self.notNamespaces)) : true",
            [Yaml("{serviceAccounts: [default/reviews]}"), Yaml("{principals: [cluster.local/ns/default/sa/reviews], namespaces: [default]}"), Yaml("{notServiceAccounts: [default/ratings], ipBlocks: [10.0.0.0/8]}")],
            [
                Yaml("{serviceAccounts: [default/reviews], principals: [cluster.local/ns/default/sa/reviews]}"),
                Yaml("{notServiceAccounts: [default/ratings], namespaces: [default]}"),
                Yaml("{serviceAccounts: [default/reviews], notNamespaces: [kube-system]}"),
                Yaml("{serviceAccounts: [], notPrincipals: [cluster.local/ns/default/sa/ratings]}"),
            ]);

        // PeerAuthentication.
        yield return new(
            "has(self.portLevelMtls) ? (((has(self.selector) && has(self.selector.matchLabels)) ? self.selector.matchLabels : {}).size() > 0) : true",
            [Yaml("{}"), Yaml($$"""{{{Selector}}, {{PortLevelMtls}}}"""), Yaml("{selector: {}, mtls: {mode: STRICT}}")],
            [
                Yaml($$"""{{{PortLevelMtls}}}"""), Yaml($$"""{selector: {}, {{PortLevelMtls}}}"""),
                Yaml("{selector: {matchLabels: {}}, " + PortLevelMtls + "}"),
            ])
        {
            OnTheWay = Yaml($$"""{{{Selector}}}"""),
        };
        yield return new(
            "self.all(key, 0 < int(key) && int(key) <= 65535)",
            [Keys("8080"), Keys("1", "65535")],
            [Keys("0"), Keys("65536"), Keys("http"), Keys(""), Keys("8080", "-1")]);

        // RequestAuthentication JWT rules (Istio's webhook wants an issuer or a jwksUri on each).
        yield return new(
            "(has(self.jwksUri) ? 1 : 0) + (has(self.jwks_uri) ? 1 : 0) + (has(self.jwks) ? 1 : 0) <= 1",
            [Yaml($$"""{{{Issuer}}}"""), Yaml($$"""{{{Issuer}}, {{JwksUri}}}"""), Yaml($$"""{{{Issuer}}, jwks: '{"keys": []}'}"""), Yaml($$"""{{{Issuer}}, jwks_uri: "https://issuer.example.com/jwks"}""")],
            [
                Yaml($$"""{{{Issuer}}, {{JwksUri}}, jwks: '{"keys": []}'}"""), Yaml($$"""{{{Issuer}}, {{JwksUri}}, jwks_uri: "https://issuer.example.com/jwks"}"""),
                Yaml($$"""{{{Issuer}}, {{JwksUri}}, jwks: ''}"""),
            ])
        {
            OnTheWay = Yaml($$"""{{{Issuer}}}"""),
        };

        // Istio's webhook (RA04) rejects the same URLs: MESH0308 comes with the rule's finding.
        yield return new(
            """url(self).getScheme() in ["http", "https"]""",
            [Text("https://issuer.example.com/jwks"), Text("http://issuer.example.com/jwks")],
            [Text("ftp://issuer.example.com/jwks").AlsoReportedAs(Istio.IstioIds.RequestAuthentication), Text("issuer.example.com/jwks").AlsoReportedAs(Istio.IstioIds.RequestAuthentication)]);

        // Telemetry tag overrides.
        yield return new(
            """((has(self.operation) ? self.operation : "") == "UPSERT") ? (self.value != "") : true""",
            [Yaml("{operation: UPSERT, value: request.host}"), Yaml("{value: request.host}"), Yaml("{operation: REMOVE}"), Yaml("{}")],
            [Yaml("{operation: UPSERT, value: ''}"), Yaml("{operation: UPSERT}")]);
        yield return new(
            """((has(self.operation) ? self.operation : "") == "REMOVE") ? !has(self.value) : true""",
            [Yaml("{operation: REMOVE}"), Yaml("{operation: UPSERT, value: request.host}"), Yaml("{value: request.host}")],
            [Yaml("{operation: REMOVE, value: request.host}"), Yaml("{operation: REMOVE, value: ''}")]);
    }

    private static CelRuleCase Text(string value) => new($"\"{value}\"", _ => DocumentScalar.String(value));

    private static CelRuleCase Integer(long value) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture), _ => DocumentScalar.Integer(value));

    // A YAML flow value, read by the validator's own reader as a file would be.
    private static CelRuleCase Yaml(string flow) =>
        new(flow, _ => YamlDocuments.Read("cel-rule-table.yaml", flow).Single().Root ?? throw new InvalidOperationException($"unreadable table value {flow}"));

    // A map with these keys; each value is a valid value of the map's value schema.
    private static CelRuleCase Keys(params string[] keys) =>
        new($"keys [{string.Join(", ", keys.Select(k => $"\"{k}\""))}]", schema => CelRuleDocuments.MapWithKeys(schema, keys)) { MapKeys = keys };
}

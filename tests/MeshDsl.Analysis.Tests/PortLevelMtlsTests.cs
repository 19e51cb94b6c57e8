using Xunit;

namespace MeshDsl.Analysis.Tests;

/// <summary>MESH1105: port-level DISABLE on every port the selected workloads are sent traffic on.</summary>
public sealed class PortLevelMtlsTests
{
    private static string Policy(string mtls = "mtls: {mode: STRICT}", string ports = "{8080: {mode: DISABLE}}") =>
        Manifests.Resource("security.istio.io/v1", "PeerAuthentication", "finance", "foo", $"""
            spec:
              selector: {"{"}matchLabels: {"{"}app: finance{"}"}{"}"}
              {mtls}
              portLevelMtls: {ports}
            """);

    private static string Service(string ports = "[{name: http, port: 80, targetPort: 8080}]", string selector = "{app: finance}", string ns = "foo") =>
        Manifests.Resource("v1", "Service", "finance", ns, $"spec: {{selector: {selector}, ports: {ports}}}");

    private static string Deployment(string ports = "[{name: http, containerPort: 8080}]", string labels = "{app: finance, version: v1}") =>
        Manifests.Resource("apps/v1", "Deployment", "finance-v1", "foo", $"""
            spec:
              selector: {"{"}matchLabels: {labels}{"}"}
              template:
                metadata: {"{"}labels: {labels}{"}"}
                spec:
                  containers: [{"{"}name: finance, image: finance:1, ports: {ports}{"}"}]
            """);

    [Fact]
    public void Disabling_the_only_port_a_service_sends_to_is_reported()
    {
        Assert.Equal(
            new[] { "spec.portLevelMtls: PeerAuthentication foo/finance: spec.portLevelMtls sets DISABLE on port 8080, the only port the workloads it selects (app=finance) are sent traffic on (Service foo/finance): despite mtls.mode STRICT they accept only plain text, and their callers are not authenticated; remove the DISABLE entries so mtls.mode applies, or use PERMISSIVE on a port while its plain-text clients migrate" },
            Analyze.Rule("MESH1105", Policy() + Service()));
    }

    [Theory]
    [InlineData("mtls: {mode: PERMISSIVE}")]
    [InlineData("mtls: {}")]
    public void Any_mode_but_disable_is_reported(string mtls)
    {
        Assert.Single(Analyze.Rule("MESH1105", Policy(mtls) + Service()));
    }

    [Fact]
    public void Every_port_of_the_services_and_templates_counts()
    {
        var findings = Analyze.Rule("MESH1105", Policy(ports: "{8080: {mode: DISABLE}, 9090: {mode: DISABLE}}") + Service("[{port: 80, targetPort: http}, {port: 9090}]") + Deployment());

        Assert.Single(findings);
        Assert.Contains("on ports 8080, 9090, every port the workloads it selects (app=finance) are sent traffic on (Deployment foo/finance-v1, Service foo/finance)", findings[0]);
        Assert.Single(Analyze.Rule("MESH1105", Policy() + Deployment()));
    }

    [Theory]
    [InlineData("[{name: http, port: 80, targetPort: 8080}, {name: grpc, port: 9090}]", "")] // a second Service port keeps mTLS
    [InlineData("[{name: http, port: 80, targetPort: 8080}]", "[{containerPort: 8080}, {containerPort: 15020}]")] // a second container port
    [InlineData("[{name: http, port: 8080, targetPort: 9080}]", "")] // the Service targets another port
    public void A_port_that_keeps_mtls_is_not_reported(string servicePorts, string containerPorts)
    {
        var yaml = Policy() + Service(servicePorts) + (containerPorts.Length > 0 ? Deployment(containerPorts) : string.Empty);

        Assert.Empty(Analyze.Rule("MESH1105", yaml));
    }

    [Theory]
    [InlineData("mtls: {mode: DISABLE}", "{8080: {mode: DISABLE}}")] // MESH1041 says so already
    [InlineData("mtls: {mode: STRICT}", "{8080: {mode: PERMISSIVE}}")]
    public void A_disabled_workload_or_a_port_that_is_not_disabled_is_not_reported(string mtls, string ports)
    {
        Assert.Empty(Analyze.Rule("MESH1105", Policy(mtls, ports) + Service()));
    }

    [Fact]
    public void Workloads_the_policy_does_not_select_say_nothing()
    {
        Assert.Empty(Analyze.Rule("MESH1105", Policy()));
        Assert.Empty(Analyze.Rule("MESH1105", Policy() + Service(ns: "bar")));
        Assert.Empty(Analyze.Rule("MESH1105", Policy() + Service(selector: "{app: ledger}")));
        Assert.Empty(Analyze.Rule("MESH1105", Policy() + Deployment(labels: "{app: ledger}")));
    }

    [Fact]
    public void Ports_or_selectors_that_are_not_known_are_not_reported()
    {
        var yaml = Policy() + Service();

        Assert.Empty(Partial.Rule("MESH1105", yaml, Partial.Open("spec", "portLevelMtls")));
        Assert.Empty(Partial.Rule("MESH1105", yaml, Partial.Unknown("spec", "portLevelMtls", "8080", "mode")));
        Assert.Empty(Partial.Rule("MESH1105", yaml, Partial.Unknown("spec", "selector", "matchLabels", "app")));
        Assert.Empty(Partial.Rule("MESH1105", yaml, (facts, r) => facts.MarkOpen(Partial.At(r[1].Root, "spec", "ports"))));
        Assert.Empty(Partial.Rule("MESH1105", yaml, (facts, r) => facts.MarkUnknown(Partial.At(r[1].Root, "spec", "ports", 0, "targetPort"))));
        Assert.Empty(Partial.Rule("MESH1105", yaml, (facts, r) => facts.MarkOpen(Partial.At(r[1].Root, "spec", "selector"))));
        // A named target port that no declared container names, and a template whose ports are not known.
        Assert.Empty(Analyze.Rule("MESH1105", Policy() + Service("[{port: 80, targetPort: http}]")));
        Assert.Empty(Partial.Rule("MESH1105", yaml + Deployment(), (facts, r) => facts.MarkOpen(Partial.At(r[2].Root, "spec", "template", "spec", "containers", 0, "ports"))));
    }
}

using Xunit;

namespace MeshDsl.Analysis.Tests;

/// <summary>MESH1050, MESH1052, MESH1053: Sidecar egress scope and declared protocols.</summary>
public sealed class EgressRuleTests
{
    private static string Sidecar(string spec) => $"""
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata: {"{"}name: default, namespace: production{"}"}
        spec:
        {spec}
        """;

    [Fact]
    public void Allow_any_is_reported_and_registry_only_is_not()
    {
        Assert.Equal(
            new[] { "spec.outboundTrafficPolicy.mode: Sidecar production/default: spec.outboundTrafficPolicy.mode is ALLOW_ANY, so its workloads may call any external host; set REGISTRY_ONLY and declare the hosts they need as ServiceEntries (an egress gateway and a NetworkPolicy enforce it)" },
            Analyze.Rule("MESH1050", Sidecar("  outboundTrafficPolicy: {mode: ALLOW_ANY}")));
        Assert.Empty(Analyze.Rule("MESH1050", Sidecar("  outboundTrafficPolicy: {mode: REGISTRY_ONLY}")));
        Assert.Empty(Partial.Rule("MESH1050", Sidecar("  outboundTrafficPolicy: {mode: ALLOW_ANY}"), Partial.Unknown("spec", "outboundTrafficPolicy", "mode")));
    }

    [Fact]
    public void Importing_every_namespace_is_reported_and_a_list_of_namespaces_is_not()
    {
        Assert.Equal(
            new[] { "spec.egress[0].hosts[1]: Sidecar production/default: spec.egress[0].hosts[1] is '*/*', so its proxies load every service of the mesh; list the namespaces the workloads call (./*, istio-system/*, backend/*)" },
            Analyze.Rule("MESH1052", Sidecar("  egress: [{hosts: [\"./*\", \"*/*\"]}]")));
        Assert.Empty(Analyze.Rule("MESH1052", Sidecar("  egress: [{hosts: [\"./*\", \"istio-system/*\"]}]")));
        Assert.Empty(Partial.Rule("MESH1052", Sidecar("  egress: [{hosts: [\"*/*\"]}]"), Partial.Unknown("spec", "egress", 0, "hosts", 0)));
    }

    private const string ServiceEntry = """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: payments, namespace: production}
        spec:
          hosts: [payments.example.com]
          resolution: DNS
          ports:
          - {number: 443, name: https, protocol: HTTPS}
          - {number: 5432, name: postgres}
        """;

    [Fact]
    public void A_service_entry_port_without_protocol_is_reported()
    {
        Assert.Equal(
            new[] { "spec.ports[1]: ServiceEntry production/payments: spec.ports[1] declares no protocol, so Istio sniffs it from the first bytes; set protocol (HTTP, HTTP2, GRPC, HTTPS, TLS, TCP, ...)" },
            Analyze.Rule("MESH1053", ServiceEntry));
        Assert.Empty(Analyze.Rule("MESH1053", ServiceEntry.Replace("name: postgres}", "name: postgres, protocol: TCP}")));
    }

    [Fact]
    public void Sidecar_listener_ports_without_protocol_are_reported()
    {
        var findings = Analyze.Rule("MESH1053", Sidecar("  ingress: [{port: {number: 8080, name: web}, defaultEndpoint: \"127.0.0.1:8080\"}]\n  egress: [{port: {number: 9000, protocol: TCP, name: tcp}, hosts: [\"./*\"]}]"));

        Assert.Equal(new[] { "spec.ingress[0].port" }, findings.ConvertAll(f => f.Substring(0, f.IndexOf(':'))));
    }

    [Fact]
    public void A_port_that_may_hold_a_protocol_is_not_reported()
    {
        Assert.Empty(Partial.Rule("MESH1053", ServiceEntry, Partial.Open("spec", "ports", 1)));
    }
}

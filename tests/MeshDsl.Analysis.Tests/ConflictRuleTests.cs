using Xunit;

namespace MeshDsl.Analysis.Tests;

/// <summary>MESH1015, MESH1109, MESH1111: resources that claim the same thing in one namespace.</summary>
public sealed class ConflictRuleTests
{
    private static string DestinationRule(string name, string spec, string ns = "default") => $"""
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {"{"}name: {name}, namespace: {ns}{"}"}
        spec: {spec}
        ---

        """;

    private static string VirtualService(string name, string spec, string ns = "default") => $"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {"{"}name: {name}, namespace: {ns}{"}"}
        spec: {spec}
        ---

        """;

    private static string Sidecar(string name, string spec, string ns = "default") => $"""
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata: {"{"}name: {name}, namespace: {ns}{"}"}
        spec: {spec}
        ---

        """;

    [Fact]
    public void One_object_declared_twice_is_not_a_conflict_between_two()
    {
        const string Policy = "{host: reviews, trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}, subsets: [{name: v1}]}";
        const string Route = "{hosts: [reviews], http: [{route: [{destination: {host: reviews}}]}]}";

        Assert.Empty(Analyze.Rule("MESH1015", DestinationRule("a", Policy) + DestinationRule("a", Policy)));
        Assert.Empty(Analyze.Rule("MESH1109", VirtualService("a", Route) + VirtualService("a", Route)));
        Assert.Empty(Analyze.Rule("MESH1111", Sidecar("a", "{egress: [{hosts: [./*]}]}") + Sidecar("a", "{egress: [{hosts: [./*]}]}")));
    }

    // ---- MESH1015 ------------------------------------------------------------------------------------------

    [Fact]
    public void Destination_rule_fragments_that_set_the_same_thing_are_reported()
    {
        var yaml = DestinationRule("a", "{host: reviews, trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}, subsets: [{name: v1, labels: {version: v1}}]}")
            + DestinationRule("b", "{host: reviews.default.svc.cluster.local, trafficPolicy: {loadBalancer: {simple: LEAST_REQUEST}}, subsets: [{name: v2, labels: {version: v2}}, {name: v1, labels: {version: v1}}]}");

        Assert.Equal(
            new[]
            {
                "spec.trafficPolicy: DestinationRule default/b and DestinationRule default/a both set spec.trafficPolicy for host 'reviews.default.svc.cluster.local', and Istio keeps only one of them; move the policy into one DestinationRule (KIA0201)",
                "spec.subsets[1].name: spec.subsets[1] 'v1' of DestinationRule default/b is also defined by DestinationRule default/a for host 'reviews.default.svc.cluster.local', and Istio keeps only one of them; define each subset once (KIA0201)",
            },
            Analyze.Rule("MESH1015", yaml));
    }

    [Theory]
    [InlineData("{host: reviews, subsets: [{name: v2, labels: {version: v2}}]}", "default")]
    [InlineData("{host: reviews, trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}}", "prod")]
    [InlineData("{host: reviews, workloadSelector: {matchLabels: {app: api}}, trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}}", "default")]
    [InlineData("{host: ratings, trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}}", "default")]
    public void Fragments_that_complement_each_other_are_not_reported(string second, string ns)
    {
        var yaml = DestinationRule("a", "{host: reviews, trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}, subsets: [{name: v1, labels: {version: v1}}]}")
            + DestinationRule("b", second, ns);

        Assert.Empty(Analyze.Rule("MESH1015", yaml));
    }

    [Fact]
    public void A_fragment_whose_host_or_selector_is_not_known_is_not_reported()
    {
        var yaml = DestinationRule("a", "{host: reviews, trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}}")
            + DestinationRule("b", "{host: reviews, trafficPolicy: {tls: {mode: DISABLE}}}");

        Assert.Single(Analyze.Rule("MESH1015", yaml));
        Assert.Empty(Partial.Rule("MESH1015", yaml, (facts, r) => facts.MarkUnknown(Partial.At(r[1].Root, "spec", "host"))));
        Assert.Empty(Partial.Rule("MESH1015", yaml, (facts, r) => facts.MarkOpen(Partial.At(r[1].Root, "spec"))));
    }

    // ---- MESH1109 ------------------------------------------------------------------------------------------

    private const string Routes = "http: [{route: [{destination: {host: reviews}}]}]";

    [Fact]
    public void Two_mesh_virtual_services_routing_one_host_are_reported()
    {
        var yaml = VirtualService("a", $"{{hosts: [reviews], {Routes}}}")
            + VirtualService("b", $"{{hosts: [ratings, reviews.default.svc.cluster.local], gateways: [mesh, istio-system/public], {Routes}}}");

        Assert.Equal(
            new[] { "spec.hosts[1]: spec.hosts[1] 'reviews.default.svc.cluster.local' of VirtualService default/b is also routed for the mesh by VirtualService default/a, and sidecars apply only one of them; merge their http routes into one VirtualService (IST0109)" },
            Analyze.Rule("MESH1109", yaml));
    }

    [Theory]
    [InlineData("{hosts: [reviews], gateways: [istio-system/public], " + Routes + "}", "default")]
    [InlineData("{hosts: [reviews], " + Routes + "}", "prod")]
    [InlineData("{hosts: [reviews], tcp: [{route: [{destination: {host: reviews}}]}]}", "default")]
    [InlineData("{hosts: [ratings], " + Routes + "}", "default")]
    public void Virtual_services_that_do_not_compete_for_sidecar_http_are_not_reported(string second, string ns)
    {
        Assert.Empty(Analyze.Rule("MESH1109", VirtualService("a", "{hosts: [reviews], " + Routes + "}") + VirtualService("b", second, ns)));
    }

    [Fact]
    public void A_virtual_service_whose_binding_or_host_is_not_known_is_not_reported()
    {
        var yaml = VirtualService("a", "{hosts: [reviews], " + Routes + "}") + VirtualService("b", "{hosts: [reviews], gateways: [mesh], " + Routes + "}");

        Assert.Single(Analyze.Rule("MESH1109", yaml));
        Assert.Empty(Partial.Rule("MESH1109", yaml, (facts, r) => facts.MarkUnknown(Partial.At(r[1].Root, "spec", "gateways", 0))));
        Assert.Empty(Partial.Rule("MESH1109", yaml, (facts, r) => facts.MarkUnknown(Partial.At(r[1].Root, "spec", "hosts", 0))));
        Assert.Empty(Partial.Rule("MESH1109", VirtualService("a", "{hosts: [reviews], " + Routes + "}") + VirtualService("b", "{hosts: [reviews], " + Routes + "}"), Partial.Open("spec")));
    }

    // ---- MESH1111 ------------------------------------------------------------------------------------------

    [Fact]
    public void Two_namespace_default_sidecars_are_reported()
    {
        var yaml = Sidecar("a", "{egress: [{hosts: [./*]}]}") + Sidecar("b", "{egress: [{hosts: [istio-system/*]}]}");

        Assert.Equal(
            new[]
            {
                "spec.workloadSelector: Sidecar default/a has no workloadSelector, nor has Sidecar default/b in namespace 'default'; keep one namespace default and give the others a workloadSelector (IST0111)",
                "spec.workloadSelector: Sidecar default/b has no workloadSelector, nor has Sidecar default/a in namespace 'default'; keep one namespace default and give the others a workloadSelector (IST0111)",
            },
            Analyze.Rule("MESH1111", yaml));
    }

    [Theory]
    [InlineData("{workloadSelector: {labels: {app: api}}, egress: [{hosts: [./*]}]}", "default")]
    [InlineData("{egress: [{hosts: [./*]}]}", "prod")]
    public void Selected_or_separate_namespace_sidecars_are_not_reported(string spec, string ns)
    {
        Assert.Empty(Analyze.Rule("MESH1111", Sidecar("a", "{egress: [{hosts: [./*]}]}") + Sidecar("b", spec, ns)));
    }

    [Fact]
    public void A_sidecar_that_may_have_a_selector_is_not_counted()
    {
        var yaml = Sidecar("a", "{egress: [{hosts: [./*]}]}") + Sidecar("b", "{egress: [{hosts: [./*]}]}");

        Assert.Empty(Partial.Rule("MESH1111", yaml, Partial.Open("spec")));
        Assert.Empty(Partial.Rule("MESH1111", yaml, (facts, r) => facts.MarkUnknown(Partial.At(r[1].Root, "metadata", "namespace"))));
    }
}

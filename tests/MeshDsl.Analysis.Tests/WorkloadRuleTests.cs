using Xunit;

namespace MeshDsl.Analysis.Tests;

/// <summary>MESH1060–MESH1061 (EnvoyFilter) and MESH1070–MESH1071 (Deployments).</summary>
public sealed class WorkloadRuleTests
{
    private static string EnvoyFilter(string ns, string spec) => $"""
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata: {"{"}name: lua, namespace: {ns}{"}"}
        spec:
        {spec}
        """;

    private const string Patches = """
          configPatches:
          - applyTo: HTTP_FILTER
            match: {context: SIDECAR_INBOUND, proxy: {proxyVersion: '^1\.30.*'}}
            patch: {operation: INSERT_BEFORE, value: {name: envoy.lua}}
          - applyTo: CLUSTER
            match: {context: SIDECAR_OUTBOUND}
            patch: {operation: MERGE, value: {}}
        """;

    [Fact]
    public void A_selector_less_envoy_filter_in_the_root_namespace_is_reported()
    {
        Assert.Equal(
            new[] { "spec: EnvoyFilter istio-system/lua is in the root namespace 'istio-system' without workloadSelector or targetRefs, so it patches every proxy of the mesh; add a workloadSelector, or move it to the namespace of the workloads it is for" },
            Analyze.Rule("MESH1060", EnvoyFilter("istio-system", Patches)));
    }

    [Theory]
    [InlineData("production", "")]
    [InlineData("istio-system", "  workloadSelector: {labels: {istio: ingressgateway}}\n")]
    public void A_namespaced_or_selected_envoy_filter_is_not_mesh_wide(string ns, string selector)
    {
        Assert.Empty(Analyze.Rule("MESH1060", EnvoyFilter(ns, selector + Patches)));
    }

    [Fact]
    public void An_envoy_filter_whose_spec_may_hold_a_selector_is_not_reported()
    {
        Assert.Empty(Partial.Rule("MESH1060", EnvoyFilter("istio-system", Patches), Partial.Open("spec")));
        Assert.Empty(Partial.Rule("MESH1060", EnvoyFilter("istio-system", Patches), Partial.Unknown("metadata", "namespace")));
    }

    [Fact]
    public void Patches_without_a_proxy_version_are_reported_and_pinned_ones_are_not()
    {
        Assert.Equal(
            new[] { "spec.configPatches[1]: EnvoyFilter production/lua: spec.configPatches[1] has no match.proxy.proxyVersion, so it applies to every proxy version and may break on an upgrade; pin it (proxyVersion: '^1\\.30.*') and review it with each upgrade" },
            Analyze.Rule("MESH1061", EnvoyFilter("production", Patches)));
        Assert.Single(Analyze.Rule("MESH1061", EnvoyFilter("production", "  configPatches: [{applyTo: CLUSTER, patch: {operation: MERGE, value: {}}}]")));
    }

    [Fact]
    public void A_patch_match_that_may_hold_a_proxy_version_is_not_reported()
    {
        Assert.Empty(Partial.Rule("MESH1061", EnvoyFilter("production", Patches), Partial.Open("spec", "configPatches", 1, "match")));
    }

    private static string Deployment(string annotations, string container) => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {"{"}name: api, namespace: production{"}"}
        spec:
          selector: {"{"}matchLabels: {"{"}app: api{"}"}{"}"}
          template:
            metadata:
              labels: {"{"}app: api{"}"}
              annotations: {annotations}
            spec:
              containers:
              - {container}
        """;

    private const string Sized = "{sidecar.istio.io/proxyCPU: 100m, sidecar.istio.io/proxyMemory: 128Mi}";

    private const string Probed = "{name: api, image: example.com/api:1.0.0, livenessProbe: {httpGet: {path: /live, port: 8080}}, readinessProbe: {httpGet: {path: /ready, port: 8080}}}";

    [Fact]
    public void A_pod_template_without_sidecar_resources_is_reported()
    {
        Assert.Equal(
            new[] { "spec.template.metadata.annotations: Deployment production/api: spec.template.metadata.annotations has no sidecar.istio.io/proxyMemory, so its sidecar runs with the install's default requests; set proxyCPU and proxyMemory (and proxyCPULimit, proxyMemoryLimit) for this workload" },
            Analyze.Rule("MESH1070", Deployment("{sidecar.istio.io/proxyCPU: 100m}", Probed)));
        Assert.Single(Analyze.Rule("MESH1070", Deployment("{}", Probed)));
    }

    [Theory]
    [InlineData(Sized)]
    [InlineData("{sidecar.istio.io/inject: \"false\"}")]
    public void A_sized_or_uninjected_pod_template_is_not_reported(string annotations)
    {
        Assert.Empty(Analyze.Rule("MESH1070", Deployment(annotations, Probed)));
    }

    [Fact]
    public void Annotations_that_may_hold_more_are_not_reported()
    {
        Assert.Empty(Partial.Rule("MESH1070", Deployment("{}", Probed), Partial.Open("spec", "template", "metadata", "annotations")));
    }

    [Fact]
    public void A_container_without_probes_is_reported()
    {
        Assert.Equal(
            new[] { "spec.template.spec.containers[0]: Deployment production/api: container 'api' at spec.template.spec.containers[0] has no livenessProbe and no readinessProbe; add them so traffic waits until the container is ready and a hung process is restarted" },
            Analyze.Rule("MESH1071", Deployment(Sized, "{name: api, image: example.com/api:1.0.0}")));
        Assert.Contains("has no readinessProbe; add it", Analyze.Rule("MESH1071", Deployment(Sized, "{name: api, image: x, livenessProbe: {tcpSocket: {port: 8080}}}"))[0]);
        Assert.Empty(Analyze.Rule("MESH1071", Deployment(Sized, Probed)));
    }

    [Fact]
    public void A_container_that_may_hold_probes_is_not_reported()
    {
        Assert.Empty(Partial.Rule("MESH1071", Deployment(Sized, "{name: api, image: example.com/api:1.0.0}"), Partial.Open("spec", "template", "spec", "containers", 0)));
    }
}

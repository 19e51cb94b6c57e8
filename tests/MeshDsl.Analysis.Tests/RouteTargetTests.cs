using Xunit;

namespace MeshDsl.Analysis.Tests;

/// <summary>MESH1101 (route targets), MESH1102, MESH1103 and MESH1031 (gateway binding) over sets of resources.</summary>
public sealed class RouteTargetTests
{
    private const string Reviews = """
        apiVersion: v1
        kind: Service
        metadata: {name: reviews, namespace: default}
        spec:
          ports: [{name: http, port: 9080}]
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: reviews, namespace: default}
        spec:
          host: reviews
          subsets: [{name: v1, labels: {version: v1}}, {name: v2, labels: {version: v2}}]
        ---
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: external, namespace: default}
        spec:
          hosts: ['*.example.com']
          ports: [{number: 443, name: https, protocol: TLS}]
          resolution: DNS
        ---

        """;

    private static string Route(string destination, string ns = "default") => $"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {"{"}name: route, namespace: {ns}{"}"}
        spec:
          hosts: [reviews]
          http:
          - route: [{"{"}destination: {destination}{"}"}]
        """;

    // ---- MESH1101 ------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("{host: reviews}")]
    [InlineData("{host: reviews.default}")]
    [InlineData("{host: reviews.default.svc.cluster.local, port: {number: 9080}}")]
    [InlineData("{host: Reviews.default.svc, subset: v2}")]
    [InlineData("{host: api.example.com, port: {number: 443}}")]
    [InlineData("{host: istio-egressgateway.istio-system.svc.cluster.local}")]
    public void Declared_hosts_ports_and_subsets_are_not_reported(string destination)
    {
        Assert.Empty(Analyze.Rule("MESH1101", Reviews + Route(destination)));
    }

    [Fact]
    public void Services_of_the_root_namespace_come_with_istio_and_the_root_namespace_is_configurable()
    {
        var egress = Route("{host: istio-egressgateway.istio-system.svc.cluster.local}");

        Assert.Empty(Analyze.Rule("MESH1101", Reviews + egress));
        Assert.Single(Analyze.Rule("MESH1101", Reviews + egress, new AnalysisOptions { RootNamespace = "istio-config" }));
    }

    [Fact]
    public void A_host_port_or_subset_declared_nowhere_is_reported()
    {
        Assert.Equal(
            new[] { "spec.http[0].route[0].destination.host: spec.http[0].route[0].destination.host 'ratings' is declared nowhere: no Service (ratings.default), ServiceEntry or external host in the set matches it; fix the name, declare it, or list it in MeshDslExternalHosts (--external-hosts) (IST0101)" },
            Analyze.Rule("MESH1101", Reviews + Route("{host: ratings}")));
        Assert.Equal(
            new[] { "spec.http[0].route[0].destination.port.number: spec.http[0].route[0].destination.port.number is 80, but Service default/reviews exposes 9080; use one of those ports (IST0101)" },
            Analyze.Rule("MESH1101", Reviews + Route("{host: reviews, port: {number: 80}}")));
        Assert.Equal(
            new[] { "spec.http[0].route[0].destination.subset: spec.http[0].route[0].destination routes to subset 'v3' of host 'reviews', but DestinationRule default/reviews has no such subset (it defines v1, v2); add the subset or route to a defined one (IST0101)" },
            Analyze.Rule("MESH1101", Reviews + Route("{host: reviews, subset: v3}")));
        Assert.Equal(
            new[] { "spec.http[0].route[0].destination.subset: spec.http[0].route[0].destination routes to subset 'v1' of host 'api.example.com', but no DestinationRule in the set is for that host; add one that defines subset 'v1' (IST0101)" },
            Analyze.Rule("MESH1101", Reviews + Route("{host: api.example.com, subset: v1}")));
    }

    [Fact]
    public void Subsets_come_from_the_most_specific_destination_rule_exact_before_wildcard()
    {
        const string Wildcard = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: all-external, namespace: default}
            spec:
              host: '*.example.com'
              subsets: [{name: canary, labels: {track: canary}}]
            ---

            """;
        const string Exact = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: api, namespace: default}
            spec:
              host: api.example.com
              subsets: [{name: stable, labels: {track: stable}}]
            ---

            """;

        // Only the wildcard rule is for api.example.com: its subsets count.
        Assert.Empty(Analyze.Rule("MESH1101", Reviews + Wildcard + Route("{host: api.example.com, subset: canary}")));
        // An exact rule takes over: the wildcard rule's subsets no longer count, as in Istio.
        Assert.Equal(
            new[] { "spec.http[0].route[0].destination.subset: spec.http[0].route[0].destination routes to subset 'canary' of host 'api.example.com', but DestinationRule default/api has no such subset (it defines stable); add the subset or route to a defined one (IST0101)" },
            Analyze.Rule("MESH1101", Reviews + Wildcard + Exact + Route("{host: api.example.com, subset: canary}")));
        Assert.Empty(Analyze.Rule("MESH1101", Reviews + Wildcard + Exact + Route("{host: api.example.com, subset: stable}")));
        // A host that neither rule covers has no DestinationRule.
        Assert.Single(Analyze.Rule("MESH1101", Reviews + Wildcard + Exact + Route("{host: reviews.default.svc.cluster.local, subset: canary}")).FindAll(f => f.Contains("subset 'canary'", System.StringComparison.Ordinal)));
    }

    [Fact]
    public void Short_names_resolve_in_the_virtual_service_namespace_and_mirrors_count()
    {
        Assert.Single(Analyze.Rule("MESH1101", Reviews + Route("{host: reviews}", ns: "prod")));

        var mirror = Reviews + Route("{host: reviews}") + "\n    mirror: {host: reviews-shadow}\n    mirrors: [{destination: {host: other.example.org}}]\n";
        Assert.Equal(
            new[] { "spec.http[0].mirror.host", "spec.http[0].mirrors[0].destination.host" },
            Analyze.Rule("MESH1101", mirror).ConvertAll(f => f.Substring(0, f.IndexOf(':'))));
    }

    [Fact]
    public void Hosts_are_checked_only_against_declarations_of_their_form()
    {
        // No Service declared: Kubernetes names may live in the cluster. No ServiceEntry: nor may outside names.
        const string OnlyEntry = "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: e}\nspec: {hosts: [api.example.com], resolution: DNS}\n---\n";
        Assert.Empty(Analyze.Rule("MESH1101", OnlyEntry + Route("{host: ratings.prod.svc.cluster.local}")));
        Assert.Single(Analyze.Rule("MESH1101", OnlyEntry + Route("{host: api.example.org}")));
        Assert.Empty(Analyze.Rule("MESH1101", Route("{host: ratings, subset: v1}")));
    }

    [Fact]
    public void External_hosts_from_the_options_are_declared()
    {
        var options = new AnalysisOptions { ExternalHosts = new[] { "ratings.default.svc.cluster.local", "*.example.org" } };

        Assert.Empty(Analyze.Rule("MESH1101", Reviews + Route("{host: ratings}"), options));
        Assert.Empty(Analyze.Rule("MESH1101", Reviews + Route("{host: www.example.org, port: {number: 8443}}"), options));
    }

    [Fact]
    public void Targets_or_declarations_that_are_not_known_are_not_reported()
    {
        var yaml = Reviews + Route("{host: ratings, subset: v9, port: {number: 80}}");
        Assert.Equal(2, Analyze.Rule("MESH1101", yaml).Count);

        // The route's host, the Service's name, the DestinationRule's subsets and the ServiceEntry's hosts in turn.
        // An unknown host leaves its subset and port unjudged too.
        Assert.Empty(Partial.Rule("MESH1101", yaml, (facts, r) => facts.MarkUnknown(Partial.At(r[3].Root, "spec", "http", 0, "route", 0, "destination", "host"))));
        Assert.Single(Partial.Rule("MESH1101", yaml, (facts, r) => facts.MarkUnknown(Partial.At(r[0].Root, "metadata", "name"))));
        Assert.Empty(Partial.Rule("MESH1101", Reviews + Route("{host: reviews, subset: v9}"), (facts, r) => facts.MarkOpen(Partial.At(r[1].Root, "spec", "subsets"))));
        Assert.Empty(Partial.Rule("MESH1101", Reviews + Route("{host: api.example.org}"), (facts, r) => facts.MarkOpen(Partial.At(r[2].Root, "spec", "hosts"))));
        Assert.Empty(Partial.Rule("MESH1101", Reviews + Route("{host: reviews, port: {number: 80}}"), (facts, r) => facts.MarkOpen(Partial.At(r[0].Root, "spec", "ports"))));
    }

    // ---- MESH1102, MESH1103, MESH1031 -----------------------------------------------------------------------

    private const string Gateway = """
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata: {name: public, namespace: istio-system}
        spec:
          selector: {istio: ingressgateway}
          servers:
          - port: {number: 443, name: https, protocol: HTTPS}
            tls: {mode: SIMPLE, credentialName: shop-cert}
            hosts: [shop.example.com, 'web/*.example.org']
        ---

        """;

    private static string Bound(string gateways, string hosts = "[shop.example.com]", string ns = "web") => $"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {"{"}name: shop, namespace: {ns}{"}"}
        spec:
          hosts: {hosts}
          gateways: {gateways}
          http:
          - route: [{"{"}destination: {"{"}host: shop{"}"}{"}"}]
        """;

    [Fact]
    public void A_gateway_the_set_does_not_declare_is_reported()
    {
        Assert.Equal(
            new[] { "spec.gateways[1]: spec.gateways[1] names Gateway 'istio-system/pubic', which is not in the set; fix the name (namespace/name for a Gateway in another namespace) or declare the Gateway (IST0101)" },
            Analyze.Rule("MESH1102", Gateway + Bound("[mesh, istio-system/pubic]")));
        Assert.Single(Analyze.Rule("MESH1102", Gateway + Bound("[public]")));
    }

    [Theory]
    [InlineData("[istio-system/public, mesh]", "web")]
    [InlineData("[public]", "istio-system")]
    [InlineData("[./public]", "istio-system")]
    [InlineData("[public.istio-system.svc.cluster.local]", "web")]
    public void A_declared_gateway_is_not_reported(string gateways, string ns)
    {
        Assert.Empty(Analyze.Rule("MESH1102", Gateway + Bound(gateways, ns: ns)));
    }

    [Fact]
    public void Gateways_are_not_looked_for_when_the_set_declares_none_or_one_is_not_known()
    {
        Assert.Empty(Analyze.Rule("MESH1102", Bound("[istio-system/pubic]")));
        Assert.Empty(Partial.Rule("MESH1102", Gateway + Bound("[istio-system/pubic]"), (facts, r) => facts.MarkUnknown(Partial.At(r[0].Root, "metadata", "name"))));
        Assert.Empty(Partial.Rule("MESH1102", Gateway + Bound("[istio-system/pubic]"), (facts, r) => facts.MarkUnknown(Partial.At(r[1].Root, "spec", "gateways", 0))));
    }

    [Fact]
    public void Hosts_the_gateway_does_not_serve_are_reported()
    {
        Assert.Equal(
            new[] { "spec.gateways[0]: VirtualService web/shop is bound to Gateway 'istio-system/public', but none of its hosts (shop.example.net) is among the Gateway's server hosts (shop.example.com, *.example.org); add one of its hosts to a server, or change the VirtualService's hosts (IST0132)" },
            Analyze.Rule("MESH1103", Gateway + Bound("[istio-system/public]", "[shop.example.net]")));
        // web/*.example.org serves only VirtualServices in namespace web.
        Assert.Single(Analyze.Rule("MESH1103", Gateway + Bound("[istio-system/public]", "[www.example.org]", ns: "shop")));
    }

    [Theory]
    [InlineData("[shop.example.com]")]
    [InlineData("[www.example.org, other.example.net]")]
    [InlineData("['*.example.com']")]
    public void Hosts_the_gateway_serves_are_not_reported(string hosts)
    {
        Assert.Empty(Analyze.Rule("MESH1103", Gateway + Bound("[istio-system/public]", hosts)));
    }

    [Fact]
    public void Hosts_that_are_not_known_on_either_side_are_not_reported()
    {
        var yaml = Gateway + Bound("[istio-system/public]", "[shop.example.net]");

        Assert.Empty(Partial.Rule("MESH1103", yaml, (facts, r) => facts.MarkUnknown(Partial.At(r[1].Root, "spec", "hosts", 0))));
        Assert.Empty(Partial.Rule("MESH1103", yaml, Partial.Open("spec", "servers", 0, "hosts")));
        Assert.Empty(Partial.Rule("MESH1103", yaml, Partial.Open("spec", "servers")));
    }

    [Fact]
    public void A_wildcard_host_on_a_gateway_bound_virtual_service_is_reported()
    {
        Assert.Equal(
            new[] { "spec.hosts[1]: spec.hosts[1] is '*' on VirtualService web/shop, bound to gateway istio-system/public: it claims every host the gateway serves; list the host names it should answer instead" },
            Analyze.Rule("MESH1031", Bound("[mesh, istio-system/public]", "[shop.example.com, '*']")));
        Assert.Empty(Analyze.Rule("MESH1031", Bound("[mesh]", "['*']")));
        Assert.Empty(Analyze.Rule("MESH1031", Bound("[istio-system/public]", "[shop.example.com]")));
        Assert.Empty(Partial.Rule("MESH1031", Bound("[istio-system/public]", "['*']"), Partial.Unknown("spec", "hosts", 0)));
        Assert.Empty(Partial.Rule("MESH1031", Bound("[istio-system/public]", "['*']"), Partial.Unknown("spec", "gateways", 0)));
    }
}

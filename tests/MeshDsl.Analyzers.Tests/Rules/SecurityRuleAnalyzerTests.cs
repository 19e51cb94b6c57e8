using System.Threading.Tasks;
using Xunit;

namespace MeshDsl.Analyzers.Tests.Rules;

/// <summary>
/// The Security rules on builder chains (docs/rules/MESH1023-1025, 1040-1050, 1053, 1054, 1105): each reported at the
/// call that wrote the node, and silent on the corrected chain; options come from .editorconfig. Each theory fills
/// one snippet, and its rows carry the markup.
/// </summary>
public sealed class SecurityRuleAnalyzerTests
{
    [Theory]
    [InlineData(""".{|MESH1023:InsecureSkipVerify(true)|}""")] // skips verification: reported at its call
    [InlineData(""".InsecureSkipVerify(false)""")] // verifies: not reported
    public Task Mesh1023_insecure_skip_verify_is_reported_at_its_call_when_true(string verify) =>
        Verify.Analyzer(ClientTls("api.bank.example", $$""".Tls(t => t.Mode(ClientTLSMode.Simple).CaCertificates("/etc/certs/bank-ca.pem"){{verify}})"""), "MESH1023");

    [Theory]
    [InlineData(""".Tls(t => t.{|MESH1024:Mode(ClientTLSMode.Disable)|})""")] // disabled: reported at the Mode call
    [InlineData(""".Tls(t => t.Mode(ClientTLSMode.IstioMutual))""")] // Istio mutual: not reported
    public Task Mesh1024_tls_towards_a_mesh_service_is_reported_at_the_mode_call_when_disabled(string tls) =>
        Verify.Analyzer(ClientTls("reviews.shop.svc.cluster.local", tls), "MESH1024");

    [Theory]
    [InlineData(""".{|MESH1025:Tls(t => t.Mode(ClientTLSMode.Simple).Sni("api.bank.example"))|}""")] // no CA: reported at the Tls call
    [InlineData(""".Tls(t => t.Mode(ClientTLSMode.Simple).Sni("api.bank.example").CredentialName("bank-ca"))""")] // a credential name: not reported
    public Task Mesh1025_tls_origination_is_reported_at_the_tls_call_when_it_has_no_ca_certificates(string tls) =>
        Verify.Analyzer(ClientTls("api.bank.example", tls), "MESH1025");

    [Theory]
    [InlineData(""".{|MESH1040:Mode(MutualTLSMode.Permissive)|}""")] // permissive: reported at the Mode call
    [InlineData(""".Mode(MutualTLSMode.Strict)""")] // strict: not reported
    public Task Mesh1040_a_mesh_wide_peer_authentication_is_reported_at_the_mode_call_when_permissive(string mode) =>
        Verify.Analyzer(Policies(PeerAuthentication("Mesh", "default", "istio-system", $".Mtls(m => m{mode})")), "MESH1040");

    [Fact]
    public Task Mesh1040_the_root_namespace_comes_from_meshdsl_root_namespace() => Verify.AnalyzerWithOptions(
        Policies(
            PeerAuthentication("Mesh", "default", "mesh-root", """.Mtls(m => m.{|MESH1040:Mode(MutualTLSMode.Permissive)|})"""),
            PeerAuthentication("NotTheRoot", "default", "istio-system", """.Mtls(m => m.Mode(MutualTLSMode.Permissive))""")),
        "meshdsl_root_namespace = mesh-root\n",
        "MESH1040");

    [Theory]
    [InlineData("", LegacySelector + """.Mtls(m => m.{|MESH1041:Mode(MutualTLSMode.Disable)|})""")] // disabled: reported at the Mode call
    [InlineData("", LegacySelector + """.Mtls(m => m.Mode(MutualTLSMode.Strict))""")] // strict: not reported
    [InlineData("", """.Mtls(new MutualTLS { {|MESH1041:Mode = MutualTLSMode.Disable|} })""")] // a model object: reported at the Mode assignment
    [InlineData("const MutualTLSMode Off = MutualTLSMode.Disable;", """.Mtls(m => m.{|MESH1041:Mode(Off)|})""")] // an enum constant: reported at the Mode call
    public Task Mesh1041_mtls_is_reported_at_the_mode_when_disabled(string fields, string mtls) =>
        Verify.Analyzer(Policies(fields, PeerAuthentication("Legacy", "legacy", "shop", mtls)), "MESH1041");

    [Theory]
    [InlineData(""".{|MESH1105:PortLevelMtls("8080", m => m.Mode(MutualTLSMode.Disable))|}""")] // the Service's only target port: reported at the PortLevelMtls call
    [InlineData(""".PortLevelMtls("9102", m => m.Mode(MutualTLSMode.Disable))""")] // a port the Service does not send to: not reported
    public Task Mesh1105_port_level_mtls_is_reported_at_its_call_when_it_disables_every_port_of_the_workload(string portLevel) => Verify.Analyzer(
        "using System.Collections.Generic;\nusing k8s.Models;\n\n" + Policies(
            PeerAuthentication("Ledger", "ledger", "shop", """.Selector(s => s.MatchLabels("app", "ledger")).Mtls(m => m.Mode(MutualTLSMode.Strict))""" + portLevel),
            LedgerService),
        "MESH1105");

    [Theory]
    [InlineData(true, """s.Namespaces("shop")""")] // callers picked by namespace only: reported at the JwtRules call
    [InlineData(false, """s.RequestPrincipals("*")""")] // any valid token required: not reported
    public Task Mesh1046_a_request_authentication_is_reported_at_its_jwt_rules_call_when_no_policy_requires_a_token(bool reported, string source) =>
        Verify.Analyzer(
            Policies(
                CartJwt(Snippet.MarkedIf(reported, "MESH1046", CartJwtRules)),
                Authorization("Cart", "cart", $$""".Selector(s => s.MatchLabels("app", "cart")).Action(AuthorizationPolicyAction.Allow).Rules(r => r.From(f => f.Source(s => {{source}})))""")),
            "MESH1046");

    [Theory]
    [InlineData(""".{|MESH1042:Rules(r => { })|}""")] // an empty rule: reported at its Rules call
    [InlineData(""".Rules(r => r.From(f => f.Source(s => s.Principals("cluster.local/ns/shop/sa/frontend"))))""")] // names its callers: not reported
    public Task Mesh1042_an_allow_rule_is_reported_at_its_rules_call_when_empty(string rules) =>
        Verify.Analyzer(Policies(Authorization("Cart", "cart", """.Selector(s => s.MatchLabels("app", "cart")).Action(AuthorizationPolicyAction.Allow)""" + rules)), "MESH1042");

    [Theory]
    // allow by exclusion, deny by positive match: reported at each list call
    [InlineData(
        """.{|MESH1043:NotPaths("/admin/*")|}""",
        """.To(t => t.Operation(o => o.{|MESH1043:Paths("/admin/*")|})).When(c => c.Key("request.headers[x-role]").{|MESH1043:Values("guest")|})""")]
    // allow by positive match, deny by exclusion: not reported
    [InlineData(
        """.Paths("/api/*")""",
        """.To(t => t.Operation(o => o.NotPaths("/api/*", "/health"))).When(c => c.Key("request.headers[x-role]").NotValues("admin", "user"))""")]
    public Task Mesh1043_allow_by_exclusion_and_deny_by_positive_match_are_reported_at_the_list_calls(string allowOperation, string denyRule) =>
        Verify.Analyzer(
            Policies(
                Authorization("Allow", "allow", $".Action(AuthorizationPolicyAction.Allow).Rules(r => r.To(t => t.Operation(o => o{allowOperation})))"),
                Authorization("Deny", "deny", $".Action(AuthorizationPolicyAction.Deny).Rules(r => r{denyRule})")),
            "MESH1043");

    [Theory]
    [InlineData(""".{|MESH1044:Hosts("admin.example.com")|}""")] // no port variant: reported at the Hosts call
    [InlineData(""".Hosts("admin.example.com", "admin.example.com:*")""")] // with its port variant: not reported
    public Task Mesh1044_a_deny_host_is_reported_at_the_hosts_call_without_its_port_variant(string hosts) =>
        Verify.Analyzer(Policies(HostPolicy("Deny", hosts)), "MESH1044");

    [Theory]
    [InlineData(""".{|MESH1054:Hosts("shop.example.com")|}""")] // no port variant: reported at the Hosts call
    [InlineData(""".Hosts("shop.example.com", "shop.example.com:*")""")] // with its port variant: not reported
    public Task Mesh1054_an_allow_host_is_reported_at_the_hosts_call_without_its_port_variant(string hosts) =>
        Verify.Analyzer(Policies(HostPolicy("Allow", hosts)), "MESH1054");

    [Theory]
    [InlineData("billing", """.{|MESH1045:Namespace("shop")|}""")] // the baseline is in another namespace: reported at the Namespace call
    [InlineData("shop", """.Namespace("shop")""")] // an allow-nothing baseline beside it: not reported
    public Task Mesh1045_allow_policies_are_reported_at_the_namespace_call_without_a_baseline(string baselineNamespace, string cartNamespace) =>
        Verify.Analyzer(Baseline(baselineNamespace, cartNamespace), "MESH1045");

    [Fact]
    public Task Mesh1045_a_baseline_in_the_root_namespace_from_editorconfig_covers_every_namespace() => Verify.AnalyzerWithOptions(
        Baseline("mesh-root", """.Namespace("shop")"""),
        "meshdsl_root_namespace = mesh-root\n",
        "MESH1045");

    [Fact]
    public Task Mesh1045_a_baseline_in_the_root_namespace_from_msbuild_covers_every_namespace() => ConfiguredVerify.AnalyzerWithGlobalConfig(
        Baseline("mesh-root", """.Namespace("shop")"""),
        "build_property.MeshDslRootNamespace = mesh-root\n",
        "MESH1045");

    [Theory]
    [InlineData(""".{|MESH1047:Annotations("istio.io/dry-run", "true")|}""")] // dry run: reported at the Annotations call
    [InlineData(""".Annotations("istio.io/dry-run", "false").Labels("team", "security")""")] // enforced: not reported
    public Task Mesh1047_a_dry_run_annotation_is_reported_at_the_annotations_call(string metadata) =>
        Verify.Analyzer(
            Policies(Authorization("DenyGuests", "deny-guests", $$""".Metadata(m => m{{metadata}}).Action(AuthorizationPolicyAction.Deny).Rules(r => r.From(f => f.Source(s => s.NotNamespaces("shop"))))""")),
            "MESH1047");

    [Theory]
    [InlineData(""".{|MESH1048:JwksUri("http://auth.example.com/.well-known/jwks.json")|}""")] // plain http: reported at its call
    [InlineData(""".JwksUri("https://auth.example.com/.well-known/jwks.json")""")] // https: not reported
    public Task Mesh1048_a_jwks_uri_is_reported_at_its_call_when_over_plain_http(string jwksUri) => Verify.Analyzer($$"""
        class Policies
        {
            static RequestAuthentication Jwt = RequestAuthentication.Create("jwt", ra => ra
                .Namespace("shop")
                .JwtRules(j => j
                    .Issuer("https://auth.example.com")
                    {{jwksUri}}));
        }
        """, "MESH1048");

    [Theory]
    [InlineData(""".{|MESH1049:Mode(MutualTLSMode.Permissive)|}""")] // permissive in production: reported at the Mode call
    [InlineData(""".Mode(MutualTLSMode.Strict)""")] // strict in production: not reported
    public Task Mesh1049_mtls_in_a_production_namespace_is_reported_at_the_mode_call_when_permissive(string mode) => Verify.AnalyzerWithOptions(
        Policies(
            PeerAuthentication("Payments", "payments", "payments", $".Mtls(m => m{mode})"),
            // permissive outside production: never reported
            PeerAuthentication("Dev", "dev", "dev", """.Mtls(m => m.Mode(MutualTLSMode.Permissive))""")),
        "meshdsl_production_namespaces = payments, orders\n",
        "MESH1049");

    [Theory]
    [InlineData(""".{|MESH1050:Mode(OutboundTrafficPolicyMode.AllowAny)|}""")] // allow any: reported at the Mode call
    [InlineData(""".Mode(OutboundTrafficPolicyMode.RegistryOnly)""")] // registry only: not reported
    public Task Mesh1050_outbound_traffic_is_reported_at_the_mode_call_when_allow_any(string mode) =>
        Verify.Analyzer(Snippet.ShopSidecar($".OutboundTrafficPolicy(o => o{mode})"), "MESH1050");

    [Theory]
    // no protocol on a service entry port nor on a sidecar ingress port: reported at both calls
    [InlineData(
        """.{|MESH1053:Ports(p => p.Number(5432).Name("postgres"))|}""",
        """.{|MESH1053:Port(p => p.Number(8080).Name("web"))|}""")]
    // both with a protocol: not reported
    [InlineData(
        """.Ports(p => p.Number(5432).Name("postgres").Protocol("TCP"))""",
        """.Port(p => p.Number(8080).Name("web").Protocol("HTTP"))""")]
    public Task Mesh1053_ports_are_reported_at_their_calls_when_they_have_no_protocol(string entryPorts, string ingressPort) => Verify.Analyzer($$"""
        class Mesh
        {
            static ServiceEntry Database = ServiceEntry.Create("database", se => se
                .Namespace("shop")
                .Hosts("db.example.com")
                {{entryPorts}}
                .Resolution(ServiceEntryResolution.Dns));

            static Sidecar Cart = Sidecar.Create("cart", sc => sc
                .Namespace("shop")
                .WorkloadSelector(w => w.Labels("app", "cart"))
                .Ingress(i => i{{ingressPort}}.DefaultEndpoint("127.0.0.1:8080")));
        }
        """, "MESH1053");

    private const string CartJwtRules = """JwtRules(j => j.Issuer("https://auth.example.com").JwksUri("https://auth.example.com/.well-known/jwks.json"))""";

    /// <summary>A request authentication for the cart workload, <paramref name="jwtRules"/> its JwtRules call.</summary>
    private static string CartJwt(string jwtRules) => $$"""
            static RequestAuthentication Jwt = RequestAuthentication.Create("jwt", ra => ra
                .Namespace("shop")
                .Selector(s => s.MatchLabels("app", "cart"))
                .{{jwtRules}});
        """;

    /// <summary>The ledger Service: its pods are sent traffic on port 8080 only.</summary>
    private const string LedgerService = """
            static V1Service LedgerService = new V1Service
            {
                Metadata = new V1ObjectMeta { Name = "ledger", NamespaceProperty = "shop" },
                Spec = new V1ServiceSpec
                {
                    Selector = new Dictionary<string, string> { ["app"] = "ledger" },
                    Ports = [new V1ServicePort { Name = "http", Port = 80, TargetPort = 8080 }],
                },
            };
        """;

    private const string LegacySelector = """.Selector(s => s.MatchLabels("app", "legacy"))""";

    /// <summary>A destination rule for <paramref name="host"/> whose traffic policy is <paramref name="policy"/>.</summary>
    private static string ClientTls(string host, string policy) => $$"""
        class Rules
        {
            static DestinationRule Rule = DestinationRule.Create("rule", dr => dr
                .Namespace("shop")
                .Host("{{host}}")
                .TrafficPolicy(tp => tp{{policy}}));
        }
        """;

    private static string Policies(params string[] members) => Snippet.Class("Policies", members);

    private static string PeerAuthentication(string field, string name, string ns, string chain) => $$"""
            static PeerAuthentication {{field}} = PeerAuthentication.Create("{{name}}", pa => pa
                .Namespace("{{ns}}")
                {{chain}});
        """;

    private static string Authorization(string field, string name, string chain, string ns = """.Namespace("shop")""") => $$"""
            static AuthorizationPolicy {{field}} = AuthorizationPolicy.Create("{{name}}", ap => ap
                {{ns}}
                {{chain}});
        """;

    private static string HostPolicy(string action, string hosts) =>
        Authorization(action, action.ToLowerInvariant(), $".Action(AuthorizationPolicyAction.{action}).Rules(r => r.To(t => t.Operation(o => o{hosts})))");

    /// <summary>An allow-nothing baseline in <paramref name="baselineNamespace"/>, and an allow policy for cart in <paramref name="cartNamespace"/>.</summary>
    private static string Baseline(string baselineNamespace, string cartNamespace) => Policies(
        Authorization("AllowNothing", "allow-nothing", "", $$""".Namespace("{{baselineNamespace}}")"""),
        Authorization("Cart", "cart", """.Selector(s => s.MatchLabels("app", "cart")).Rules(r => r.From(f => f.Source(s => s.Namespaces("shop"))))""", cartNamespace));
}

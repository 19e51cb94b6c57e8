using System.Threading.Tasks;
using Xunit;

namespace MeshDsl.Analyzers.Tests.Rules;

/// <summary>
/// The Security rules on builder chains (docs/rules/MESH1023-1025, 1040-1050, 1053, 1054): each reported at the
/// call that wrote the node, and silent on the corrected chain; options come from .editorconfig.
/// </summary>
public sealed class SecurityRuleAnalyzerTests
{
    [Fact]
    public Task Mesh1023_insecure_skip_verify_is_reported_at_its_call() => Verify.Analyzer("""
        class Rules
        {
            static DestinationRule Bank = DestinationRule.Create("bank", dr => dr
                .Namespace("shop")
                .Host("api.bank.example")
                .TrafficPolicy(tp => tp.Tls(t => t
                    .Mode(ClientTLSMode.Simple)
                    .CaCertificates("/etc/certs/bank-ca.pem")
                    .{|MESH1023:InsecureSkipVerify(true)|})));
        }
        """, "MESH1023");

    [Fact]
    public Task Mesh1023_verified_tls_origination_is_not_reported() => Verify.Analyzer("""
        class Rules
        {
            static DestinationRule Bank = DestinationRule.Create("bank", dr => dr
                .Namespace("shop")
                .Host("api.bank.example")
                .TrafficPolicy(tp => tp.Tls(t => t
                    .Mode(ClientTLSMode.Simple)
                    .CaCertificates("/etc/certs/bank-ca.pem")
                    .InsecureSkipVerify(false))));
        }
        """, "MESH1023");

    [Fact]
    public Task Mesh1024_tls_disabled_towards_a_mesh_service_is_reported_at_the_mode_call() => Verify.Analyzer("""
        class Rules
        {
            static DestinationRule Reviews = DestinationRule.Create("reviews", dr => dr
                .Namespace("shop")
                .Host("reviews.shop.svc.cluster.local")
                .TrafficPolicy(tp => tp.Tls(t => t.{|MESH1024:Mode(ClientTLSMode.Disable)|})));
        }
        """, "MESH1024");

    [Fact]
    public Task Mesh1024_istio_mutual_towards_a_mesh_service_is_not_reported() => Verify.Analyzer("""
        class Rules
        {
            static DestinationRule Reviews = DestinationRule.Create("reviews", dr => dr
                .Namespace("shop")
                .Host("reviews.shop.svc.cluster.local")
                .TrafficPolicy(tp => tp.Tls(t => t.Mode(ClientTLSMode.IstioMutual))));
        }
        """, "MESH1024");

    [Fact]
    public Task Mesh1025_tls_origination_without_ca_certificates_is_reported_at_the_tls_call() => Verify.Analyzer("""
        class Rules
        {
            static DestinationRule Bank = DestinationRule.Create("bank", dr => dr
                .Namespace("shop")
                .Host("api.bank.example")
                .TrafficPolicy(tp => tp.{|MESH1025:Tls(t => t.Mode(ClientTLSMode.Simple).Sni("api.bank.example"))|}));
        }
        """, "MESH1025");

    [Fact]
    public Task Mesh1025_tls_origination_with_a_credential_name_is_not_reported() => Verify.Analyzer("""
        class Rules
        {
            static DestinationRule Bank = DestinationRule.Create("bank", dr => dr
                .Namespace("shop")
                .Host("api.bank.example")
                .TrafficPolicy(tp => tp.Tls(t => t.Mode(ClientTLSMode.Simple).Sni("api.bank.example").CredentialName("bank-ca"))));
        }
        """, "MESH1025");

    [Fact]
    public Task Mesh1040_a_permissive_mesh_wide_policy_is_reported_at_the_mode_call() => Verify.Analyzer("""
        class Policies
        {
            static PeerAuthentication Mesh = PeerAuthentication.Create("default", pa => pa
                .Namespace("istio-system")
                .Mtls(m => m.{|MESH1040:Mode(MutualTLSMode.Permissive)|}));
        }
        """, "MESH1040");

    [Fact]
    public Task Mesh1040_a_strict_mesh_wide_policy_is_not_reported() => Verify.Analyzer("""
        class Policies
        {
            static PeerAuthentication Mesh = PeerAuthentication.Create("default", pa => pa
                .Namespace("istio-system")
                .Mtls(m => m.Mode(MutualTLSMode.Strict)));
        }
        """, "MESH1040");

    [Fact]
    public Task Mesh1040_the_root_namespace_comes_from_meshdsl_root_namespace() => Verify.AnalyzerWithOptions(
        """
        class Policies
        {
            static PeerAuthentication Mesh = PeerAuthentication.Create("default", pa => pa
                .Namespace("mesh-root")
                .Mtls(m => m.{|MESH1040:Mode(MutualTLSMode.Permissive)|}));

            static PeerAuthentication NotTheRoot = PeerAuthentication.Create("default", pa => pa
                .Namespace("istio-system")
                .Mtls(m => m.Mode(MutualTLSMode.Permissive)));
        }
        """,
        "meshdsl_root_namespace = mesh-root\n",
        "MESH1040");

    [Fact]
    public Task Mesh1041_disabled_mtls_is_reported_at_the_mode_call() => Verify.Analyzer("""
        class Policies
        {
            static PeerAuthentication Legacy = PeerAuthentication.Create("legacy", pa => pa
                .Namespace("shop")
                .Selector(s => s.MatchLabels("app", "legacy"))
                .Mtls(m => m.{|MESH1041:Mode(MutualTLSMode.Disable)|}));
        }
        """, "MESH1041");

    [Fact]
    public Task Mesh1041_strict_mtls_is_not_reported() => Verify.Analyzer("""
        class Policies
        {
            static PeerAuthentication Legacy = PeerAuthentication.Create("legacy", pa => pa
                .Namespace("shop")
                .Selector(s => s.MatchLabels("app", "legacy"))
                .Mtls(m => m.Mode(MutualTLSMode.Strict)));
        }
        """, "MESH1041");

    [Fact]
    public Task Mesh1042_an_empty_allow_rule_is_reported_at_its_rules_call() => Verify.Analyzer("""
        class Policies
        {
            static AuthorizationPolicy Open = AuthorizationPolicy.Create("open", ap => ap
                .Namespace("shop")
                .Selector(s => s.MatchLabels("app", "cart"))
                .Action(AuthorizationPolicyAction.Allow)
                .{|MESH1042:Rules(r => { })|});
        }
        """, "MESH1042");

    [Fact]
    public Task Mesh1042_an_allow_rule_that_names_its_callers_is_not_reported() => Verify.Analyzer("""
        class Policies
        {
            static AuthorizationPolicy Cart = AuthorizationPolicy.Create("cart", ap => ap
                .Namespace("shop")
                .Selector(s => s.MatchLabels("app", "cart"))
                .Action(AuthorizationPolicyAction.Allow)
                .Rules(r => r.From(f => f.Source(s => s.Principals("cluster.local/ns/shop/sa/frontend")))));
        }
        """, "MESH1042");

    [Fact]
    public Task Mesh1043_allow_by_exclusion_and_deny_by_positive_match_are_reported_at_the_list_calls() => Verify.Analyzer("""
        class Policies
        {
            static AuthorizationPolicy AllowAllButAdmin = AuthorizationPolicy.Create("allow-all-but-admin", ap => ap
                .Namespace("shop")
                .Action(AuthorizationPolicyAction.Allow)
                .Rules(r => r.To(t => t.Operation(o => o.{|MESH1043:NotPaths("/admin/*")|}))));

            static AuthorizationPolicy DenyAdmin = AuthorizationPolicy.Create("deny-admin", ap => ap
                .Namespace("shop")
                .Action(AuthorizationPolicyAction.Deny)
                .Rules(r => r
                    .To(t => t.Operation(o => o.{|MESH1043:Paths("/admin/*")|}))
                    .When(c => c.Key("request.headers[x-role]").{|MESH1043:Values("guest")|})));
        }
        """, "MESH1043");

    [Fact]
    public Task Mesh1043_allow_by_positive_match_and_deny_by_exclusion_are_not_reported() => Verify.Analyzer("""
        class Policies
        {
            static AuthorizationPolicy AllowApi = AuthorizationPolicy.Create("allow-api", ap => ap
                .Namespace("shop")
                .Action(AuthorizationPolicyAction.Allow)
                .Rules(r => r.To(t => t.Operation(o => o.Paths("/api/*")))));

            static AuthorizationPolicy DenyOthers = AuthorizationPolicy.Create("deny-others", ap => ap
                .Namespace("shop")
                .Action(AuthorizationPolicyAction.Deny)
                .Rules(r => r
                    .To(t => t.Operation(o => o.NotPaths("/api/*", "/health")))
                    .When(c => c.Key("request.headers[x-role]").NotValues("admin", "user"))));
        }
        """, "MESH1043");

    [Fact]
    public Task Mesh1044_a_deny_host_without_its_port_variant_is_reported_at_the_hosts_call() => Verify.Analyzer("""
        class Policies
        {
            static AuthorizationPolicy DenyAdminHost = AuthorizationPolicy.Create("deny-admin-host", ap => ap
                .Namespace("shop")
                .Action(AuthorizationPolicyAction.Deny)
                .Rules(r => r.To(t => t.Operation(o => o.{|MESH1044:Hosts("admin.example.com")|}))));
        }
        """, "MESH1044");

    [Fact]
    public Task Mesh1044_a_deny_host_with_its_port_variant_is_not_reported() => Verify.Analyzer("""
        class Policies
        {
            static AuthorizationPolicy DenyAdminHost = AuthorizationPolicy.Create("deny-admin-host", ap => ap
                .Namespace("shop")
                .Action(AuthorizationPolicyAction.Deny)
                .Rules(r => r.To(t => t.Operation(o => o.Hosts("admin.example.com", "admin.example.com:*")))));
        }
        """, "MESH1044");

    [Fact]
    public Task Mesh1045_allow_policies_without_a_baseline_are_reported_at_the_namespace_call() => Verify.Analyzer("""
        class Policies
        {
            static AuthorizationPolicy Cart = AuthorizationPolicy.Create("cart", ap => ap
                .{|MESH1045:Namespace("shop")|}
                .Selector(s => s.MatchLabels("app", "cart"))
                .Rules(r => r.From(f => f.Source(s => s.Namespaces("shop")))));

            static AuthorizationPolicy AllowNothingElsewhere = AuthorizationPolicy.Create("allow-nothing", ap => ap
                .Namespace("billing"));
        }
        """, "MESH1045");

    [Fact]
    public Task Mesh1045_allow_policies_beside_an_allow_nothing_baseline_are_not_reported() => Verify.Analyzer("""
        class Policies
        {
            static AuthorizationPolicy AllowNothing = AuthorizationPolicy.Create("allow-nothing", ap => ap
                .Namespace("shop"));

            static AuthorizationPolicy Cart = AuthorizationPolicy.Create("cart", ap => ap
                .Namespace("shop")
                .Selector(s => s.MatchLabels("app", "cart"))
                .Rules(r => r.From(f => f.Source(s => s.Namespaces("shop")))));
        }
        """, "MESH1045");

    [Fact]
    public Task Mesh1045_a_baseline_in_the_root_namespace_from_editorconfig_covers_every_namespace() => Verify.AnalyzerWithOptions(
        """
        class Policies
        {
            static AuthorizationPolicy AllowNothing = AuthorizationPolicy.Create("allow-nothing", ap => ap
                .Namespace("mesh-root"));

            static AuthorizationPolicy Cart = AuthorizationPolicy.Create("cart", ap => ap
                .Namespace("shop")
                .Selector(s => s.MatchLabels("app", "cart"))
                .Rules(r => r.From(f => f.Source(s => s.Namespaces("shop")))));
        }
        """,
        "meshdsl_root_namespace = mesh-root\n",
        "MESH1045");

    [Fact]
    public Task Mesh1045_a_baseline_in_the_root_namespace_from_msbuild_covers_every_namespace() => ConfiguredVerify.AnalyzerWithGlobalConfig(
        """
        class Policies
        {
            static AuthorizationPolicy AllowNothing = AuthorizationPolicy.Create("allow-nothing", ap => ap
                .Namespace("mesh-root"));

            static AuthorizationPolicy Cart = AuthorizationPolicy.Create("cart", ap => ap
                .Namespace("shop")
                .Selector(s => s.MatchLabels("app", "cart"))
                .Rules(r => r.From(f => f.Source(s => s.Namespaces("shop")))));
        }
        """,
        "build_property.MeshDslRootNamespace = mesh-root\n",
        "MESH1045");

    [Fact]
    public Task Mesh1047_a_dry_run_annotation_is_reported_at_the_annotations_call() => Verify.Analyzer("""
        class Policies
        {
            static AuthorizationPolicy DenyGuests = AuthorizationPolicy.Create("deny-guests", ap => ap
                .Namespace("shop")
                .Metadata(m => m.{|MESH1047:Annotations("istio.io/dry-run", "true")|})
                .Action(AuthorizationPolicyAction.Deny)
                .Rules(r => r.From(f => f.Source(s => s.NotNamespaces("shop")))));
        }
        """, "MESH1047");

    [Fact]
    public Task Mesh1047_an_enforced_policy_is_not_reported() => Verify.Analyzer("""
        class Policies
        {
            static AuthorizationPolicy DenyGuests = AuthorizationPolicy.Create("deny-guests", ap => ap
                .Namespace("shop")
                .Metadata(m => m.Annotations("istio.io/dry-run", "false").Labels("team", "security"))
                .Action(AuthorizationPolicyAction.Deny)
                .Rules(r => r.From(f => f.Source(s => s.NotNamespaces("shop")))));
        }
        """, "MESH1047");

    [Fact]
    public Task Mesh1048_a_jwks_uri_over_plain_http_is_reported_at_its_call() => Verify.Analyzer("""
        class Policies
        {
            static RequestAuthentication Jwt = RequestAuthentication.Create("jwt", ra => ra
                .Namespace("shop")
                .JwtRules(j => j
                    .Issuer("https://auth.example.com")
                    .{|MESH1048:JwksUri("http://auth.example.com/.well-known/jwks.json")|}));
        }
        """, "MESH1048");

    [Fact]
    public Task Mesh1048_a_jwks_uri_over_https_is_not_reported() => Verify.Analyzer("""
        class Policies
        {
            static RequestAuthentication Jwt = RequestAuthentication.Create("jwt", ra => ra
                .Namespace("shop")
                .JwtRules(j => j
                    .Issuer("https://auth.example.com")
                    .JwksUri("https://auth.example.com/.well-known/jwks.json")));
        }
        """, "MESH1048");

    [Fact]
    public Task Mesh1049_permissive_mtls_in_a_production_namespace_is_reported_at_the_mode_call() => Verify.AnalyzerWithOptions(
        """
        class Policies
        {
            static PeerAuthentication Payments = PeerAuthentication.Create("payments", pa => pa
                .Namespace("payments")
                .Mtls(m => m.{|MESH1049:Mode(MutualTLSMode.Permissive)|}));
        }
        """,
        "meshdsl_production_namespaces = payments, orders\n",
        "MESH1049");

    [Fact]
    public Task Mesh1049_strict_mtls_in_production_and_permissive_elsewhere_are_not_reported() => Verify.AnalyzerWithOptions(
        """
        class Policies
        {
            static PeerAuthentication Payments = PeerAuthentication.Create("payments", pa => pa
                .Namespace("payments")
                .Mtls(m => m.Mode(MutualTLSMode.Strict)));

            static PeerAuthentication Dev = PeerAuthentication.Create("dev", pa => pa
                .Namespace("dev")
                .Mtls(m => m.Mode(MutualTLSMode.Permissive)));
        }
        """,
        "meshdsl_production_namespaces = payments, orders\n",
        "MESH1049");

    [Fact]
    public Task Mesh1050_outbound_allow_any_is_reported_at_the_mode_call() => Verify.Analyzer("""
        class Scopes
        {
            static Sidecar Shop = Sidecar.Create("default", sc => sc
                .Namespace("shop")
                .OutboundTrafficPolicy(o => o.{|MESH1050:Mode(OutboundTrafficPolicyMode.AllowAny)|}));
        }
        """, "MESH1050");

    [Fact]
    public Task Mesh1050_outbound_registry_only_is_not_reported() => Verify.Analyzer("""
        class Scopes
        {
            static Sidecar Shop = Sidecar.Create("default", sc => sc
                .Namespace("shop")
                .OutboundTrafficPolicy(o => o.Mode(OutboundTrafficPolicyMode.RegistryOnly)));
        }
        """, "MESH1050");

    [Fact]
    public Task Mesh1053_ports_without_protocol_are_reported_at_their_calls() => Verify.Analyzer("""
        class Mesh
        {
            static ServiceEntry Database = ServiceEntry.Create("database", se => se
                .Namespace("shop")
                .Hosts("db.example.com")
                .{|MESH1053:Ports(p => p.Number(5432).Name("postgres"))|}
                .Resolution(ServiceEntryResolution.Dns));

            static Sidecar Cart = Sidecar.Create("cart", sc => sc
                .Namespace("shop")
                .WorkloadSelector(w => w.Labels("app", "cart"))
                .Ingress(i => i.{|MESH1053:Port(p => p.Number(8080).Name("web"))|}.DefaultEndpoint("127.0.0.1:8080")));
        }
        """, "MESH1053");

    [Fact]
    public Task Mesh1053_ports_with_a_protocol_are_not_reported() => Verify.Analyzer("""
        class Mesh
        {
            static ServiceEntry Database = ServiceEntry.Create("database", se => se
                .Namespace("shop")
                .Hosts("db.example.com")
                .Ports(p => p.Number(5432).Name("postgres").Protocol("TCP"))
                .Resolution(ServiceEntryResolution.Dns));

            static Sidecar Cart = Sidecar.Create("cart", sc => sc
                .Namespace("shop")
                .WorkloadSelector(w => w.Labels("app", "cart"))
                .Ingress(i => i.Port(p => p.Number(8080).Name("web").Protocol("HTTP")).DefaultEndpoint("127.0.0.1:8080")));
        }
        """, "MESH1053");

    [Fact]
    public Task Mesh1054_an_allow_host_without_its_port_variant_is_reported_at_the_hosts_call() => Verify.Analyzer("""
        class Policies
        {
            static AuthorizationPolicy AllowShop = AuthorizationPolicy.Create("allow-shop", ap => ap
                .Namespace("shop")
                .Action(AuthorizationPolicyAction.Allow)
                .Rules(r => r.To(t => t.Operation(o => o.{|MESH1054:Hosts("shop.example.com")|}))));
        }
        """, "MESH1054");

    [Fact]
    public Task Mesh1054_an_allow_host_with_its_port_variant_is_not_reported() => Verify.Analyzer("""
        class Policies
        {
            static AuthorizationPolicy AllowShop = AuthorizationPolicy.Create("allow-shop", ap => ap
                .Namespace("shop")
                .Action(AuthorizationPolicyAction.Allow)
                .Rules(r => r.To(t => t.Operation(o => o.Hosts("shop.example.com", "shop.example.com:*")))));
        }
        """, "MESH1054");

    [Fact]
    public Task Mesh1041_disabled_mtls_set_as_a_model_object_is_reported_at_the_mode_assignment() => Verify.Analyzer("""
        class Policies
        {
            static PeerAuthentication Legacy = PeerAuthentication.Create("legacy", pa => pa
                .Namespace("shop")
                .Mtls(new MutualTLS { {|MESH1041:Mode = MutualTLSMode.Disable|} }));
        }
        """, "MESH1041");

    [Fact]
    public Task Mesh1041_disabled_mtls_from_an_enum_constant_is_reported_at_the_mode_call() => Verify.Analyzer("""
        class Policies
        {
            const MutualTLSMode Off = MutualTLSMode.Disable;

            static PeerAuthentication Legacy = PeerAuthentication.Create("legacy", pa => pa
                .Namespace("shop")
                .Mtls(m => m.{|MESH1041:Mode(Off)|}));
        }
        """, "MESH1041");
}

using System.Threading.Tasks;
using MeshDsl.CodeFixes;
using Xunit;

namespace MeshDsl.Analyzers.Tests;

/// <summary>The four code fixes, each on two findings in one file so that Fix All is exercised too.</summary>
public sealed class CodeFixTests
{
    [Fact]
    public Task Add_timeout_appends_it_to_the_route_lambda() => Verify.CodeFix<AddMissingTimeoutFix>(
        """
        class Routes
        {
            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Hosts("reviews")
                .{|MESH1001:Http(r => r.Route(d => d.Destination(x => x.Host("reviews"))))|}
                .{|MESH1001:Http(r => r.Route(d => d.Destination(x => x.Host("ratings"))))|});
        }
        """,
        """
        class Routes
        {
            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Hosts("reviews")
                .Http(r => r.Route(d => d.Destination(x => x.Host("reviews"))).Timeout("10s"))
                .Http(r => r.Route(d => d.Destination(x => x.Host("ratings"))).Timeout("10s")));
        }
        """);

    [Fact]
    public Task Add_per_try_timeout_uses_a_share_of_the_route_timeout() => Verify.CodeFix<AddMissingTimeoutFix>(
        """
        class Routes
        {
            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Hosts("reviews")
                .Http(r => r.Route(d => d.Destination(x => x.Host("reviews"))).Timeout("9s").{|MESH1002:Retries(x => x.Attempts(2))|})
                .Http(r => r.Route(d => d.Destination(x => x.Host("ratings"))).Timeout("not-a-duration").{|MESH1002:Retries(x => x.Attempts(3))|}));
        }
        """,
        """
        class Routes
        {
            static VirtualService Reviews = VirtualService.Create("reviews", vs => vs
                .Hosts("reviews")
                .Http(r => r.Route(d => d.Destination(x => x.Host("reviews"))).Timeout("9s").Retries(x => x.Attempts(2).PerTryTimeout("3000ms")))
                .Http(r => r.Route(d => d.Destination(x => x.Host("ratings"))).Timeout("not-a-duration").Retries(x => x.Attempts(3).PerTryTimeout("2s"))));
        }
        """);

    [Fact]
    public Task Permissive_and_disabled_mtls_become_strict() => Verify.CodeFix<StrictMtlsFix>(
        """
        class Policies
        {
            static PeerAuthentication Mesh = PeerAuthentication.Create("default", pa => pa
                .Namespace("istio-system")
                .Mtls(m => m.{|MESH1040:Mode(MutualTLSMode.Permissive)|}));

            static PeerAuthentication Shop = PeerAuthentication.Create("shop", pa => pa
                .Namespace("shop")
                .Mtls(m => m.{|MESH1041:Mode(MutualTLSMode.Disable)|}));
        }
        """,
        """
        class Policies
        {
            static PeerAuthentication Mesh = PeerAuthentication.Create("default", pa => pa
                .Namespace("istio-system")
                .Mtls(m => m.Mode(MutualTLSMode.Strict)));

            static PeerAuthentication Shop = PeerAuthentication.Create("shop", pa => pa
                .Namespace("shop")
                .Mtls(m => m.Mode(MutualTLSMode.Strict)));
        }
        """);

    [Fact]
    public Task The_allow_all_rule_is_removed_from_the_chain() => Verify.CodeFix<RemoveAllowAllRuleFix>(
        """
        class Policies
        {
            static AuthorizationPolicy Open = AuthorizationPolicy.Create("open", ap => ap
                .Namespace("shop")
                .{|MESH1042:Rules(r => { })|}
                .Rules(r => r.From(f => f.Source(s => s.Namespaces("shop"))))
                .{|MESH1042:Rules(r => { })|});
        }
        """,
        """
        class Policies
        {
            static AuthorizationPolicy Open = AuthorizationPolicy.Create("open", ap => ap
                .Namespace("shop")
                .Rules(r => r.From(f => f.Source(s => s.Namespaces("shop")))));
        }
        """);
}

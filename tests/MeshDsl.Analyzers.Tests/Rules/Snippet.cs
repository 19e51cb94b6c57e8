using System.Linq;

namespace MeshDsl.Analyzers.Tests.Rules;

/// <summary>
/// Snippets that the rule test classes share. A theory fills in only the part its rule reads, and each row
/// brings its own markup, so a row shows what is reported and where.
/// </summary>
internal static class Snippet
{
    /// <summary>
    /// A class <paramref name="name"/> holding <paramref name="members"/>, each written indented by one level
    /// (as the member builders of the test classes write them). Empty members are left out.
    /// </summary>
    public static string Class(string name, params string[] members) => $$"""
        class {{name}}
        {
        {{string.Join("\n\n", members.Where(m => m.Length > 0))}}
        }
        """;

    /// <summary>
    /// A class with one virtual service for <paramref name="host"/> in namespace shop. <paramref name="routes"/> holds its
    /// <c>.Http(...)</c> and <c>.Tcp(...)</c> calls, and <paramref name="fields"/> holds any members before it.
    /// </summary>
    public static string Routes(string host, string routes, string fields = "") => Class("Routes", fields, $$"""
            static VirtualService Service = VirtualService.Create("{{host}}", vs => vs
                .Namespace("shop")
                .Hosts("{{host}}")
                {{routes}});
        """);

    /// <summary>A class with the default sidecar of namespace shop, <paramref name="chain"/> the calls after its Namespace call.</summary>
    public static string ShopSidecar(string chain) => Class("Scopes", $$"""
            static Sidecar Shop = Sidecar.Create("default", sc => sc
                .Namespace("shop")
                {{chain}});
        """);

    /// <summary>
    /// <paramref name="code"/> marked as the location of a <paramref name="rule"/> diagnostic when <paramref name="reported"/>.
    /// Rows use this for rules that report a whole Create call, which a row cannot mark on its own.
    /// </summary>
    public static string MarkedIf(bool reported, string rule, string code) => reported ? $"{{|{rule}:{code}|}}" : code;
}

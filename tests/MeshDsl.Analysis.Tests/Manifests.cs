namespace MeshDsl.Analysis.Tests;

/// <summary>The YAML documents rule tests put together into sets; each ends with a document separator.</summary>
internal static class Manifests
{
    /// <summary>A resource: its apiVersion, kind, name and namespace, then <paramref name="body"/> (its spec, from column 0).</summary>
    public static string Resource(string apiVersion, string kind, string name, string ns, string body) =>
        $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata: {{name: {name}, namespace: {ns}}}\n{body}\n---\n";

    /// <summary>An AuthorizationPolicy with <paramref name="spec"/> written inline (<c>{rules: [...]}</c>).</summary>
    public static string AuthorizationPolicy(string name, string ns, string spec) =>
        Resource("security.istio.io/v1", "AuthorizationPolicy", name, ns, "spec: " + spec);

    /// <summary>A Gateway for the gateway pods <paramref name="selector"/> picks, with <paramref name="servers"/> as list items indented two spaces.</summary>
    public static string Gateway(string name, string ns, string selector, string servers) =>
        Resource("networking.istio.io/v1", "Gateway", name, ns, $"spec:\n  selector: {selector}\n  servers:\n{servers}");
}

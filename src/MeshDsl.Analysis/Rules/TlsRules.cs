using System.Collections.Generic;
using MeshDsl.Documents;

namespace MeshDsl.Analysis.Rules;

/// <summary>MESH1023: a DestinationRule originates TLS with <c>insecureSkipVerify: true</c>.</summary>
internal sealed class InsecureSkipVerify() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1023",
        "TLS origination skips certificate verification",
        RuleSeverity.Warning,
        "Security",
        "A DestinationRule's SIMPLE or MUTUAL tls settings set insecureSkipVerify: true: the upstream's certificate is not checked, so anyone who can intercept the connection can impersonate the server.");

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        foreach (var (tls, at) in ClientTls.Of(resource, context))
        {
            if (context.Boolean(tls, "insecureSkipVerify") == true && context.Text(tls, "mode") is "SIMPLE" or "MUTUAL")
            {
                var path = at.ToString();
                context.Report(Rule, resource, path + ".insecureSkipVerify", context.Get(tls, "insecureSkipVerify")!, $"{resource}: {path}.insecureSkipVerify is true, so the upstream's certificate is not verified; remove it and set caCertificates (or credentialName) to the CA that signs the server");
            }
        }
    }
}

/// <summary>MESH1024: <c>tls.mode: DISABLE</c> towards a service of the mesh turns (auto) mTLS off.</summary>
internal sealed class TlsDisabledToMeshService() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1024",
        "TLS disabled towards a mesh service",
        RuleSeverity.Warning,
        "Security",
        "A DestinationRule sets tls.mode: DISABLE for a host that is a Kubernetes service of the mesh: the sidecars send that traffic in plain text instead of mutual TLS, and it fails where the server's PeerAuthentication is STRICT.",
        "KIA0207/KIA0208");

    private const string ClusterSuffix = ".svc.cluster.local";

    public override bool IsSetRule => true;

    public override void CheckSet(IReadOnlyList<AnalyzedResource> resources, AnalysisContext context)
    {
        var services = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var resource in resources)
        {
            if (resource.Kind == "Service" && resource.Group.Length == 0 && KnownFields.DeclaredNamespace(resource, context) is { } ns
                && context.Text(context.Map(resource.Root, "metadata"), "name") is { Length: > 0 } name)
            {
                services.Add($"{name}.{ns}{ClusterSuffix}");
            }
        }

        foreach (var resource in resources)
        {
            if (!resource.IsIstio("DestinationRule") || context.Text(resource.Spec, "host") is not { } host || !InMesh(host, KnownFields.DeclaredNamespace(resource, context), services))
            {
                continue;
            }

            foreach (var (tls, at) in ClientTls.Of(resource, context))
            {
                if (context.Text(tls, "mode") == "DISABLE")
                {
                    var path = at.ToString();
                    context.Report(Rule, resource, path + ".mode", context.Get(tls, "mode")!, $"{resource}: {path}.mode is DISABLE for {host}, a service of the mesh, so sidecars send it plain text instead of mutual TLS (and fail against a STRICT PeerAuthentication); remove the tls block, or set mode: ISTIO_MUTUAL");
                }
            }
        }
    }

    // Istio expands only a name without dots, in the rule's namespace; every other host is taken as written.
    private static bool InMesh(string host, string? ns, HashSet<string> services)
    {
        if (host.EndsWith(ClusterSuffix, System.StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (host.IndexOf('.') < 0)
        {
            return host != "*" && ns is not null && services.Contains($"{host}.{ns}{ClusterSuffix}");
        }

        return services.Contains(host);
    }
}

/// <summary>MESH1025: SIMPLE or MUTUAL origination with neither caCertificates nor credentialName: the server is not verified against its CA.</summary>
internal sealed class TlsOriginationWithoutCaCertificates() : MeshRule(Rule)
{
    public static readonly RuleDescriptor Rule = new(
        "MESH1025",
        "TLS origination without CA certificates",
        RuleSeverity.Warning,
        "Security",
        "A DestinationRule originates SIMPLE or MUTUAL TLS without caCertificates or credentialName: the server's certificate is at best checked against the proxy's default trust store, not the CA that should have signed it.",
        "IST0128/IST0129");

    public override void Check(AnalyzedResource resource, AnalysisContext context)
    {
        foreach (var (tls, at) in ClientTls.Of(resource, context))
        {
            // insecureSkipVerify: true is MESH1023's; an unknown value may be either.
            if (context.Text(tls, "mode") is "SIMPLE" or "MUTUAL" && context.IsAbsent(tls, "caCertificates") && context.IsAbsent(tls, "credentialName")
                && (context.IsAbsent(tls, "insecureSkipVerify") || context.Boolean(tls, "insecureSkipVerify") == false))
            {
                var path = at.ToString();
                context.Report(Rule, resource, path, tls, $"{resource}: {path} originates {context.Text(tls, "mode")} TLS without caCertificates or credentialName, so the server's certificate is not checked against its CA; set caCertificates (or credentialName, a Secret holding ca.crt)");
            }
        }
    }
}

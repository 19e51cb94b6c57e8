using System.Collections.Generic;
using System.Linq;
using MeshDsl.Documents;

namespace MeshDsl.Validation.Istio;

/// <summary>
/// The checks Istio's validating webhook runs on a Gateway beyond its CRD schema
/// (ISTIO-CHECKS.md §B.4; the GWnn id is in each message).
/// </summary>
internal static class GatewayChecks
{
    private static readonly string[] CertificateFields = { "serverCertificate", "privateKey", "caCertificates", "tlsCertificates", "credentialName", "credentialNames" };

    public static void Check(DocumentMap document, Findings findings)
    {
        if (document.Map("metadata").Text("name") is { } name && !IstioSyntax.IsDns1123Label(name))
        {
            findings.Error(IstioIds.Gateway, "metadata.name", document.Map("metadata")!.Get("name")!, $"GW01: Gateway name '{name}' must be a DNS-1123 label (no dots)");
        }

        if (document.Map("spec") is not { } spec)
        {
            return;
        }

        var servers = spec.Items("servers").ToList();
        if (servers.Count == 0)
        {
            findings.Error(IstioIds.Gateway, "spec.servers", spec, "GW02: a Gateway needs at least one server");
        }

        var portNames = new HashSet<string>(System.StringComparer.Ordinal);
        for (var i = 0; i < servers.Count; i++)
        {
            var path = $"spec.servers[{i}]";
            var server = servers[i];
            if (server.Get("hosts") is DocumentList { Count: 0 } hosts)
            {
                findings.Error(IstioIds.Gateway, path + ".hosts", hosts, "GW03: a server needs at least one host");
            }

            if (server.Map("port") is { } port)
            {
                CheckPort(port, path + ".port", portNames, findings);
            }

            CheckTls(server, path, findings);
        }
    }

    private static void CheckPort(DocumentMap port, string path, HashSet<string> names, Findings findings)
    {
        if (port.Integer("number") is { } number && number is < 1 or > 65535)
        {
            findings.Error(IstioIds.Gateway, path + ".number", port.Get("number")!, $"GW04: port {number} is outside 1-65535");
        }

        if (port.Has("targetPort"))
        {
            findings.Error(IstioIds.Gateway, path + ".targetPort", port.Get("targetPort")!, "GW04: targetPort has no effect on Gateways; remove it");
        }

        if (port.Text("protocol") is { } protocol && !IstioSyntax.Protocols.Contains(protocol))
        {
            findings.Error(IstioIds.Gateway, path + ".protocol", port.Get("protocol")!, $"GW04: protocol '{protocol}' is not one of {string.Join(", ", IstioSyntax.Protocols)}");
        }

        if (port.Text("name") is { } name && !names.Add(name))
        {
            findings.Error(IstioIds.Gateway, path + ".name", port.Get("name")!, $"GW05: port name '{name}' is used by another server; port names are unique across a Gateway's servers");
        }
    }

    private static void CheckTls(DocumentNode server, string path, Findings findings)
    {
        var protocol = server.Map("port").Text("protocol")?.ToUpperInvariant();
        var tls = server.Map("tls");
        if (protocol is "HTTPS" or "TLS" && tls is null)
        {
            findings.Error(IstioIds.Gateway, path + ".tls", server.Get("port")!, $"GW07: a {protocol} server needs tls settings (mode and a certificate)");
            return;
        }

        if (tls is null)
        {
            return;
        }

        if (protocol is not null and not ("HTTPS" or "TLS") && !(protocol == "HTTP" && tls.Count == 1 && tls.Has("httpsRedirect")))
        {
            findings.Error(IstioIds.Gateway, path + ".tls", tls, $"GW07: a {protocol} server takes no tls settings{(protocol == "HTTP" ? " other than httpsRedirect" : string.Empty)}");
            return;
        }

        var mode = tls.Text("mode");
        if (mode == "ISTIO_MUTUAL" && CertificateFields.FirstOrDefault(tls.Has) is { } field)
        {
            findings.Error(IstioIds.Gateway, $"{path}.tls.{field}", tls.Get(field)!, $"GW09: ISTIO_MUTUAL uses Istio's certificates; remove {field}");
        }

        var hasCredential = tls.Has("credentialName") || tls.Has("credentialNames");
        if (mode is "SIMPLE" or "MUTUAL" or "OPTIONAL_MUTUAL" && !hasCredential && !tls.Has("tlsCertificates")
            && (!tls.Has("serverCertificate") || !tls.Has("privateKey")))
        {
            findings.Error(IstioIds.Gateway, path + ".tls", tls, $"GW12: {mode} TLS needs credentialName, or serverCertificate and privateKey");
        }
        else if (mode is "MUTUAL" or "OPTIONAL_MUTUAL" && !hasCredential && !tls.Has("caCertificates"))
        {
            findings.Error(IstioIds.Gateway, path + ".tls", tls, $"GW12: {mode} TLS without credentialName needs caCertificates to verify clients");
        }

        if (tls.Has("caCrl") && (hasCredential || mode == "SIMPLE"))
        {
            findings.Error(IstioIds.Gateway, path + ".tls.caCrl", tls.Get("caCrl")!, "GW13: caCrl cannot be used with credentialName or with SIMPLE TLS");
        }
    }
}

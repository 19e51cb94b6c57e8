using System.Collections.Generic;
using System.Linq;
using MeshDsl.Documents;

namespace MeshDsl.Validation.Istio;

/// <summary>
/// The checks Istio's validating webhook runs on a DestinationRule beyond its CRD schema
/// (ISTIO-CHECKS.md §B.3; the DRnn id is in each message).
/// </summary>
internal static class DestinationRuleChecks
{
    public static void Check(DocumentMap document, Findings findings)
    {
        if (document.Map("spec") is not { } spec)
        {
            return;
        }

        if (spec.Map("trafficPolicy") is { } policy)
        {
            CheckTrafficPolicy(policy, "spec.trafficPolicy", findings);
        }

        var names = new HashSet<string>(System.StringComparer.Ordinal);
        var index = 0;
        foreach (var subset in spec.Items("subsets"))
        {
            var path = $"spec.subsets[{index++}]";
            if (subset.Text("name") is { } name)
            {
                if (!names.Add(name))
                {
                    findings.Error(IstioIds.DestinationRule, path + ".name", subset.Get("name")!, $"DR10: subset name '{name}' is used twice; subset names are unique");
                }
                else if (!IstioSyntax.IsDns1123Label(name))
                {
                    findings.Error(IstioIds.DestinationRule, path + ".name", subset.Get("name")!, $"DR10: subset name '{name}' is not a DNS-1123 label (letters, digits and '-', at most 63)");
                }
            }

            if (subset.Map("trafficPolicy") is { } subsetPolicy)
            {
                CheckTrafficPolicy(subsetPolicy, path + ".trafficPolicy", findings);
            }
        }
    }

    private static void CheckTrafficPolicy(DocumentMap policy, string path, Findings findings)
    {
        if (policy.Count == 0)
        {
            findings.Error(IstioIds.DestinationRule, path, policy, "DR02: a trafficPolicy must set at least one field; remove the empty one");
            return;
        }

        if (policy.Has("tunnel") && policy.Has("proxyProtocol"))
        {
            findings.Error(IstioIds.DestinationRule, path + ".tunnel", policy.Get("tunnel")!, "DR03: tunnel and proxyProtocol are mutually exclusive");
        }

        if (policy.Map("tunnel") is { } tunnel && tunnel.Text("protocol") is { } protocol && protocol is not ("CONNECT" or "POST"))
        {
            findings.Error(IstioIds.DestinationRule, path + ".tunnel.protocol", tunnel.Get("protocol")!, $"DR03: tunnel protocol '{protocol}' is not CONNECT or POST");
        }

        if (policy.Map("outlierDetection") is { } outlier)
        {
            CheckOutlierDetection(outlier, path + ".outlierDetection", findings);
        }

        if (policy.Map("connectionPool") is { } pool)
        {
            CheckConnectionPool(pool, path + ".connectionPool", findings);
        }

        if (policy.Map("loadBalancer").Map("localityLbSetting") is { } locality)
        {
            CheckLocality(locality, path + ".loadBalancer.localityLbSetting", findings);
        }

        if (policy.Map("tls") is { } tls)
        {
            CheckTls(tls, path + ".tls", findings);
        }

        var index = 0;
        foreach (var port in policy.Items("portLevelSettings"))
        {
            var portPath = $"{path}.portLevelSettings[{index++}]";
            if (!new[] { "outlierDetection", "connectionPool", "loadBalancer", "tls" }.Any(port.Has))
            {
                findings.Error(IstioIds.DestinationRule, portPath, port, "DR11: port-level settings need at least one of outlierDetection, connectionPool, loadBalancer or tls");
            }
        }
    }

    private static void CheckOutlierDetection(DocumentMap outlier, string path, Findings findings)
    {
        foreach (var field in new[] { "maxEjectionPercent", "minHealthPercent" })
        {
            if (outlier.Integer(field) is { } percent && percent is < 0 or > 100)
            {
                findings.Error(IstioIds.DestinationRule, $"{path}.{field}", outlier.Get(field)!, $"DR04: {field} {percent} is not a percentage (0-100)");
            }
        }

        if (outlier.Has("consecutiveLocalOriginFailures") && (outlier.Get("splitExternalLocalOriginErrors") as DocumentScalar)?.Text != "true")
        {
            findings.Error(IstioIds.DestinationRule, path + ".consecutiveLocalOriginFailures", outlier.Get("consecutiveLocalOriginFailures")!, "DR04: consecutiveLocalOriginFailures needs splitExternalLocalOriginErrors: true");
        }
    }

    private static void CheckConnectionPool(DocumentMap pool, string path, Findings findings)
    {
        if (!pool.Has("tcp") && !pool.Has("http"))
        {
            findings.Error(IstioIds.DestinationRule, path, pool, "DR05: a connectionPool needs tcp or http settings");
        }

        if (pool.Map("http") is { } http && http.Text("h2UpgradePolicy") == "UPGRADE" && (http.Get("useClientProtocol") as DocumentScalar)?.Text == "true")
        {
            findings.Error(IstioIds.DestinationRule, path + ".http.h2UpgradePolicy", http.Get("h2UpgradePolicy")!, "DR05: h2UpgradePolicy UPGRADE cannot be combined with useClientProtocol: true");
        }
    }

    private static void CheckLocality(DocumentMap locality, string path, Findings findings)
    {
        if (locality.Has("distribute") && locality.Has("failover"))
        {
            findings.Error(IstioIds.DestinationRule, path + ".failover", locality.Get("failover")!, "DR07: distribute and failover are mutually exclusive");
        }

        var index = 0;
        foreach (var rule in locality.Items("distribute"))
        {
            if (rule.Get("to") is DocumentMap to)
            {
                var sum = to.Select(e => e.Value is DocumentScalar { Kind: ScalarKind.Integer } w && long.TryParse(w.Text, out var weight) ? weight : 0).Sum();
                if (sum != 100)
                {
                    findings.Error(IstioIds.DestinationRule, $"{path}.distribute[{index}].to", to, $"DR07: the weights of 'to' sum to {sum}, not 100");
                }
            }

            index++;
        }
    }

    private static void CheckTls(DocumentMap tls, string path, Findings findings)
    {
        var mode = tls.Text("mode");
        var skipVerify = (tls.Get("insecureSkipVerify") as DocumentScalar)?.Text == "true";
        if (skipVerify && (tls.Has("caCertificates") || tls.Has("subjectAltNames") || (mode == "SIMPLE" && tls.Has("credentialName"))))
        {
            findings.Error(IstioIds.DestinationRule, path + ".insecureSkipVerify", tls.Get("insecureSkipVerify")!, "DR09: insecureSkipVerify cannot be combined with caCertificates, subjectAltNames or (SIMPLE) credentialName: they verify what it skips");
        }

        if (tls.Has("credentialName") && new[] { "clientCertificate", "privateKey", "caCertificates" }.FirstOrDefault(tls.Has) is { } file)
        {
            findings.Error(IstioIds.DestinationRule, $"{path}.{file}", tls.Get(file)!, $"DR09: credentialName and {file} are mutually exclusive; the credential holds the certificates");
        }

        if (mode == "MUTUAL" && !tls.Has("credentialName") && (!tls.Has("clientCertificate") || !tls.Has("privateKey")))
        {
            findings.Error(IstioIds.DestinationRule, path, tls, "DR09: MUTUAL TLS needs credentialName, or clientCertificate and privateKey");
        }
    }
}

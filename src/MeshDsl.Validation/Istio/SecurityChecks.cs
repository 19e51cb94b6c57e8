using System;
using System.Linq;
using MeshDsl.Documents;

namespace MeshDsl.Validation.Istio;

/// <summary>
/// The checks Istio's validating webhook runs on AuthorizationPolicy and RequestAuthentication beyond
/// their CRD schemas (ISTIO-CHECKS.md §B.7 and §B.8; the APnn/RAnn id is in each message).
/// </summary>
internal static class SecurityChecks
{
    private static readonly string[] ConditionKeys =
    {
        "source.ip", "remote.ip", "source.namespace", "source.principal", "source.serviceAccount", "source.trustDomain",
        "request.auth.principal", "request.auth.audiences", "request.auth.presenter", "destination.ip", "destination.port", "connection.sni",
    };

    private static readonly string[] ConditionPrefixes = { "request.headers[", "request.auth.claims[", "experimental." };

    private static readonly string[] HttpOnlySources = { "requestPrincipals", "notRequestPrincipals" };

    private static readonly string[] HttpOnlyOperations = { "hosts", "notHosts", "methods", "notMethods", "paths", "notPaths" };

    public static void CheckAuthorizationPolicy(DocumentMap document, Findings findings)
    {
        if (document.Map("spec") is not { } spec)
        {
            return;
        }

        var action = spec.Text("action") ?? "ALLOW";
        var rules = spec.Get("rules") as DocumentList;
        if (action == "CUSTOM" && rules is null)
        {
            findings.Error(IstioIds.AuthorizationPolicy, "spec.rules", spec, "AP02: a CUSTOM policy needs rules; add an empty rule {} to apply it to every request");
        }

        if (action == "CUSTOM" && rules is not null && spec.Map("provider").Text("name") is null)
        {
            findings.Error(IstioIds.AuthorizationPolicy, "spec.provider", spec, "AP03: a CUSTOM policy needs provider.name (an extension provider of the mesh config)");
        }

        if (action != "CUSTOM" && spec.Has("provider"))
        {
            findings.Error(IstioIds.AuthorizationPolicy, "spec.provider", spec.Get("provider")!, "AP05: provider is only allowed with action CUSTOM");
        }

        if (action == "DENY" && rules is null)
        {
            findings.Error(IstioIds.AuthorizationPolicy, "spec.rules", spec, "AP06: a DENY policy needs rules; without them it denies nothing");
        }

        var index = 0;
        foreach (var rule in rules ?? Enumerable.Empty<DocumentNode>())
        {
            CheckRule(rule, $"spec.rules[{index++}]", action, findings);
        }
    }

    private static void CheckRule(DocumentNode rule, string path, string action, Findings findings)
    {
        foreach (var (list, field) in new[] { ("from", "source"), ("to", "operation") })
        {
            if (rule.Get(list) is DocumentList { Count: 0 } empty)
            {
                findings.Error(IstioIds.AuthorizationPolicy, $"{path}.{list}", empty, $"AP07: '{list}: []' is empty; remove it, or list at least one {field}");
                continue;
            }

            var index = 0;
            foreach (var item in rule.Items(list))
            {
                if (item.Get(field) is DocumentMap { Count: 0 } blank)
                {
                    findings.Error(IstioIds.AuthorizationPolicy, $"{path}.{list}[{index}].{field}", blank, $"AP07: an empty {field} matches nothing specific; set at least one field or remove it");
                }

                foreach (var port in item.Map(field).Items("ports").Concat(item.Map(field).Items("notPorts")).OfType<DocumentScalar>())
                {
                    if (!int.TryParse(port.Text, out var number) || number is < 1 or > 65535)
                    {
                        findings.Error(IstioIds.AuthorizationPolicy, $"{path}.{list}[{index}].{field}.ports", port, $"AP09: port '{port.Text}' is not a number in 1-65535");
                    }
                }

                index++;
            }
        }

        var conditionIndex = 0;
        foreach (var condition in rule.Items("when"))
        {
            CheckCondition(condition, $"{path}.when[{conditionIndex++}]", findings);
        }

        if (action == "DENY" && IsHttpOnly(rule))
        {
            findings.Warning(IstioIds.AuthorizationPolicy, path, rule, "AP11: this DENY rule uses only HTTP attributes, so for TCP traffic (which has none) it denies all traffic in scope; add a port or non-HTTP condition if that is not meant");
        }
    }

    private static void CheckCondition(DocumentNode condition, string path, Findings findings)
    {
        var key = condition.Text("key");
        if (key is null or "")
        {
            findings.Error(IstioIds.AuthorizationPolicy, path + ".key", condition, "AP10: a condition needs a key");
            return;
        }

        if (!ConditionKeys.Contains(key) && !ConditionPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal)))
        {
            findings.Error(IstioIds.AuthorizationPolicy, path + ".key", condition.Get("key")!, $"AP10: '{key}' is not a supported condition key ({string.Join(", ", ConditionKeys)}, request.headers[...], request.auth.claims[...])");
        }

        if (!condition.Has("values") && !condition.Has("notValues"))
        {
            findings.Error(IstioIds.AuthorizationPolicy, path, condition, "AP10: a condition needs values or notValues");
        }
    }

    // True when every attribute the rule matches on exists only for HTTP (and the rule matches on something).
    private static bool IsHttpOnly(DocumentNode rule)
    {
        var sources = rule.Items("from").SelectMany(f => f.Map("source") ?? new DocumentMap()).Select(e => e.Key).ToList();
        var operations = rule.Items("to").SelectMany(t => t.Map("operation") ?? new DocumentMap()).Select(e => e.Key).ToList();
        var conditions = rule.Items("when").Select(c => c.Text("key") ?? string.Empty).ToList();
        var attributes = sources.Count + operations.Count + conditions.Count;
        return attributes > 0
            && sources.All(HttpOnlySources.Contains)
            && operations.All(HttpOnlyOperations.Contains)
            && conditions.All(k => k.StartsWith("request.", StringComparison.Ordinal));
    }

    public static void CheckRequestAuthentication(DocumentMap document, Findings findings)
    {
        var index = 0;
        foreach (var rule in document.Map("spec").Items("jwtRules"))
        {
            var path = $"spec.jwtRules[{index++}]";
            if (rule.Text("issuer") is null && rule.Text("jwksUri") is null && rule.Text("jwks_uri") is null)
            {
                findings.Error(IstioIds.RequestAuthentication, path, rule, "RA03: a JWT rule needs issuer or jwksUri");
            }

            var uri = rule.Text("jwksUri") ?? rule.Text("jwks_uri");
            if (uri is not null && (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https") || parsed.Host.Length == 0))
            {
                findings.Error(IstioIds.RequestAuthentication, path + (rule.Has("jwksUri") ? ".jwksUri" : ".jwks_uri"), rule.Get(rule.Has("jwksUri") ? "jwksUri" : "jwks_uri")!, $"RA04: jwksUri '{uri}' is not an http(s) URL with a host");
            }
        }
    }
}

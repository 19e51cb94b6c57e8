using System.Collections.Generic;
using System.Linq;
using MeshDsl.Documents;

namespace MeshDsl.Validation;

/// <summary>Checks documents against the schemas of their apiVersion and kind.</summary>
public sealed class DocumentValidator
{
    // Istio's webhook checks by kind (ISTIO-CHECKS.md §B); the cross-cutting ones (§B.1) run on every Istio kind.
    private static readonly Dictionary<(string Group, string Kind), System.Action<DocumentMap, Istio.Findings>> IstioChecks = new()
    {
        [("networking.istio.io", "VirtualService")] = Istio.VirtualServiceChecks.Check,
        [("networking.istio.io", "DestinationRule")] = Istio.DestinationRuleChecks.Check,
        [("networking.istio.io", "Gateway")] = Istio.GatewayChecks.Check,
        [("networking.istio.io", "ServiceEntry")] = Istio.ServiceEntryAndSidecarChecks.CheckServiceEntry,
        [("networking.istio.io", "Sidecar")] = Istio.ServiceEntryAndSidecarChecks.CheckSidecar,
        [("networking.istio.io", "EnvoyFilter")] = Istio.EnvoyFilterChecks.Check,
        [("networking.istio.io", "WorkloadEntry")] = Istio.WorkloadChecks.CheckWorkloadEntry,
        [("networking.istio.io", "WorkloadGroup")] = Istio.WorkloadChecks.CheckWorkloadGroup,
        [("networking.istio.io", "ProxyConfig")] = Istio.WorkloadChecks.CheckProxyConfig,
        [("security.istio.io", "AuthorizationPolicy")] = Istio.SecurityChecks.CheckAuthorizationPolicy,
        [("security.istio.io", "RequestAuthentication")] = Istio.SecurityChecks.CheckRequestAuthentication,
        [("security.istio.io", "PeerAuthentication")] = Istio.PeerAuthenticationChecks.Check,
        [("telemetry.istio.io", "Telemetry")] = Istio.TelemetryChecks.Check,
    };

    private readonly CrdCatalog _catalog;
    private readonly HashSet<string> _groups;

    /// <summary>Validates against <paramref name="catalog"/>'s CRDs.</summary>
    public DocumentValidator(CrdCatalog catalog)
    {
        _catalog = catalog;
        _groups = catalog.Kinds.Select(k => k.Split('/')[0]).ToHashSet();
    }

    /// <summary>
    /// The findings for one document. Documents of API groups the catalog has no CRD for (Kubernetes core
    /// objects, say) are not checked; an unknown version or kind of a known group is.
    /// </summary>
    public IReadOnlyList<ValidationFinding> Validate(DocumentNode document)
    {
        var findings = new List<ValidationFinding>();
        if (document is not DocumentMap map || map["apiVersion"] is not DocumentScalar { Kind: ScalarKind.String } apiVersion || map["kind"] is not DocumentScalar { Kind: ScalarKind.String } kind)
        {
            findings.Add(new ValidationFinding(ValidationIds.UnknownKind, FindingSeverity.Error, string.Empty, "not a Kubernetes object: it needs string 'apiVersion' and 'kind' fields", document.DeclaredAt));
            return findings;
        }

        if (apiVersion.Text.Length == 0 || (!apiVersion.Text.Contains('/') && _groups.Contains(apiVersion.Text)))
        {
            findings.Add(new ValidationFinding(ValidationIds.UnknownKind, FindingSeverity.Error, "apiVersion", apiVersion.Text.Length == 0 ? "apiVersion is empty; write group/version, for example networking.istio.io/v1" : $"'{apiVersion.Text}' is a group without a version; write {apiVersion.Text}/<version>", apiVersion.DeclaredAt ?? document.DeclaredAt));
            return findings;
        }

        var check = _catalog.CheckFor(apiVersion.Text, kind.Text);
        if (check is null)
        {
            var group = apiVersion.Text.Contains('/') ? apiVersion.Text.Split('/')[0] : string.Empty;
            if (_groups.Contains(group))
            {
                var served = string.Join(", ", _catalog.Kinds.Where(k => k.StartsWith(group + "/", System.StringComparison.Ordinal) && k.EndsWith(" " + kind.Text, System.StringComparison.Ordinal)).Select(k => k.Split(' ')[0]));
                findings.Add(new ValidationFinding(ValidationIds.UnknownKind, FindingSeverity.Error, "apiVersion", served.Length > 0 ? $"{kind.Text} is not served as {apiVersion.Text}; served: {served}" : $"{group} has no kind {kind.Text}", apiVersion.DeclaredAt));
            }

            return findings;
        }

        check(document, FieldPath.Root, findings);
        var apiGroup = apiVersion.Text.Split('/')[0];
        if (apiGroup.EndsWith(".istio.io", System.StringComparison.Ordinal))
        {
            var istio = new Istio.Findings(findings);
            Istio.CommonChecks.Check(map, kind.Text, _catalog.DurationFieldsFor(apiVersion.Text, kind.Text), istio);
            IstioChecks.GetValueOrDefault((apiGroup, kind.Text))?.Invoke(map, istio);
        }

        return findings;
    }
}

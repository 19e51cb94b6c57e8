using System.Collections.Generic;
using System.Linq;
using MeshDsl.Documents;

namespace MeshDsl.Validation;

/// <summary>Checks documents against the schemas of their apiVersion and kind.</summary>
public sealed class DocumentValidator
{
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
        if (apiVersion.Text.StartsWith("security.istio.io/", System.StringComparison.Ordinal))
        {
            if (kind.Text == "AuthorizationPolicy")
            {
                Istio.SecurityChecks.CheckAuthorizationPolicy(map, new Istio.Findings(findings));
            }
            else if (kind.Text == "RequestAuthentication")
            {
                Istio.SecurityChecks.CheckRequestAuthentication(map, new Istio.Findings(findings));
            }
        }

        if (apiVersion.Text.StartsWith("networking.istio.io/", System.StringComparison.Ordinal))
        {
            switch (kind.Text)
            {
                case "VirtualService":
                    Istio.VirtualServiceChecks.Check(map, new Istio.Findings(findings));
                    break;
                case "DestinationRule":
                    Istio.DestinationRuleChecks.Check(map, new Istio.Findings(findings));
                    break;
                case "Gateway":
                    Istio.GatewayChecks.Check(map, new Istio.Findings(findings));
                    break;
                case "ServiceEntry":
                    Istio.ServiceEntryAndSidecarChecks.CheckServiceEntry(map, new Istio.Findings(findings));
                    break;
                case "Sidecar":
                    Istio.ServiceEntryAndSidecarChecks.CheckSidecar(map, new Istio.Findings(findings));
                    break;
            }
        }

        return findings;
    }
}

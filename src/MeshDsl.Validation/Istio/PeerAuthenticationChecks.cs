using MeshDsl.Documents;

namespace MeshDsl.Validation.Istio;

/// <summary>
/// The check Istio's validating webhook runs on a PeerAuthentication beyond its CRD schema and CEL rules
/// (ISTIO-CHECKS.md §B.9): PA01-PA03 and the selector's key rules are CEL's; only PA04's warning is left.
/// </summary>
internal static class PeerAuthenticationChecks
{
    public static void Check(DocumentMap document, Findings findings)
    {
        if (document.Map("spec") is { } spec)
        {
            CommonChecks.WarnOnEmptySelector(spec, "selector", IstioIds.PeerAuthentication, "PA04", findings);
        }
    }
}

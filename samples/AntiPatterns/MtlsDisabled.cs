using MeshDsl;
using MeshDsl.Istio.Security;
using MeshDsl.Istio.Security.V1;

namespace AntiPatterns;

/// <summary>
/// MESH1041: mode DISABLE turns mutual TLS off for the legacy workload: its traffic travels in plain text and its
/// peers are not authenticated.
/// </summary>
public sealed class MtlsDisabled : IMeshDefinition
{
    /// <inheritdoc />
    public void Define(IMeshBuilder mesh) => mesh
        .Add(PeerAuthentication.Create("legacy-plaintext", pa => pa
            .Namespace(Shop.Namespace)
            .Selector(s => s.MatchLabels("app", "legacy"))
            .Mtls(m => m.Mode(MutualTLSMode.Disable))));
}

using MeshDsl;
using MeshDsl.Istio.Security;
using MeshDsl.Istio.Security.V1;

namespace AntiPatterns;

/// <summary>
/// MESH1049: PERMISSIVE accepts plain text beside mutual TLS. It is the migration mode, and payments is listed as a
/// production namespace (MeshDslProductionNamespaces in AntiPatterns.csproj), where only STRICT will do.
/// </summary>
public sealed class PermissiveInProduction : IMeshDefinition
{
    /// <inheritdoc />
    public void Define(IMeshBuilder mesh) => mesh
        .Add(PeerAuthentication.Create("default", pa => pa
            .Namespace(Shop.Payments)
            .Mtls(m => m.Mode(MutualTLSMode.Permissive))));
}

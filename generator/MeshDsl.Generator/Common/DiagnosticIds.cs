namespace MeshDsl.Generator.Common;

/// <summary>The generator's diagnostic ids (docs/diagnostics.md), without Roslyn, so the parse stage can be shared with the runtime.</summary>
internal static class DiagnosticIds
{
    public const string InvalidYaml = "MESH0001";

    public const string NotACrd = "MESH0002";

    public const string MissingSchema = "MESH0003";

    public const string UntypedConstruct = "MESH0004";

    public const string NameCollision = "MESH0005";

    public const string LimitExceeded = "MESH0006";

    public const string InvalidNamingTable = "MESH0007";

    public const string IncompleteCrd = "MESH0008";

    public const string DuplicateKind = "MESH0009";

    public const string MissingSpec = "MESH0010";

    public const string InternalError = "MESH0099";
}

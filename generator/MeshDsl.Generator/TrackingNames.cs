namespace MeshDsl.Generator;

/// <summary>The names of the pipeline steps, which incrementality tests assert on.</summary>
internal static class TrackingNames
{
    public const string CrdFiles = nameof(CrdFiles);
    public const string CrdDocuments = nameof(CrdDocuments);
    public const string ParsedCrds = nameof(ParsedCrds);
    public const string NamingTable = nameof(NamingTable);
    public const string KindMappings = nameof(KindMappings);
    public const string AssembledTypes = nameof(AssembledTypes);
    public const string EmitUnits = nameof(EmitUnits);
}

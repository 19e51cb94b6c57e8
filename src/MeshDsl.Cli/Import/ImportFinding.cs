namespace MeshDsl.Cli.Import;

/// <summary>The import's diagnostic ids (docs/diagnostics.md, the 0400 block).</summary>
internal static class ImportIds
{
    /// <summary>A field or value the builders cannot express: the document is not imported.</summary>
    public const string NotExpressible = "MESH0401";

    /// <summary>A kind with no builders (or no Kubernetes object at all): the document is not imported.</summary>
    public const string KindNotSupported = "MESH0402";

    /// <summary><c>status</c> is left out (a warning): the API server ignores it on create.</summary>
    public const string StatusNotImported = "MESH0403";
}

/// <summary>An import problem at a YAML location: <c>file:line:col: error MESH0401 spec.http[0].x: message</c>.</summary>
internal sealed record ImportFinding(string Id, bool IsError, string Path, string Message, SourceLocation? At)
{
    public override string ToString()
    {
        var where = At is { } at ? $"{at.File}:{at.Line}:{at.Column}" : "-";
        return $"{where}: {(IsError ? "error" : "warning")} {Id} {(Path.Length == 0 ? "(document)" : Path)}: {Message}";
    }
}

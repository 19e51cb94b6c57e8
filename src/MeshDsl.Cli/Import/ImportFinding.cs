using MeshDsl.Documents;

namespace MeshDsl.Cli.Import;

/// <summary>The import's diagnostic ids (docs/diagnostics.md, the 0400 block).</summary>
internal static class ImportIds
{
    /// <summary>A field or value the builders (or KubernetesClient's model) cannot express: the document is not imported.</summary>
    public const string NotExpressible = "MESH0401";

    /// <summary>A kind with no builders and no KubernetesClient model (or no Kubernetes object at all): the document is not imported.</summary>
    public const string KindNotSupported = "MESH0402";

    /// <summary><c>status</c> is left out (a warning): the API server ignores it on create.</summary>
    public const string StatusNotImported = "MESH0403";

    /// <summary>
    /// A value written in the form KubernetesClient writes it, which the API server reads the same (a warning): a
    /// quantity in canonical form, a time in UTC, an explicit null left out.
    /// </summary>
    public const string WrittenInAnotherForm = "MESH0404";
}

/// <summary>An import problem at a YAML location: <c>file:line:col: error MESH0401 spec.http[0].x: message</c>.</summary>
internal sealed record ImportFinding(string Id, bool IsError, string Path, string Message, SourceLocation? At)
{
    /// <summary>A field the import cannot express (MESH0401) at <paramref name="node"/>: its document is refused.</summary>
    public static ImportFinding NotExpressible(string path, string message, DocumentNode node) => new(ImportIds.NotExpressible, true, path, message, node.DeclaredAt);

    /// <summary>A value written in another form (MESH0404), a warning.</summary>
    public static ImportFinding WrittenInAnotherForm(string path, string message, DocumentNode node) => new(ImportIds.WrittenInAnotherForm, false, path, message, node.DeclaredAt);

    /// <summary>The <c>status</c> left out (MESH0403), a warning.</summary>
    public static ImportFinding StatusLeftOut(DocumentNode status) => new(ImportIds.StatusNotImported, false, "status", "not imported: the API server ignores status on create", status.DeclaredAt);

    public override string ToString()
    {
        var where = At is { } at ? $"{at.File}:{at.Line}:{at.Column}" : "-";
        return $"{where}: {(IsError ? "error" : "warning")} {Id} {(Path.Length == 0 ? "(document)" : Path)}: {Message}";
    }
}

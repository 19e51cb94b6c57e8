namespace MeshDsl.Validation;

/// <summary>How bad a finding is.</summary>
public enum FindingSeverity
{
    /// <summary>The API server or Istio would reject the document.</summary>
    Error,

    /// <summary>Accepted, but probably not what was meant (for example a field the API server prunes).</summary>
    Warning,
}

/// <summary>One problem in a document: its id, the field path, what is wrong, and where.</summary>
public sealed record ValidationFinding(string Id, FindingSeverity Severity, string Path, string Message, SourceLocation? At)
{
    /// <summary><c>file:line:col: error MESH0203 spec.servers[0].port: message</c>.</summary>
    public override string ToString()
    {
        var where = At is null ? "-" : $"{At.File}:{At.Line}:{At.Column}";
        var severity = Severity == FindingSeverity.Error ? "error" : "warning";
        return $"{where}: {severity} {Id} {(Path.Length == 0 ? "(document)" : Path)}: {Message}";
    }
}

/// <summary>The validation ids (docs/diagnostics.md, range MESH0200–MESH0499).</summary>
public static class ValidationIds
{
    /// <summary>A value of the wrong type.</summary>
    public const string WrongType = "MESH0201";

    /// <summary>A field the schema does not know: the API server prunes or rejects it.</summary>
    public const string UnknownField = "MESH0202";

    /// <summary>A required field is missing.</summary>
    public const string RequiredMissing = "MESH0203";

    /// <summary>A value outside the field's enum.</summary>
    public const string NotInEnum = "MESH0204";

    /// <summary>A number outside its format's or the schema's range.</summary>
    public const string OutOfRange = "MESH0205";

    /// <summary>A string too long, too short, or not matching the pattern.</summary>
    public const string BadString = "MESH0206";

    /// <summary>Too many or too few items or properties.</summary>
    public const string BadCount = "MESH0207";

    /// <summary>Two fields of an "at most one of" group, or none of an "exactly one of" group.</summary>
    public const string OneOf = "MESH0208";

    /// <summary>An apiVersion or kind the CRDs do not serve.</summary>
    public const string UnknownKind = "MESH0209";

    /// <summary>The YAML cannot be read.</summary>
    public const string Unreadable = "MESH0210";

    /// <summary>Two items of a set or map-type list with the same value or key.</summary>
    public const string DuplicateItem = "MESH0211";

    /// <summary>A CEL rule of the CRD (<c>x-kubernetes-validations</c>) does not hold.</summary>
    public const string CelRule = "MESH0212";

    /// <summary>A CEL rule of the CRD that MeshDsl cannot evaluate (outside the subset CRDs use), so it was not checked.</summary>
    public const string CelUnsupported = "MESH0213";
}

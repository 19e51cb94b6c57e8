namespace MeshDsl;

/// <summary>
/// Where something was declared: a C# caller's file and line (captured by the compiler), or a YAML node's
/// file, line and column.
/// </summary>
public sealed record SourceLocation(string File, int Line, int Column = 1)
{
    /// <summary>MSBuild's canonical origin, <c>File(Line,Column)</c>, or an empty string when unknown.</summary>
    public string ToOrigin() => File.Length == 0 ? string.Empty : $"{File}({Line},{Column})";
}

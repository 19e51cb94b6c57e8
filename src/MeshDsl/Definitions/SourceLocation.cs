namespace MeshDsl;

/// <summary>Where in C# something was declared: the caller's file and line, captured by the compiler.</summary>
public sealed record SourceLocation(string File, int Line)
{
    /// <summary>MSBuild's canonical origin, <c>File(Line,1)</c>, or an empty string when unknown.</summary>
    public string ToOrigin() => File.Length == 0 ? string.Empty : $"{File}({Line},1)";
}

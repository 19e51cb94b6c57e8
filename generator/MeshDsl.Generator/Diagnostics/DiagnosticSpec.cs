using MeshDsl.Generator.Common;

namespace MeshDsl.Generator.Diagnostics;

/// <summary>
/// A diagnostic as plain data (id, arguments, file, line, column), so it can travel through cached pipeline
/// steps; it becomes a Roslyn diagnostic only when reported (DiagnosticReporting). Roslyn-free,
/// so the parse stage it belongs to can be compiled into the runtime's validator too.
/// </summary>
internal sealed record DiagnosticSpec(string Id, EquatableArray<string> Arguments, string FilePath, int Line, int Column)
{
    public static DiagnosticSpec Create(string id, string filePath, int line, int column, params string[] arguments) =>
        new(id, arguments.ToEquatableArray(), filePath, line, column);
}

using System;
using System.Linq;
using MeshDsl.Generator.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MeshDsl.Generator.Diagnostics;

/// <summary>
/// A diagnostic as plain data (id, arguments, file, line, column), so it can travel through cached pipeline
/// steps; it becomes a Roslyn <see cref="Diagnostic"/> only when reported.
/// </summary>
internal sealed record DiagnosticSpec(string Id, EquatableArray<string> Arguments, string FilePath, int Line, int Column)
{
    public static DiagnosticSpec Create(DiagnosticDescriptor descriptor, string filePath, int line, int column, params string[] arguments) =>
        new(descriptor.Id, arguments.ToEquatableArray(), filePath, line, column);

    public Diagnostic ToDiagnostic()
    {
        var descriptor = Descriptors.First(d => d.Id == Id);
        var position = new LinePosition(Math.Max(Line - 1, 0), Math.Max(Column - 1, 0));
        var location = FilePath.Length == 0
            ? Location.None
            : Location.Create(FilePath, default, new LinePositionSpan(position, position));
        return Diagnostic.Create(descriptor, location, Arguments.Cast<object>().ToArray());
    }

    private static readonly DiagnosticDescriptor[] Descriptors =
    {
        GeneratorDiagnostics.InvalidYaml,
        GeneratorDiagnostics.NotACrd,
        GeneratorDiagnostics.MissingSchema,
        GeneratorDiagnostics.UntypedConstruct,
        GeneratorDiagnostics.NameCollision,
        GeneratorDiagnostics.LimitExceeded,
        GeneratorDiagnostics.InvalidNamingTable,
        GeneratorDiagnostics.IncompleteCrd,
        GeneratorDiagnostics.DuplicateKind,
        GeneratorDiagnostics.MissingSpec,
        GeneratorDiagnostics.InternalError,
    };
}

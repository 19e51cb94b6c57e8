using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MeshDsl.Generator.Diagnostics;

/// <summary>Turns <see cref="DiagnosticSpec"/>s into Roslyn diagnostics located in the YAML file.</summary>
internal static class DiagnosticReporting
{
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

    public static Diagnostic ToDiagnostic(this DiagnosticSpec spec)
    {
        var descriptor = Descriptors.First(d => d.Id == spec.Id);
        var position = new LinePosition(Math.Max(spec.Line - 1, 0), Math.Max(spec.Column - 1, 0));
        var location = spec.FilePath.Length == 0
            ? Location.None
            : Location.Create(spec.FilePath, default, new LinePositionSpan(position, position));
        return Diagnostic.Create(descriptor, location, spec.Arguments.Cast<object>().ToArray());
    }
}

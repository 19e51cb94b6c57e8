using MeshDsl.Generator.Common;
using Microsoft.CodeAnalysis;

namespace MeshDsl.Generator.Diagnostics;

/// <summary>
/// The generator's diagnostics. Ids are listed once in docs/diagnostics.md and never reused; the
/// generator owns MESH0001–MESH0099.
/// </summary>
internal static class GeneratorDiagnostics
{
    private const string Category = "MeshDsl.Generator";
    private const string HelpBase = "https://example.com/meshdsl/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor InvalidYaml = Create(
        DiagnosticIds.InvalidYaml, "CRD file is not valid YAML", "{0}: no builders are generated from this file; fix the YAML syntax", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NotACrd = Create(
        DiagnosticIds.NotACrd, "Document is not a CustomResourceDefinition", "The document is a {0}, not an apiextensions.k8s.io/v1 CustomResourceDefinition, so it is skipped; pass only CRD files as MeshDsl CRD items", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MissingSchema = Create(
        DiagnosticIds.MissingSchema, "CRD version has no openAPIV3Schema", "Version '{0}' of {1} has no schema.openAPIV3Schema, so no builders are generated for it; add the schema or mark the version 'served: false'", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UntypedConstruct = Create(
        DiagnosticIds.UntypedConstruct, "Schema construct generated as a free-form value", "{0} at '{1}' cannot be typed ({2}), so it is generated as MeshDsl.FreeForm; build its value with FreeForm.Object(...) or FreeForm.List(...)", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor NameCollision = Create(
        DiagnosticIds.NameCollision, "Generated type name collision", "Two different schema objects are both named '{0}' in namespace '{1}' (at '{2}' and '{3}'); the second is generated as '{4}'. Give one of them another name in the naming table.", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor LimitExceeded = Create(
        DiagnosticIds.LimitExceeded, "CRD file exceeds the reader's limits", "{0}; no builders are generated from this document", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidNamingTable = Create(
        DiagnosticIds.InvalidNamingTable, "Invalid type naming table", "{0}; the table is ignored and path-based names are used", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor IncompleteCrd = Create(
        DiagnosticIds.IncompleteCrd, "CRD is missing a required field", "The CustomResourceDefinition has no '{0}', so it is skipped; add the field", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DuplicateKind = Create(
        DiagnosticIds.DuplicateKind, "Kind defined twice", "{0} of group '{1}' is already defined by '{2}', so this definition is skipped; pass each CRD once", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MissingSpec = Create(
        DiagnosticIds.MissingSpec, "CRD version has no spec object", "Version '{0}' of {1} has no 'spec' object with properties, so no builders are generated for it", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InternalError = Create(
        DiagnosticIds.InternalError, "MeshDsl generator failed", "The MeshDsl generator failed on this file and generated nothing from it: {0}. Please report this with the file.", DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());
}

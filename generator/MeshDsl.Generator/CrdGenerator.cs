using System;
using System.Collections.Immutable;
using System.Linq;
using MeshDsl.Generator.Assemble;
using MeshDsl.Generator.Common;
using MeshDsl.Generator.Diagnostics;
using MeshDsl.Generator.Emit;
using MeshDsl.Generator.Input;
using MeshDsl.Generator.Map;
using MeshDsl.Generator.Parse;
using Microsoft.CodeAnalysis;

namespace MeshDsl.Generator;

/// <summary>
/// Turns CRD files (AdditionalFiles with <c>MeshDslCrd="true"</c>) into typed models and fluent builders:
/// read the opted-in files → split them into YAML documents → parse each CRD → map each kind to types →
/// assemble the kinds (share identical types, settle names) → emit one file per type.
/// It never reads the Compilation, so editing C# never re-runs it.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class CrdGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var options = context.AnalyzerConfigOptionsProvider;

        var crdFiles = context.AdditionalTextsProvider
            .Combine(options)
            .Select((pair, ct) => InputReader.ReadCrdFile(pair.Left, pair.Right, ct))
            .Where(file => file is not null)
            .Select((file, _) => file!)
            .WithTrackingName(TrackingNames.CrdFiles);

        var documents = crdFiles
            .SelectMany((file, _) => DocumentSplitter.Split(file))
            .WithTrackingName(TrackingNames.CrdDocuments);

        var parsed = documents
            .Select((document, _) => Guard(document.Path, () => CrdParser.Parse(document), diagnostics => new ParsedCrd(null, diagnostics)))
            .WithTrackingName(TrackingNames.ParsedCrds);

        var namingTable = context.AdditionalTextsProvider
            .Combine(options)
            .Select((pair, ct) => InputReader.ReadNamingTable(pair.Left, pair.Right, ct))
            .Where(file => file is not null)
            .Collect()
            .Select((files, _) => Guard(string.Empty, () => NamingTable.Read(files.Select(f => f!)), diagnostics => new NamingTable(EquatableArray<NamingEntry>.Empty, diagnostics)))
            .WithTrackingName(TrackingNames.NamingTable);

        var kinds = parsed
            .Where(result => result.Crd is not null)
            .Combine(namingTable)
            .Select((pair, _) => Guard(pair.Left.Crd!.Path, () => KindMapper.Map(pair.Left.Crd!, pair.Right), diagnostics => new KindMapping(null, pair.Left.Crd!.Path, pair.Left.Crd!.Line, EquatableArray<OccurrenceLine>.Empty, diagnostics)))
            .WithTrackingName(TrackingNames.KindMappings);

        var assembled = kinds
            .Collect()
            .Select((all, _) => Guard(string.Empty, () => TypeAssembler.Assemble(all), diagnostics => new AssembledTypes(EquatableArray<EmitUnit>.Empty, diagnostics)))
            .WithTrackingName(TrackingNames.AssembledTypes);

        var units = assembled
            .SelectMany((result, _) => result.Units)
            .WithTrackingName(TrackingNames.EmitUnits);

        context.RegisterSourceOutput(units, Emit);
        context.RegisterSourceOutput(parsed.Select((p, _) => p.Diagnostics), Report);
        context.RegisterSourceOutput(namingTable.Select((t, _) => t.Diagnostics), Report);
        context.RegisterSourceOutput(kinds.Select((k, _) => k.Diagnostics), Report);
        context.RegisterSourceOutput(assembled.Select((a, _) => a.Diagnostics), Report);
    }

    private static void Emit(SourceProductionContext context, EmitUnit unit)
    {
        try
        {
            var source = unit switch
            {
                { Object: { } model } => ModelEmitter.Emit(model),
                { Enum: { } values } => EnumEmitter.Emit(values),
                { Resource: { } resource } => ResourceEmitter.EmitResource(resource),
                { ResourceBuilder: { } builder } => ResourceEmitter.EmitResourceBuilder(builder),
                _ => null,
            };
            if (source is not null)
            {
                context.AddSource(unit.HintName, source);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.ReportDiagnostic(DiagnosticSpec.Create(DiagnosticIds.InternalError, string.Empty, 1, 1, $"{exception.GetType().Name} while writing {unit.HintName}: {exception.Message}").ToDiagnostic());
        }
    }

    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticSpec> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

    // The boundary: an exception in any stage becomes a MESH0099 diagnostic on the file, never a crashed build.
    private static T Guard<T>(string path, Func<T> stage, Func<EquatableArray<DiagnosticSpec>, T> onFailure)
    {
        try
        {
            return stage();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var diagnostic = DiagnosticSpec.Create(DiagnosticIds.InternalError, path, 1, 1, $"{exception.GetType().Name}: {exception.Message}");
            return onFailure(ImmutableArray.Create(diagnostic).ToEquatableArray());
        }
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MeshDsl.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MeshDsl.Analyzers;

/// <summary>
/// Runs MeshDsl.Analysis' rules on the resources a compilation builds. Each <c>Create(name, build)</c> factory call
/// is folded into a partial document as it is seen, and the resource rules report on it at once (live in the IDE);
/// rules over the whole set (route targets, duplicates) run when the compilation ends. Options come from
/// <c>.editorconfig</c> (<c>meshdsl_root_namespace</c>, <c>meshdsl_production_namespaces</c>,
/// <c>meshdsl_external_hosts</c>) or the MSBuild properties MeshDslRootNamespace, MeshDslProductionNamespaces and
/// MeshDslExternalHosts.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MeshRuleAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        RuleDiagnostics.ByRule.Values.Concat(new[] { RuleDiagnostics.OneOf, RuleDiagnostics.InternalError, WebhookParity.VirtualService }).ToImmutableArray();

    /// <inheritdoc />
    public override void Initialize(Microsoft.CodeAnalysis.Diagnostics.AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (MeshSymbols.Create(start.Compilation) is not { } symbols)
            {
                return;
            }

            var folded = new ConcurrentBag<FoldedResource>();
            start.RegisterOperationAction(operation =>
            {
                // Every call and every `new` of the compilation comes here: reject the others before any allocation.
                if (!symbols.IsResourceCreation(operation.Operation))
                {
                    return;
                }

                Guard(operation.ReportDiagnostic, operation.Operation.Syntax, () => Analyze(operation, symbols, folded));
            }, OperationKind.Invocation, OperationKind.ObjectCreation);

            start.RegisterCompilationEndAction(end => Guard(end.ReportDiagnostic, null, () =>
            {
                // In source order, so that a finding between two resources always lands on the same one.
                var resources = folded
                    .OrderBy(r => r.Creation.SourceTree?.FilePath, StringComparer.Ordinal)
                    .ThenBy(r => r.Creation.SourceSpan.Start)
                    .ToList();
                if (resources.Count == 0)
                {
                    return;
                }

                var facts = new Facts();
                foreach (var resource in resources)
                {
                    facts.AddFrom(resource.Facts);
                }

                // .editorconfig sections apply per file; the set rules read them through the first resource's file.
                var options = Options(end.Options.AnalyzerConfigOptionsProvider, resources[0].Creation.SourceTree);
                var findings = new List<AnalysisFinding>();
                MeshAnalysis.RunSetRules(resources.Select(r => r.Resource).ToList(), new Analysis.AnalysisContext(options, facts, findings));
                Report(findings, resources, end.ReportDiagnostic);
            }));
        });
    }

    // Folds one resource creation, reports what its resource rules find, and keeps it for the set rules.
    private static void Analyze(OperationAnalysisContext operation, MeshSymbols symbols, ConcurrentBag<FoldedResource> folded)
    {
        var resource = operation.Operation switch
        {
            IInvocationOperation call => ChainFolder.Fold(call, symbols),
            IObjectCreationOperation creation => ChainFolder.FoldObject(creation, symbols),
            _ => null,
        };
        if (resource is null)
        {
            return;
        }

        folded.Add(resource);
        foreach (var (fields, at) in resource.OneOfViolations)
        {
            operation.ReportDiagnostic(Diagnostic.Create(RuleDiagnostics.OneOf, at, fields));
        }

        foreach (var diagnostic in WebhookParity.Check(resource))
        {
            operation.ReportDiagnostic(diagnostic);
        }

        var options = Options(operation.Options.AnalyzerConfigOptionsProvider, operation.Operation.Syntax.SyntaxTree);
        var findings = new List<AnalysisFinding>();
        MeshAnalysis.RunResourceRules(resource.Resource, new Analysis.AnalysisContext(options, resource.Facts, findings));
        Report(findings, new[] { resource }, operation.ReportDiagnostic);
    }

    private static void Report(List<AnalysisFinding> findings, IReadOnlyList<FoldedResource> resources, Action<Diagnostic> report)
    {
        foreach (var finding in findings)
        {
            var owner = resources.FirstOrDefault(r => ReferenceEquals(r.Resource, finding.Resource));
            var location = owner?.LocationOf(finding.Node) ?? Location.None;
            var properties = ImmutableDictionary<string, string?>.Empty.Add(RuleDiagnostics.PathProperty, finding.Path);
            if (finding.Suggestion is { } suggestion)
            {
                properties = properties.Add(RuleDiagnostics.SuggestionProperty, suggestion);
            }

            report(Diagnostic.Create(RuleDiagnostics.ByRule[finding.Rule.Id], location, properties, finding.FullMessage));
        }
    }

    // Per-file .editorconfig values win over the project's MSBuild properties.
    private static AnalysisOptions Options(AnalyzerConfigOptionsProvider provider, SyntaxTree? tree)
    {
        string? Read(string editorConfigKey, string property)
        {
            if (tree is not null && provider.GetOptions(tree).TryGetValue(editorConfigKey, out var local) && local.Length > 0)
            {
                return local;
            }

            return provider.GlobalOptions.TryGetValue(editorConfigKey, out var global) && global.Length > 0 ? global
                : provider.GlobalOptions.TryGetValue("build_property." + property, out var fromMsBuild) && fromMsBuild.Length > 0 ? fromMsBuild
                : null;
        }

        return new AnalysisOptions
        {
            RootNamespace = Read("meshdsl_root_namespace", "MeshDslRootNamespace") ?? AnalysisOptions.Default.RootNamespace,
            ProductionNamespaces = AnalysisOptions.ParseList(Read("meshdsl_production_namespaces", "MeshDslProductionNamespaces")),
            ExternalHosts = AnalysisOptions.ParseList(Read("meshdsl_external_hosts", "MeshDslExternalHosts")),
        };
    }

    // An exception here would fail the user's whole build: it becomes one warning instead.
    private static void Guard(Action<Diagnostic> report, SyntaxNode? at, Action analyze)
    {
        try
        {
            analyze();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            report(Diagnostic.Create(RuleDiagnostics.InternalError, at?.GetLocation() ?? Location.None, exception.GetType().Name + ": " + exception.Message));
        }
    }
}

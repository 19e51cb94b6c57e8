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
        // Generated code is not analyzed, so every finding is in the user's code. Saying that diagnostics may be
        // reported there spares the driver its generated-code check on each one: a walk of the whole file for
        // [GeneratedCode] on the first finding in each file (a fifth of the analyzer's time in a 1,000-resource build).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (MeshSymbols.Create(start.Compilation) is not { } symbols)
            {
                return;
            }

            var folded = new ConcurrentQueue<FoldedResource>();
            var options = new OptionsByFile(start.Options.AnalyzerConfigOptionsProvider);
            // One callback per code block (a method body, an initializer), which walks its operations itself: an
            // operation action would be a driver callback for every call and `new` of the compilation, almost all of
            // them builder calls inside the resources this callback folds anyway.
            start.RegisterOperationBlockAction(block =>
            {
                foreach (var creation in ResourceCreations(block.OperationBlocks, symbols))
                {
                    List<Diagnostic> diagnostics;
                    try
                    {
                        diagnostics = Analyze(creation, symbols, options, folded);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        diagnostics = InternalError(creation.Syntax.GetLocation(), exception);
                    }

                    foreach (var diagnostic in diagnostics)
                    {
                        block.ReportDiagnostic(diagnostic);
                    }
                }
            });

            start.RegisterCompilationEndAction(end =>
            {
                List<Diagnostic> diagnostics;
                try
                {
                    diagnostics = AnalyzeSet(folded, options);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    diagnostics = InternalError(Location.None, exception);
                }

                foreach (var diagnostic in diagnostics)
                {
                    end.ReportDiagnostic(diagnostic);
                }
            });
        });
    }

    // The resource creations of a code block. The walk does not enter a creation: the folder reads its builder
    // calls, and a resource created inside another resource's builder lambdas is not a way to declare a mesh.
    private static IEnumerable<IOperation> ResourceCreations(ImmutableArray<IOperation> blocks, MeshSymbols symbols)
    {
        var pending = new Stack<IOperation>(blocks);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            if (symbols.IsResourceCreation(operation))
            {
                yield return operation;
                continue;
            }

            foreach (var child in operation.ChildOperations)
            {
                pending.Push(child);
            }
        }
    }

    // The set rules over every resource folded in the compilation.
    private static List<Diagnostic> AnalyzeSet(ConcurrentQueue<FoldedResource> folded, OptionsByFile options)
    {
        // In source order, so that a finding between two resources always lands on the same one.
        var resources = new List<FoldedResource>(folded);
        resources.Sort(static (a, b) =>
            string.CompareOrdinal(a.Creation.SourceTree?.FilePath, b.Creation.SourceTree?.FilePath) is var byFile and not 0
                ? byFile
                : a.Creation.SourceSpan.Start.CompareTo(b.Creation.SourceSpan.Start));
        var diagnostics = new List<Diagnostic>();
        if (resources.Count == 0)
        {
            return diagnostics;
        }

        var facts = new Facts();
        var analyzed = new List<AnalyzedResource>(resources.Count);
        foreach (var resource in resources)
        {
            facts.AddFrom(resource.Facts);
            analyzed.Add(resource.Resource);
        }

        // .editorconfig sections apply per file; the set rules read them through the first resource's file.
        var findings = new List<AnalysisFinding>();
        MeshAnalysis.RunSetRules(analyzed, new Analysis.AnalysisContext(options.For(resources[0].Creation.SourceTree), facts, findings));
        Report(findings, resources, diagnostics);
        return diagnostics;
    }

    // Folds one resource creation, keeps it for the set rules, and returns what its resource rules find.
    private static List<Diagnostic> Analyze(IOperation operation, MeshSymbols symbols, OptionsByFile options, ConcurrentQueue<FoldedResource> folded)
    {
        var diagnostics = new List<Diagnostic>();
        var resource = operation switch
        {
            IInvocationOperation call => ChainFolder.Fold(call, symbols),
            IObjectCreationOperation creation => ChainFolder.FoldObject(creation, symbols),
            _ => null,
        };
        if (resource is null)
        {
            return diagnostics;
        }

        folded.Enqueue(resource);
        foreach (var (fields, at) in resource.OneOfViolations)
        {
            diagnostics.Add(Diagnostic.Create(RuleDiagnostics.OneOf, at, fields));
        }

        WebhookParity.Check(resource, diagnostics);
        var findings = new List<AnalysisFinding>();
        MeshAnalysis.RunResourceRules(resource.Resource, new Analysis.AnalysisContext(options.For(operation.Syntax.SyntaxTree), resource.Facts, findings));
        Report(findings, new[] { resource }, diagnostics);
        return diagnostics;
    }

    private static void Report(List<AnalysisFinding> findings, IReadOnlyList<FoldedResource> resources, List<Diagnostic> diagnostics)
    {
        foreach (var finding in findings)
        {
            var location = Owner(resources, finding.Resource)?.LocationOf(finding.Node) ?? Location.None;
            var properties = ImmutableDictionary<string, string?>.Empty.Add(RuleDiagnostics.PathProperty, finding.Path);
            if (finding.Suggestion is { } suggestion)
            {
                properties = properties.Add(RuleDiagnostics.SuggestionProperty, suggestion);
            }

            diagnostics.Add(Diagnostic.Create(RuleDiagnostics.ByRule[finding.Rule.Id], location, properties, finding.FullMessage));
        }
    }

    private static FoldedResource? Owner(IReadOnlyList<FoldedResource> resources, AnalyzedResource resource)
    {
        foreach (var candidate in resources)
        {
            if (ReferenceEquals(candidate.Resource, resource))
            {
                return candidate;
            }
        }

        return null;
    }

    // An exception in a rule would fail the user's whole build: it becomes one warning instead.
    private static List<Diagnostic> InternalError(Location at, Exception exception) =>
        new() { Diagnostic.Create(RuleDiagnostics.InternalError, at, exception.GetType().Name + ": " + exception.Message) };
}

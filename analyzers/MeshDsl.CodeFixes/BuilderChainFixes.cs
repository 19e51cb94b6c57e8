using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshDsl.CodeFixes;

/// <summary>
/// MESH1001 and MESH1002: the diagnostic sits on the builder call (<c>.Http(r => ...)</c>, <c>.Retries(x => ...)</c>);
/// the fix appends the missing setter to that call's lambda, <c>r => r.Route(...).Timeout("10s")</c>, with the value
/// the rule suggests (a per-try timeout that fits the route's timeout) or a common default.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddMissingTimeoutFix))]
[Shared]
public sealed class AddMissingTimeoutFix : CodeFixProvider
{
    private const string SuggestionProperty = "MeshDslSuggestion";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("MESH1001", "MESH1002");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (Syntax.InvocationAt(root, diagnostic.Location) is not { } call || Syntax.SingleLambdaBody(call) is not { } body)
            {
                continue;
            }

            var (setter, fallback) = diagnostic.Id == "MESH1001" ? ("Timeout", "10s") : ("PerTryTimeout", "2s");
            var value = diagnostic.Properties.TryGetValue(SuggestionProperty, out var suggested) && suggested is { Length: > 0 } ? suggested : fallback;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Add .{setter}(\"{value}\")",
                    token => Append(context.Document, body, setter, value!, token),
                    equivalenceKey: setter),
                diagnostic);
        }
    }

    private static async Task<Document> Append(Document document, ExpressionSyntax body, string setter, string value, CancellationToken token)
    {
        var root = await document.GetSyntaxRootAsync(token).ConfigureAwait(false);
        var call = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, body.WithoutTrailingTrivia(), SyntaxFactory.IdentifierName(setter)),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value))))))
            .WithTrailingTrivia(body.GetTrailingTrivia());
        return document.WithSyntaxRoot(root!.ReplaceNode(body, call));
    }
}

/// <summary>MESH1040, MESH1041, MESH1049: the mode argument, <c>MutualTLSMode.Permissive</c> or <c>.Disable</c>, becomes <c>.Strict</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StrictMtlsFix))]
[Shared]
public sealed class StrictMtlsFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("MESH1040", "MESH1041", "MESH1049");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (Syntax.InvocationAt(root, diagnostic.Location) is { ArgumentList.Arguments: [{ Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Permissive" or "Disable" } mode }] })
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Use MutualTLSMode.Strict",
                        token => Task.FromResult(context.Document.WithSyntaxRoot(root!.ReplaceNode(mode.Name, SyntaxFactory.IdentifierName("Strict").WithTriviaFrom(mode.Name)))),
                        equivalenceKey: "Strict"),
                    diagnostic);
            }
        }
    }
}

/// <summary>MESH1042: the empty rule's call, <c>.Rules(r => { })</c>, is taken out of the chain.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveAllowAllRuleFix))]
[Shared]
public sealed class RemoveAllowAllRuleFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("MESH1042");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (Syntax.InvocationAt(root, diagnostic.Location) is { Expression: MemberAccessExpressionSyntax member } call)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Remove the rule that allows every request",
                        token => Task.FromResult(context.Document.WithSyntaxRoot(root!.ReplaceNode(call, member.Expression.WithTrailingTrivia(call.GetTrailingTrivia())))),
                        equivalenceKey: "RemoveAllowAll"),
                    diagnostic);
            }
        }
    }
}

/// <summary>Finding the builder call a diagnostic sits on.</summary>
internal static class Syntax
{
    /// <summary>The invocation whose method name starts the diagnostic's span (the analyzers report on <c>Name(args)</c>).</summary>
    public static InvocationExpressionSyntax? InvocationAt(SyntaxNode? root, Location location) =>
        root?.FindToken(location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<InvocationExpressionSyntax>()
            .FirstOrDefault(call => call.Span.End == location.SourceSpan.End);

    /// <summary>The body of the call's only argument when it is an expression-bodied lambda: <c>r => r.Route(...)</c>.</summary>
    public static ExpressionSyntax? SingleLambdaBody(InvocationExpressionSyntax call) =>
        call.ArgumentList.Arguments is [{ Expression: LambdaExpressionSyntax { ExpressionBody: { } body } }] ? body : null;
}

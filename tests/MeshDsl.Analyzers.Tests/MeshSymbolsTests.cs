using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace MeshDsl.Analyzers.Tests;

public sealed class MeshSymbolsTests
{
    // Field keeps its answers per compilation by symbol identity, which holds only while the compiler hands out one
    // method symbol object for every call of a method: if that stopped, the table would grow by one entry per call.
    [Fact]
    public void A_builder_method_called_many_times_is_remembered_once()
    {
        var source = Verify.Usings + """
            class Mesh
            {
                static object A = VirtualService.Create("a", vs => vs.Hosts("a").Http(r => r.Timeout("1s").Route(d => d.Destination(x => x.Host("a")))));
                static object B = VirtualService.Create("b", vs => vs.Hosts("b").Http(r => r.Timeout("2s").Route(d => d.Destination(x => x.Host("b")))));
                static object C = VirtualService.Create("c", vs => vs.Hosts("c").Http(r => r.Timeout("3s").Route(d => d.Destination(x => x.Host("c")))));
            }
            """;
        var compilation = CSharpCompilation.Create("Fields", new[] { CSharpSyntaxTree.ParseText(source) }, Verify.References);
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var symbols = MeshSymbols.Create(compilation)!;

        var calls = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Select(syntax => (IInvocationOperation)model.GetOperation(syntax)!)
            .Where(call => !call.TargetMethod.IsStatic)
            .ToList();
        var fields = calls.Select(call => symbols.Field(call.TargetMethod)?.WireName).ToList();

        Assert.Equal(18, calls.Count);
        Assert.Equal(new[] { "destination", "host", "hosts", "http", "route", "timeout" }, fields.Distinct().OrderBy(wire => wire, System.StringComparer.Ordinal));
        Assert.Equal(6, symbols.RememberedFields);
    }
}

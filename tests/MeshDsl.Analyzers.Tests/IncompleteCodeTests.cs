using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace MeshDsl.Analyzers.Tests;

/// <summary>
/// The analyzer runs on every keystroke, so most of the code it sees does not compile yet. On such code it must stay
/// silent or report what it knows, and never throw: an analyzer exception shows up in every build of the project.
/// </summary>
public sealed class IncompleteCodeTests
{
    public static TheoryData<string> HalfWrittenDefinitions() => new()
    {
        // Typing a chain: the last call is not closed yet.
        """VirtualService.Create("a", vs => vs.Hosts("a").Http(r => r.Route(d => d.Destination(x => x.Host(""",
        "VirtualService.Create(",
        """VirtualService.Create("a", vs => vs.Http(r => r.Timeout(""",
        // Arguments of the wrong type or shape.
        """VirtualService.Create("a", vs => vs.Http(r => r.Timeout(42)))""",
        """VirtualService.Create("a", 5)""",
        """VirtualService.Create(name: null, build: null)""",
        """VirtualService.Create("a", vs => vs.Hosts(null).Http(null))""",
        """VirtualService.Create("a", vs => vs.Http(r => r.Route(d => d.Destination(x => x.Host("a").Port(p => p.Number("80"))))))""",
        // Members that do not exist, and builders used as something else.
        """VirtualService.Create("a", vs => vs.Http(r => r.NoSuchField("x")).Hosts("a"))""",
        """VirtualService.Create("a", vs => vs.Http(r => r).Http(r => null))""",
        """VirtualService.Create("a", vs => { vs.Hosts("a"); return 42; })""",
        // An enum value outside the enum, and a cast the analyzer cannot follow.
        """PeerAuthentication.Create("p", pa => pa.Mtls(m => m.Mode((MutualTLSMode)99)))""",
        """PeerAuthentication.Create("p", pa => pa.Mtls(m => m.Mode((MutualTLSMode)(object)"STRICT")))""",
        // KubernetesClient objects half written.
        """new k8s.Models.V1Deployment { Metadata = new k8s.Models.V1ObjectMeta { Name = 5 } }""",
        """new k8s.Models.V1Deployment { Spec = new k8s.Models.V1DeploymentSpec { Replicas = } }""",
        """new k8s.Models.V1Service { Spec = new k8s.Models.V1ServiceSpec { Ports = [new() { Port = }, ..] } }""",
    };

    [Theory]
    [MemberData(nameof(HalfWrittenDefinitions))]
    public async Task A_half_written_definition_raises_no_analyzer_error(string expression)
    {
        var source = Verify.Usings + "class Mesh { static object Resource = " + expression + "; }";
        var compilation = CSharpCompilation.Create(
            "Incomplete",
            new[] { CSharpSyntaxTree.ParseText(source) },
            Verify.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var exceptions = new ConcurrentQueue<Exception>();
        var analysis = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new MeshRuleAnalyzer()),
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false));

        var diagnostics = await analysis.GetAnalyzerDiagnosticsAsync();

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == RuleDiagnostics.InternalError.Id);
    }
}

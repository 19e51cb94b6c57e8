using System.Linq;
using System.Threading.Tasks;
using MeshDsl.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace MeshDsl.Analyzers.Tests;

/// <summary>Runs <see cref="MeshRuleAnalyzer"/> through Roslyn's test framework on code using MeshDsl.Istio's builders.</summary>
internal static class Verify
{
    /// <summary>.NET 10's reference assemblies plus MeshDsl and MeshDsl.Istio, all from local files.</summary>
    public static readonly MetadataReference[] References = Basic.Reference.Assemblies.Net100.References.All
        .Append(MetadataReference.CreateFromFile(typeof(MeshDsl.ObjectMeta).Assembly.Location))
        .Append(MetadataReference.CreateFromFile(typeof(MeshDsl.Istio.Networking.V1.VirtualService).Assembly.Location))
        .ToArray();

    /// <summary>No package download: the references above are the whole set.</summary>
    public static readonly ReferenceAssemblies NoDownload = new("net10.0");

    public const string Usings = """
        using MeshDsl;
        using MeshDsl.Istio.Networking;
        using MeshDsl.Istio.Networking.V1;
        using MeshDsl.Istio.Security;
        using MeshDsl.Istio.Security.V1;

        """;

    /// <summary>Checks that <paramref name="source"/> (markup: <c>{|MESH1001:...|}</c>) gets exactly the marked diagnostics.</summary>
    public static Task Analyzer(string source, params DiagnosticResult[] expected) => Analyzer(source, editorConfig: null, expected);

    public static async Task Analyzer(string source, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<MeshRuleAnalyzer, DefaultVerifier>
        {
            TestCode = Usings + source,
            ReferenceAssemblies = NoDownload,
        };
        test.TestState.AdditionalReferences.AddRange(References);
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }
}

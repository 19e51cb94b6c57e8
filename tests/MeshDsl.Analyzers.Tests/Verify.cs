using System.Collections.Generic;
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
    /// <summary>.NET 10's reference assemblies plus MeshDsl, MeshDsl.Istio and KubernetesClient, all from local files.</summary>
    public static readonly MetadataReference[] References = Basic.Reference.Assemblies.Net100.References.All
        .Append(MetadataReference.CreateFromFile(typeof(MeshDsl.ObjectMeta).Assembly.Location))
        .Append(MetadataReference.CreateFromFile(typeof(MeshDsl.Istio.Networking.V1.VirtualService).Assembly.Location))
        .Append(MetadataReference.CreateFromFile(typeof(k8s.Models.V1Deployment).Assembly.Location))
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

    /// <summary>Checks that <paramref name="fix"/> turns <paramref name="source"/> (with its marked diagnostics) into <paramref name="fixedSource"/>, one by one and all at once.</summary>
    public static async Task CodeFix<TFix>(string source, string fixedSource)
        where TFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<MeshRuleAnalyzer, TFix, DefaultVerifier>
        {
            TestCode = Usings + source,
            FixedCode = Usings + fixedSource,
            ReferenceAssemblies = NoDownload,
        };
        test.DisabledDiagnostics.AddRange(OtherRules(new TFix().FixableDiagnosticIds));
        test.TestState.AdditionalReferences.AddRange(References);
        test.FixedState.AdditionalReferences.AddRange(References);
        await test.RunAsync();
    }

    /// <summary>
    /// Checks that <paramref name="source"/> gets exactly the diagnostics its markup marks (<c>{|MESH1001:...|}</c>)
    /// of the rules named in <paramref name="rules"/>; other mesh rules are switched off, so a test about one rule
    /// does not depend on what the others say about its code. MESH0208 and MESH0098 are always on.
    /// </summary>
    public static Task Analyzer(string source, params string[] rules) => AnalyzerWithOptions(source, editorConfig: null, rules);

    /// <summary>As <see cref="Analyzer(string, string[])"/>, with <paramref name="editorConfig"/> lines in the project's .editorconfig.</summary>
    public static async Task AnalyzerWithOptions(string source, string? editorConfig, params string[] rules)
    {
        var test = new CSharpAnalyzerTest<MeshRuleAnalyzer, DefaultVerifier>
        {
            TestCode = Usings + source,
            ReferenceAssemblies = NoDownload,
        };
        test.DisabledDiagnostics.AddRange(OtherRules(rules));
        test.TestState.AdditionalReferences.AddRange(References);
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        }

        await test.RunAsync();
    }

    private static IEnumerable<string> OtherRules(IEnumerable<string> rules) =>
        new MeshRuleAnalyzer().SupportedDiagnostics.Select(d => d.Id).Where(id => id.StartsWith("MESH1", System.StringComparison.Ordinal)).Except(rules);
}

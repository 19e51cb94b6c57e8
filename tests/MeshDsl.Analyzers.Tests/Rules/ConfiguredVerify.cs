using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace MeshDsl.Analyzers.Tests.Rules;

/// <summary>
/// <see cref="Verify"/> with configuration the way a build supplies it: a global analyzer config (what MSBuild
/// writes for MeshDslRootNamespace and the other properties), and .editorconfig severities checked against
/// explicit <see cref="DiagnosticResult"/>s.
/// </summary>
internal static class ConfiguredVerify
{
    /// <summary>As <see cref="Verify.Analyzer"/>, with <paramref name="globalConfig"/> lines in a global analyzer config (<c>is_global = true</c>).</summary>
    public static Task AnalyzerWithGlobalConfig(string source, string globalConfig, params string[] rules)
    {
        var test = Create(source, rules);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n\n" + globalConfig));
        return test.RunAsync();
    }

    /// <summary>
    /// Checks that <paramref name="source"/> (markup <c>{|#0:...|}</c> for locations only) gets exactly
    /// <paramref name="expected"/> under <paramref name="editorConfig"/>, severities included.
    /// </summary>
    public static Task AnalyzerWithSeverities(string source, string? editorConfig, DiagnosticResult[] expected, params string[] rules)
    {
        var test = Configure(new BuildSeverityTest(rules), source, rules);
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static CSharpAnalyzerTest<MeshRuleAnalyzer, DefaultVerifier> Create(string source, string[] rules) =>
        Configure(new CSharpAnalyzerTest<MeshRuleAnalyzer, DefaultVerifier>(), source, rules);

    private static CSharpAnalyzerTest<MeshRuleAnalyzer, DefaultVerifier> Configure(CSharpAnalyzerTest<MeshRuleAnalyzer, DefaultVerifier> test, string source, string[] rules)
    {
        test.TestCode = Verify.Usings + source;
        test.ReferenceAssemblies = Verify.NoDownload;
        test.TestState.AdditionalReferences.AddRange(Verify.References);
        test.DisabledDiagnostics.AddRange(new MeshRuleAnalyzer().SupportedDiagnostics
            .Select(d => d.Id)
            .Where(id => id.StartsWith("MESH1", System.StringComparison.Ordinal))
            .Except(rules));
        return test;
    }

    /// <summary>
    /// The test framework enables every rule with a project-level "default" entry, and a project-level entry
    /// outranks an .editorconfig that raises a severity (a warning stays a warning under <c>= error</c>). A build has
    /// no such entry, so this test drops the entries of the rules under test.
    /// </summary>
    private sealed class BuildSeverityTest : CSharpAnalyzerTest<MeshRuleAnalyzer, DefaultVerifier>
    {
        private readonly string[] _rules;

        public BuildSeverityTest(string[] rules) => _rules = rules;

        protected override Project ApplyCompilationOptions(Project project)
        {
            var applied = base.ApplyCompilationOptions(project);
            var options = applied.CompilationOptions!;
            return applied.WithCompilationOptions(options.WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions.RemoveRange(_rules)));
        }
    }
}

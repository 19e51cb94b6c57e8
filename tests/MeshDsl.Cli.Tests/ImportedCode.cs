using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Basic.Reference.Assemblies;
using MeshDsl.Cli.Import;
using MeshDsl.Emission;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MeshDsl.Cli.Tests;

/// <summary>Compiles imported C# with Roslyn against MeshDsl and the Istio builders, loads it, and runs its definitions.</summary>
internal static class ImportedCode
{
    public static Assembly Compile(IEnumerable<ImportedFile> files)
    {
        var compilation = Compilation(files);
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        var problems = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, "the imported C# does not compile cleanly:\n" + string.Join("\n", problems.Take(20)));
        stream.Position = 0;
        return AssemblyLoadContext.Default.LoadFromStream(stream);
    }

    /// <summary>The imported files as one compilation against MeshDsl, the Istio builders and KubernetesClient.</summary>
    public static CSharpCompilation Compilation(IEnumerable<ImportedFile> files)
    {
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, new CSharpParseOptions(LanguageVersion.Latest), path: f.Name)).ToList();
        var references = Net100.References.All
            .Concat(new[] { typeof(IMeshDefinition), typeof(MeshDsl.Istio.Networking.V1.VirtualService), typeof(k8s.Models.V1Service) }
                .Select(t => MetadataReference.CreateFromFile(t.Assembly.Location)));
        return CSharpCompilation.Create(
            "Imported" + Guid.NewGuid().ToString("N"),
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                // MeshDsl targets net8.0; compiled against net10.0's reference assemblies (the SDK hides these too).
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
    }

    /// <summary>Runs the definition class <paramref name="name"/> into a fresh set.</summary>
    public static MeshSet Run(Assembly assembly, string name)
    {
        var type = assembly.GetExportedTypes().Single(t => t.Name == name);
        var set = new MeshSet();
        ((IMeshDefinition)Activator.CreateInstance(type)!).Define(set);
        Assert.Empty(set.Errors);
        return set;
    }
}

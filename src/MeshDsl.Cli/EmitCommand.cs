using System.Collections.Generic;
using System.IO;
using System.Linq;
using MeshDsl.Emission;
using MeshDsl.Validation;

namespace MeshDsl.Cli;

/// <summary>
/// <c>meshdsl emit</c>: load the assembly, run its definitions, and write the manifests only when every
/// definition succeeded, so a failed build never replaces good manifests.
/// </summary>
internal static class EmitCommand
{
    public static int Run(IReadOnlyDictionary<string, string> options, TextWriter output, TextWriter error)
    {
        if (!options.TryGetValue("--assembly", out var assembly) || !options.TryGetValue("--out", out var folder))
        {
            error.WriteLine("meshdsl: emit needs --assembly <path.dll> and --out <folder>");
            return CommandLine.UsageError;
        }

        var layoutName = options.TryGetValue("--layout", out var value) ? value : "files";
        if (layoutName is not ("files" or "single"))
        {
            error.WriteLine($"meshdsl: --layout is 'files' or 'single', not '{layoutName}'");
            return CommandLine.UsageError;
        }

        if (!File.Exists(assembly))
        {
            error.WriteLine($"meshdsl : error MESH0105: The assembly '{assembly}' does not exist; build the project first.");
            return CommandLine.UsageError;
        }

        // The CRD files are the project's MeshCrd items, which the generator has read already; one that is not a CRD
        // was reported then as a warning, and is an error here, where it would leave its resources unchecked.
        if (CrdOptions.Catalog(options, out var crdProblem) is not { } catalog)
        {
            output.WriteLine($"meshdsl : error MESH0106: {crdProblem}; fix or remove the MeshCrd item.");
            return CommandLine.UsageError;
        }

        var set = DefinitionRunner.Run(Path.GetFullPath(assembly));
        if (set.Errors.Count == 0)
        {
            set.Errors.AddRange(Validate(set.Manifests, catalog, output));
        }

        foreach (var problem in set.Errors)
        {
            output.WriteLine(problem.ToString());
        }

        if (set.Errors.Count > 0)
        {
            output.WriteLine($"meshdsl: {set.Errors.Count} error(s); the manifests in '{folder}' were left as they were.");
            return CommandLine.Findings;
        }

        var layout = layoutName == "single" ? ManifestLayout.SingleFile : ManifestLayout.FilePerResource;
        var result = ManifestFolder.Write(folder, ManifestLayouts.Render(set.Manifests, layout));
        output.WriteLine($"meshdsl: {set.Manifests.Count} resources → {folder} ({result.Written.Count} written, {result.Unchanged.Count} unchanged, {result.Removed.Count} removed)");
        return CommandLine.Success;
    }

    // The same schema checks as `meshdsl validate`, reported at the C# line that set the value. Warnings
    // (unknown fields) are printed for MSBuild to show; errors stop the write.
    private static IEnumerable<EmitError> Validate(IReadOnlyList<Manifest> manifests, CrdCatalog catalog, TextWriter output)
    {
        var validator = new DocumentValidator(catalog);
        foreach (var manifest in manifests)
        {
            DocumentLocations.Inherit(manifest.Document, manifest.DeclaredAt);
            foreach (var finding in validator.Validate(manifest.Document))
            {
                var problem = new EmitError(finding.Id, $"{manifest.Id} {finding.Path}: {finding.Message}", finding.At ?? manifest.DeclaredAt);
                if (finding.Severity == FindingSeverity.Error)
                {
                    yield return problem;
                }
                else
                {
                    output.WriteLine(problem.ToString().Replace($": error {finding.Id}:", $": warning {finding.Id}:"));
                }
            }
        }
    }
}

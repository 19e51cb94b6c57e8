using System.Collections.Generic;
using System.Linq;
using MeshDsl.Documents;
using MeshDsl.Validation;

namespace MeshDsl.Analysis.Tests;

/// <summary>Runs the rules on YAML text, as <c>meshdsl analyze</c> does.</summary>
internal static class Analyze
{
    public static List<AnalysisFinding> Yaml(string yaml, AnalysisOptions? options = null) =>
        MeshAnalysis.Run(Resources(yaml), options ?? AnalysisOptions.Default, Facts.Complete);

    /// <summary>The findings of one rule, as "path: message" lines.</summary>
    public static List<string> Rule(string id, string yaml, AnalysisOptions? options = null) =>
        Yaml(yaml, options).Where(f => f.Rule.Id == id).Select(f => $"{f.Path}: {f.FullMessage}").ToList();

    public static List<AnalyzedResource> Resources(string yaml) =>
        YamlDocuments.Read("test.yaml", yaml).Select(d => d.Root).OfType<DocumentMap>().Select(root => new AnalyzedResource(root)).ToList();
}

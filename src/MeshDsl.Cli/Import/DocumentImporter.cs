using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MeshDsl.Documents;

namespace MeshDsl.Cli.Import;

/// <summary>An imported document: the resource (null when refused) and what was reported on the way.</summary>
internal sealed record ImportedDocument(ImportedResource? Resource, IReadOnlyList<ImportFinding> Findings);

/// <summary>
/// Turns one Kubernetes object (a <see cref="DocumentMap"/>) into the C# that writes it: a kind with builders into a
/// builder chain (<see cref="BuilderChainImporter"/>), a kind without builders that KubernetesClient has a model for
/// into that model's object initializer (<see cref="KubernetesObjectImporter"/>). Anything neither can express is an
/// error at its YAML location, and the document is not imported; nothing is dropped silently.
/// </summary>
internal sealed class DocumentImporter
{
    private readonly BuilderCatalog _catalog;
    private readonly BuilderChainImporter _chains;
    private KubernetesObjectImporter? _objects;

    public DocumentImporter(BuilderCatalog catalog)
    {
        _catalog = catalog;
        _chains = new BuilderChainImporter(catalog);
    }

    // Made for the first core object: importing Istio YAML alone never reads KubernetesClient's models.
    private KubernetesObjectImporter Objects => _objects ??= new KubernetesObjectImporter(KubernetesModelCatalog.Client);

    public ImportedDocument Import(DocumentMap root, string source)
    {
        var findings = NonFiniteNumbers(root, string.Empty).ToList();
        if (findings.Count > 0)
        {
            return new ImportedDocument(null, findings);
        }

        var apiVersion = (root["apiVersion"] as DocumentScalar)?.Text;
        var kind = (root["kind"] as DocumentScalar)?.Text;
        CSharpExpression? expression = apiVersion is null || kind is null ? null
            : _catalog.Resource(apiVersion, kind) is { } resource ? _chains.Chain(root, resource, Name(root) ?? string.Empty, findings)
            : KubernetesModelCatalog.Client.Model(apiVersion, kind) is { } model ? Objects.Initializer(root, model, findings)
            : null;
        if (expression is null)
        {
            return new ImportedDocument(null, new[] { new ImportFinding(ImportIds.KindNotSupported, true, string.Empty, KindMessage(apiVersion, kind), root.DeclaredAt) });
        }

        if (Name(root) is null)
        {
            findings.Add(ImportFinding.NotExpressible("metadata.name", "metadata.name is needed: a resource is created and identified by its name", root["metadata"] ?? root));
        }

        if (findings.Any(f => f.IsError))
        {
            return new ImportedDocument(null, findings);
        }

        var namespaceName = ((root["metadata"] as DocumentMap)?["namespace"] as DocumentScalar)?.Text;
        return new ImportedDocument(new ImportedResource(source, namespaceName, expression), findings);
    }

    private static string KindMessage(string? apiVersion, string? kind) =>
        apiVersion is null || kind is null ? "not a Kubernetes object: apiVersion and kind are needed"
        : $"{apiVersion} {kind}: no MeshDsl builders and no KubernetesClient model for this apiVersion and kind";

    // A number too large for a double reads as infinity, which JSON, and so Kubernetes, cannot hold.
    private static IEnumerable<ImportFinding> NonFiniteNumbers(DocumentNode node, string path) => node switch
    {
        DocumentMap map => map.SelectMany(e => NonFiniteNumbers(e.Value, path.Length == 0 ? e.Key : $"{path}.{e.Key}")),
        DocumentList list => list.SelectMany((item, i) => NonFiniteNumbers(item, $"{path}[{i}]")),
        DocumentScalar { Kind: ScalarKind.Number } number when !double.TryParse(number.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) =>
            new[] { ImportFinding.NotExpressible(path, "a number out of a double's range (it reads as infinity); JSON cannot hold it", number) },
        _ => Enumerable.Empty<ImportFinding>(),
    };

    // Both ways need metadata.name: Create takes it, and mesh.Add identifies a core object by it.
    private static string? Name(DocumentMap root) =>
        (root["metadata"] as DocumentMap)?["name"] is DocumentScalar { Kind: ScalarKind.String } name ? name.Text : null;
}

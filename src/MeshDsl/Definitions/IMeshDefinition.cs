namespace MeshDsl;

/// <summary>
/// A piece of the mesh, declared in C#. The emit step finds every public, non-abstract class of the built
/// assembly that implements this interface and has a public parameterless constructor, calls
/// <see cref="Define"/>, and writes what it adds as manifests.
/// </summary>
/// <example>
/// <code>
/// public sealed class ReviewsRouting : IMeshDefinition
/// {
///     public void Define(IMeshBuilder mesh) => mesh
///         .Add(VirtualService.Create("reviews", vs => vs.Hosts("reviews")))
///         .Add(DestinationRule.Create("reviews", dr => dr.Host("reviews")));
/// }
/// </code>
/// </example>
public interface IMeshDefinition
{
    /// <summary>Adds this definition's resources to <paramref name="mesh"/>.</summary>
    void Define(IMeshBuilder mesh);
}

/// <summary>Collects the resources of the mesh definitions.</summary>
public interface IMeshBuilder
{
    /// <summary>Adds a MeshDsl resource (any generated kind).</summary>
    IMeshBuilder Add(IMeshResource resource);

    /// <summary>
    /// Adds a Kubernetes core object from KubernetesClient's models (Namespace, Service, Deployment, ...).
    /// <c>apiVersion</c> and <c>kind</c> are filled in from the model's type when left empty.
    /// </summary>
    IMeshBuilder Add(k8s.IKubernetesObject<k8s.Models.V1ObjectMeta> resource, [System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "", [System.Runtime.CompilerServices.CallerLineNumber] int sourceLine = 0);
}

using MeshDsl;
using MeshDsl.Istio.Telemetry.V1;

namespace SeedMesh;

/// <summary>Observability: the seed mesh's Telemetry.</summary>
public sealed class Observability : IMeshDefinition
{
    /// <summary>Mesh-wide defaults: trace every request to Zipkin tagged environment=production, and log access through Envoy.</summary>
    public static Telemetry MeshDefault { get; } = Telemetry.Create("mesh-default", t => t
        .Namespace("istio-system")
        .Tracing(tr => tr
            .Providers(p => p.Name("zipkin"))
            .RandomSamplingPercentage(100.0)
            .CustomTags("environment", tag => tag.Literal(l => l.Value("production"))))
        .AccessLogging(log => log
            .Providers(p => p.Name("envoy"))));

    /// <summary>Adds this file's resources to the mesh; building the project writes them as manifests.</summary>
    public void Define(IMeshBuilder mesh) => mesh
        .Add(MeshDefault);
}

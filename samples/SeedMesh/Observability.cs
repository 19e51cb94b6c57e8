using MeshDsl.Istio.Telemetry.V1;

namespace SeedMesh;

/// <summary>Observability: the seed mesh's Telemetry.</summary>
public static class Observability
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
}

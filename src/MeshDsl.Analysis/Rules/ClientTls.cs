using System.Collections.Generic;
using MeshDsl.Documents;

namespace MeshDsl.Analysis.Rules;

/// <summary>The client TLS settings of a DestinationRule: top level, port level, and the same in each subset.</summary>
internal static class ClientTls
{
    /// <summary>
    /// Each <c>tls</c> of a DestinationRule's traffic policies (nothing for other kinds), in order: spec.trafficPolicy's,
    /// its portLevelSettings', then each subset's the same way. Paths are spelled out only for a finding.
    /// </summary>
    public static List<Setting> Of(AnalyzedResource resource, AnalysisContext context)
    {
        var settings = new List<Setting>();
        if (!resource.IsIstio("DestinationRule"))
        {
            return settings;
        }

        AddFrom(context.Map(resource.Spec, "trafficPolicy"), -1, settings, context);
        foreach (var (index, subset) in KnownFields.Maps(context, resource.Spec, "subsets"))
        {
            AddFrom(context.Map(subset, "trafficPolicy"), index, settings, context);
        }

        return settings;
    }

    // The policy's own tls, then its ports'.
    private static void AddFrom(DocumentMap? policy, int subset, List<Setting> settings, AnalysisContext context)
    {
        if (context.Map(policy, "tls") is { } tls)
        {
            settings.Add(new Setting(tls, new Path(subset, -1)));
        }

        foreach (var (index, port) in KnownFields.Maps(context, policy, "portLevelSettings"))
        {
            if (context.Map(port, "tls") is { } portTls)
            {
                settings.Add(new Setting(portTls, new Path(subset, index)));
            }
        }
    }

    /// <summary>A tls map and where it is.</summary>
    internal sealed record Setting(DocumentMap Tls, Path Path);

    /// <summary>
    /// Where a tls map is: <c>spec.trafficPolicy.tls</c>, <c>spec.subsets[1].trafficPolicy.portLevelSettings[0].tls</c>.
    /// Spelled out only for a finding.
    /// </summary>
    internal readonly struct Path(int subset, int port)
    {
        public override string ToString()
        {
            var policy = subset < 0 ? "spec.trafficPolicy" : $"spec.subsets[{subset}].trafficPolicy";
            return port < 0 ? policy + ".tls" : $"{policy}.portLevelSettings[{port}].tls";
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using MeshDsl.Analysis.Rules;

namespace MeshDsl.Analysis;

/// <summary>Runs the rules: every host (analyzers, <c>meshdsl analyze</c>) goes through here.</summary>
internal static class MeshAnalysis
{
    /// <summary>Every rule, in id order.</summary>
    public static IReadOnlyList<MeshRule> Rules { get; } = new MeshRule[]
    {
        new RouteWithoutTimeout(),
        new RetriesWithoutPerTryTimeout(),
        new RetryBudgetExceedsTimeout(),
        new FaultDisablesRetriesAndTimeout(),
        new FaultWithoutPercentage(),
        new MirrorWithoutPercentage(),
        new CatchAllRouteShadowsLaterRules(),
        new ShadowedPrefix(),
        new ZeroWeightDestination(),
        new ConflictingDestinationRules(),
        new GatewayVirtualServiceWildcardHost(),
        new RouteTargetNotFound(),
        new GatewayNotFound(),
        new VirtualServiceHostNotOnGateway(),
        new HttpRouteOnPassthroughServer(),
        new ConflictingVirtualServices(),
        new MultipleSidecarsWithoutSelector(),
        new NoOutlierDetection(),
        new NoConnectionPoolLimits(),
        new MeshWideMtlsNotStrict(),
        new PeerAuthenticationDisable(),
        new MtlsDisabledOnEveryPort(),
        new AuthorizationPolicyAllowAll(),
        new PermissiveMtlsInProduction(),
        new InsecureSkipVerify(),
        new TlsDisabledToMeshService(),
        new TlsOriginationWithoutCaCertificates(),
        new GatewayWildcardHost(),
        new HttpWithoutHttpsRedirect(),
        new WeakMinTlsVersion(),
        new FileMountedGatewayCertificate(),
        new UnsafeMatchPolarity(),
        new HostMatchWithoutPort(),
        new NoDefaultDeny(),
        new RequestAuthenticationNotEnforced(),
        new DryRunPolicy(),
        new JwksUriPlainHttp(),
        new OutboundAllowAny(),
        new SidecarImportsEverything(),
        new ProtocolNotDeclared(),
        new HostMatchWithoutPortInAllow(),
        new MeshWideEnvoyFilter(),
        new EnvoyFilterNotVersionPinned(),
        new ProxyResourcesNotSet(),
        new ProbesMissing(),
    }.OrderBy(r => r.Descriptor.Id, System.StringComparer.Ordinal).ToArray();

    /// <summary>The resource rules over each resource, then the set rules over all of them.</summary>
    public static List<AnalysisFinding> Run(IReadOnlyList<AnalyzedResource> resources, AnalysisOptions options, Facts facts)
    {
        var findings = new List<AnalysisFinding>();
        var context = new AnalysisContext(options, facts, findings);
        foreach (var resource in resources)
        {
            RunResourceRules(resource, context);
        }

        RunSetRules(resources, context);
        return findings;
    }

    public static void RunResourceRules(AnalyzedResource resource, AnalysisContext context)
    {
        foreach (var rule in Rules)
        {
            if (!rule.IsSetRule)
            {
                rule.Check(resource, context);
            }
        }
    }

    public static void RunSetRules(IReadOnlyList<AnalyzedResource> resources, AnalysisContext context)
    {
        foreach (var rule in Rules)
        {
            if (rule.IsSetRule)
            {
                rule.CheckSet(resources, context);
            }
        }
    }
}

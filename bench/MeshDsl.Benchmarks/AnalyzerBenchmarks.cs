extern alias MeshDslAnalyzers;

using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using MeshRuleAnalyzer = MeshDslAnalyzers::MeshDsl.Analyzers.MeshRuleAnalyzer;

namespace MeshDsl.Benchmarks;

/// <summary>
/// What the IDE runs for an open document: <c>CompilationWithAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, …)</c>
/// on one ~200-line definition file (<see cref="DefinitionFile"/>, 15 resources), compiled against .NET 10's reference
/// assemblies, MeshDsl.dll, MeshDsl.Istio.dll and KubernetesClient.dll. The compilation is built once; every invocation wraps it in a new
/// <see cref="CompilationWithAnalyzers"/> (which binds the file afresh, as after an edit, and has no cached analysis
/// results) and asks for the file's semantic diagnostics. <see cref="NoOpAnalyzer"/>, the baseline, registers the same
/// operation block action and does nothing: it is the compiler's own cost (binding, operation trees, the analyzer
/// driver), so the difference between the rows is MeshDsl's. Sequential analysis (<c>concurrentAnalysis: false</c>).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AnalyzerBenchmarks
{
    private const int WarmUpCalls = 300;

    private CSharpCompilation _compilation = null!;
    private SyntaxTree _tree = null!;
    private ImmutableArray<DiagnosticAnalyzer> _meshRules;
    private ImmutableArray<DiagnosticAnalyzer> _noOp;
    private CompilationWithAnalyzersOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        var references = Basic.Reference.Assemblies.Net100.References.All
            .Append(MetadataReference.CreateFromFile(typeof(MeshDsl.ObjectMeta).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(MeshDsl.Istio.Networking.V1.VirtualService).Assembly.Location))
            // IMeshBuilder.Add also takes Kubernetes objects: a consumer gets KubernetesClient through MeshDsl.
            .Append(MetadataReference.CreateFromFile(typeof(k8s.IKubernetesObject).Assembly.Location));
        _tree = CSharpSyntaxTree.ParseText(DefinitionFile, new CSharpParseOptions(LanguageVersion.Latest), path: "/src/Checkout.cs");
        _compilation = CSharpCompilation.Create(
            "Definitions",
            new[] { _tree },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        if (_compilation.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
        {
            throw new InvalidOperationException($"the definition file does not compile: {error}");
        }

        _meshRules = ImmutableArray.Create<DiagnosticAnalyzer>(new MeshRuleAnalyzer());
        _noOp = ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpAnalyzer());
        _options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: null,
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);

        // The analyzer folds the file's resources and reports the findings it was written to have: one route without a
        // timeout (MESH1001) and a DENY policy matching positively (MESH1043), and no internal error (MESH0098).
        var found = MeshRuleAnalyzerOnFile().GetAwaiter().GetResult();
        var ids = found.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToArray();
        if (!ids.Contains("MESH1001") || !ids.Contains("MESH1043") || ids.Contains("MESH0098"))
        {
            throw new InvalidOperationException($"unexpected findings on the definition file: {string.Join(", ", found)}");
        }

        if (NoOpAnalyzerOnFile().GetAwaiter().GetResult().Length != 0)
        {
            throw new InvalidOperationException("the no-op analyzer reported something");
        }

        // Roslyn's binder and analyzer driver need a few hundred calls before their code is fully tiered up. BenchmarkDotNet's
        // own warm-up stops earlier (once timings look stable), and then whichever row ran first came out slower than the
        // other, the baseline by up to 2x. Both rows are warmed here, alternately, before anything is measured.
        for (var i = 0; i < WarmUpCalls; i++)
        {
            NoOpAnalyzerOnFile().GetAwaiter().GetResult();
            MeshRuleAnalyzerOnFile().GetAwaiter().GetResult();
        }
    }

    /// <summary>The baseline: a new CompilationWithAnalyzers with an analyzer that registers for the same operations and does nothing.</summary>
    [Benchmark(Baseline = true)]
    public Task<ImmutableArray<Diagnostic>> NoOpAnalyzerOnFile() => SemanticDiagnostics(_noOp);

    /// <summary>The same with MeshDsl's <c>MeshRuleAnalyzer</c>: chains folded, resource rules run, findings reported.</summary>
    [Benchmark]
    public Task<ImmutableArray<Diagnostic>> MeshRuleAnalyzerOnFile() => SemanticDiagnostics(_meshRules);

    private Task<ImmutableArray<Diagnostic>> SemanticDiagnostics(ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var withAnalyzers = new CompilationWithAnalyzers(_compilation, analyzers, _options);
        var model = withAnalyzers.Compilation.GetSemanticModel(_tree);
        return withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, CancellationToken.None);
    }

    // Roslyn's analyzer-authoring rules (RS1036, RS1041, RS2008) are for shipped analyzer projects; this one only runs here.
#pragma warning disable RS1036, RS1041, RS2008

    /// <summary>Registers what <c>MeshRuleAnalyzer</c> registers per document (one operation block action) and does nothing.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class NoOpAnalyzer : DiagnosticAnalyzer
    {
        // One enabled descriptor, never reported: the driver may skip an analyzer that has no enabled diagnostic.
        private static readonly DiagnosticDescriptor Never = new("BENCH0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start => start.RegisterOperationBlockAction(_ => { }));
        }
    }
#pragma warning restore RS1036, RS1041, RS2008

    /// <summary>
    /// A realistic definition file of one team, 198 lines: four VirtualServices (gateway-bound, canary, fault injection),
    /// five DestinationRules (one originating TLS to an external API), a Gateway, a ServiceEntry, a PeerAuthentication
    /// and three AuthorizationPolicies, then <c>Define</c>.
    /// </summary>
    public const string DefinitionFile = """
        using MeshDsl;
        using MeshDsl.Istio.Networking;
        using MeshDsl.Istio.Networking.V1;
        using MeshDsl.Istio.Security;
        using MeshDsl.Istio.Security.V1;

        namespace Shop;

        /// <summary>The checkout team's services: the storefront's checkout, payments, cart and inventory.</summary>
        public sealed class Checkout : IMeshDefinition
        {
            private const string Namespace = "checkout";

            /// <summary>shop.example.com through the shop gateway: the API, the static assets, and the web app.</summary>
            public static VirtualService Storefront { get; } = VirtualService.Create("storefront", vs => vs
                .Namespace(Namespace)
                .Hosts("shop.example.com")
                .Gateways("shop-gateway")
                .Http(r => r
                    .Name("api")
                    .Match(m => m.Uri(u => u.Prefix("/api/")))
                    .Rewrite(x => x.Uri("/"))
                    .Route(d => d.Destination(x => x.Host("checkout").Port(p => p.Number(8080))))
                    .CorsPolicy(c => c
                        .AllowOrigins(o => o.Exact("https://shop.example.com"))
                        .AllowMethods("GET", "POST")
                        .AllowHeaders("authorization", "content-type")
                        .MaxAge("24h"))
                    .Headers(h => h.Response(x => x.Remove("x-envoy-upstream-service-time").Set("x-frame-options", "DENY")))
                    .Timeout("5s")
                    .Retries(x => x.Attempts(2).PerTryTimeout("2s").RetryOn("5xx,reset,connect-failure")))
                .Http(r => r
                    .Name("assets")
                    .Match(m => m.Uri(u => u.Prefix("/static/")).Method(x => x.Exact("GET")))
                    .Route(d => d.Destination(x => x.Host("assets").Port(p => p.Number(80))))
                    .Timeout("2s"))
                .Http(r => r
                    .Name("web")
                    .Route(d => d.Destination(x => x.Host("web").Port(p => p.Number(80))))
                    .Timeout("10s")
                    .Retries(x => x.Attempts(3).PerTryTimeout("3s"))));

            /// <summary>Payments: the QA users and 10 % of the rest on v2, the others on v1.</summary>
            public static VirtualService Payments { get; } = VirtualService.Create("payments", vs => vs
                .Namespace(Namespace)
                .Hosts("payments")
                .Http(r => r
                    .Name("qa")
                    .Match(m => m.Headers("end-user", h => h.Regex("^qa-.*")))
                    .Match(m => m.Headers("x-canary", h => h.Exact("true")))
                    .Route(d => d.Destination(x => x.Host("payments").Subset("v2")))
                    .Timeout("4s")
                    .Retries(x => x.Attempts(2).PerTryTimeout("1s").RetryOn("5xx,connect-failure")))
                .Http(r => r
                    .Name("split")
                    .Route(d => d.Destination(x => x.Host("payments").Subset("v1")).Weight(90))
                    .Route(d => d.Destination(x => x.Host("payments").Subset("v2")).Weight(10))
                    .Timeout("4s")
                    .Retries(x => x.Attempts(2).PerTryTimeout("1s"))));

            /// <summary>The cart: a delay for the chaos tests, otherwise v1.</summary>
            public static VirtualService Cart { get; } = VirtualService.Create("cart", vs => vs
                .Namespace(Namespace)
                .Hosts("cart")
                .Http(r => r
                    .Name("chaos")
                    .Match(m => m.Headers("x-chaos", h => h.Exact("delay")))
                    .Fault(x => x.Delay(d => d.FixedDelay("2s").Percentage(p => p.Value(50))))
                    .Route(d => d.Destination(x => x.Host("cart").Subset("v1"))))
                .Http(r => r
                    .Name("default")
                    .Route(d => d.Destination(x => x.Host("cart").Subset("v1")))
                    .Timeout("3s")
                    .Retries(x => x.Attempts(3).PerTryTimeout("500ms").RetryOn("5xx"))));

            /// <summary>Inventory: a health check answered by the proxy, the rest to the service.</summary>
            public static VirtualService Inventory { get; } = VirtualService.Create("inventory", vs => vs
                .Namespace(Namespace)
                .Hosts("inventory")
                .Http(r => r
                    .Match(m => m.Uri(u => u.Exact("/healthz")))
                    .DirectResponse(x => x.Status(200)))
                .Http(r => r
                    .Route(d => d.Destination(x => x.Host("inventory").Subset("stable")))
                    .Timeout("8s")
                    .Retries(x => x.Attempts(2).PerTryTimeout("3s"))));

            /// <summary>Checkout: least-request balancing, bounded pools, ejection of failing pods, mutual TLS.</summary>
            public static DestinationRule CheckoutPolicy { get; } = DestinationRule.Create("checkout", dr => dr
                .Namespace(Namespace)
                .Host("checkout")
                .TrafficPolicy(tp => tp
                    .LoadBalancer(lb => lb.Simple(SimpleLB.LeastRequest))
                    .ConnectionPool(cp => cp
                        .Tcp(x => x.MaxConnections(200).ConnectTimeout("1s"))
                        .Http(x => x.Http1MaxPendingRequests(100).Http2MaxRequests(400).MaxRequestsPerConnection(20)))
                    .OutlierDetection(od => od.Consecutive5xxErrors(5).Interval("10s").BaseEjectionTime("30s").MaxEjectionPercent(50))
                    .Tls(x => x.Mode(ClientTLSMode.IstioMutual))));

            /// <summary>Payments: subsets v1 and v2, sticky sessions by user.</summary>
            public static DestinationRule PaymentsPolicy { get; } = DestinationRule.Create("payments", dr => dr
                .Namespace(Namespace)
                .Host("payments")
                .TrafficPolicy(tp => tp
                    .LoadBalancer(lb => lb.ConsistentHash(h => h.HttpHeaderName("x-user-id")))
                    .ConnectionPool(cp => cp
                        .Tcp(x => x.MaxConnections(100))
                        .Http(x => x.Http1MaxPendingRequests(50).MaxRequestsPerConnection(10)))
                    .OutlierDetection(od => od.Consecutive5xxErrors(3).Interval("5s").BaseEjectionTime("60s")))
                .Subsets(x => x.Name("v1").Labels("version", "v1"))
                .Subsets(x => x.Name("v2").Labels("version", "v2")
                    .TrafficPolicy(tp => tp.ConnectionPool(cp => cp.Tcp(t => t.MaxConnections(20))))));

            /// <summary>Cart: one subset, round robin.</summary>
            public static DestinationRule CartPolicy { get; } = DestinationRule.Create("cart", dr => dr
                .Namespace(Namespace)
                .Host("cart")
                .TrafficPolicy(tp => tp
                    .LoadBalancer(lb => lb.Simple(SimpleLB.RoundRobin))
                    .ConnectionPool(cp => cp.Tcp(x => x.MaxConnections(100)).Http(x => x.Http2MaxRequests(200)))
                    .OutlierDetection(od => od.ConsecutiveGatewayErrors(5).Interval("10s").BaseEjectionTime("30s")))
                .Subsets(x => x.Name("v1").Labels("version", "v1")));

            /// <summary>Inventory: the stable subset.</summary>
            public static DestinationRule InventoryPolicy { get; } = DestinationRule.Create("inventory", dr => dr
                .Namespace(Namespace)
                .Host("inventory")
                .TrafficPolicy(tp => tp
                    .ConnectionPool(cp => cp.Tcp(x => x.MaxConnections(50)))
                    .OutlierDetection(od => od.Consecutive5xxErrors(5).Interval("30s").BaseEjectionTime("30s")))
                .Subsets(x => x.Name("stable").Labels("track", "stable")));

            /// <summary>TLS origination towards the payment provider, with its CA and SNI.</summary>
            public static DestinationRule ProviderTls { get; } = DestinationRule.Create("payment-provider", dr => dr
                .Namespace(Namespace)
                .Host("api.payments-provider.com")
                .TrafficPolicy(tp => tp
                    .ConnectionPool(cp => cp.Tcp(x => x.MaxConnections(20).ConnectTimeout("2s")))
                    .OutlierDetection(od => od.Consecutive5xxErrors(3).Interval("30s").BaseEjectionTime("60s"))
                    .Tls(x => x.Mode(ClientTLSMode.Simple).Sni("api.payments-provider.com").CaCertificates("/etc/certs/provider-ca.pem"))));

            /// <summary>The payment provider's API, outside the mesh.</summary>
            public static ServiceEntry Provider { get; } = ServiceEntry.Create("payment-provider", se => se
                .Namespace(Namespace)
                .Hosts("api.payments-provider.com")
                .Location(ServiceEntryLocation.MeshExternal)
                .Resolution(ServiceEntryResolution.Dns)
                .Ports(p => p.Number(443).Name("tls").Protocol("TLS"))
                .ExportTo("."));

            /// <summary>HTTPS for shop.example.com, and plain HTTP redirected to it.</summary>
            public static Gateway ShopGateway { get; } = Gateway.Create("shop-gateway", gw => gw
                .Namespace(Namespace)
                .Selector("istio", "ingressgateway")
                .Servers(s => s
                    .Port(p => p.Number(443).Name("https").Protocol("HTTPS"))
                    .Tls(t => t.Mode(ServerTLSMode.Simple).CredentialName("shop-cert").MinProtocolVersion(TLSProtocol.Tlsv12))
                    .Hosts("shop.example.com"))
                .Servers(s => s
                    .Port(p => p.Number(80).Name("http").Protocol("HTTP"))
                    .Tls(t => t.HttpsRedirect(true))
                    .Hosts("shop.example.com")));

            /// <summary>Strict mutual TLS for the namespace.</summary>
            public static PeerAuthentication Mtls { get; } = PeerAuthentication.Create("default", pa => pa
                .Namespace(Namespace)
                .Mtls(m => m.Mode(MutualTLSMode.Strict)));

            /// <summary>Nothing is allowed unless a policy below allows it.</summary>
            public static AuthorizationPolicy DenyAll { get; } = AuthorizationPolicy.Create("deny-all", ap => ap
                .Namespace(Namespace));

            /// <summary>The frontend and the ingress gateway may call checkout's API; monitoring may scrape it.</summary>
            public static AuthorizationPolicy CheckoutAccess { get; } = AuthorizationPolicy.Create("checkout-access", ap => ap
                .Namespace(Namespace)
                .Selector(s => s.MatchLabels("app", "checkout"))
                .Action(AuthorizationPolicyAction.Allow)
                .Rules(r => r
                    .From(f => f.Source(s => s.Principals("cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account")))
                    .To(t => t.Operation(o => o.Methods("GET", "POST").Paths("/api/*").Ports("8080"))))
                .Rules(r => r
                    .From(f => f.Source(s => s.Namespaces("monitoring")))
                    .To(t => t.Operation(o => o.Methods("GET").Paths("/metrics")))));

            /// <summary>Admin paths only from inside the namespace.</summary>
            public static AuthorizationPolicy AdminDeny { get; } = AuthorizationPolicy.Create("deny-external-admin", ap => ap
                .Namespace(Namespace)
                .Action(AuthorizationPolicyAction.Deny)
                .Rules(r => r
                    .From(f => f.Source(s => s.NotNamespaces(Namespace)))
                    .To(t => t.Operation(o => o.Paths("/admin/*")))));

            /// <summary>Adds this file's resources to the mesh.</summary>
            public void Define(IMeshBuilder mesh) => mesh
                .Add(Storefront).Add(Payments).Add(Cart).Add(Inventory)
                .Add(CheckoutPolicy).Add(PaymentsPolicy).Add(CartPolicy).Add(InventoryPolicy).Add(ProviderTls)
                .Add(Provider).Add(ShopGateway).Add(Mtls).Add(DenyAll).Add(CheckoutAccess).Add(AdminDeny);
        }
        """;
}

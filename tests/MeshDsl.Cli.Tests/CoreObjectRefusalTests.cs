using System.Linq;
using MeshDsl.Cli.Import;
using MeshDsl.Documents;
using Xunit;
using static MeshDsl.Cli.Tests.ImportTestFiles;

namespace MeshDsl.Cli.Tests;

/// <summary>
/// What KubernetesClient's models cannot express refuses its document with an error at the file, line and field; what
/// they write in another form of the same meaning is imported with a warning. Never a crash, never a silent drop.
/// </summary>
public sealed class CoreObjectRefusalTests
{
    [Theory]
    [InlineData("spec: {replicas: two}", "spec.replicas", "expected an integer (Int32), got the string \"two\"")]
    [InlineData("spec: {replicas: 99999999999}", "spec.replicas", "expected an integer (Int32), got integer 99999999999")]
    [InlineData("spec: {paused: yes}", "spec.paused", "expected a boolean, got the string \"yes\"")]
    [InlineData("spec: {selector: [app]}", "spec.selector", "expected a map (V1LabelSelector), got a list")]
    [InlineData("spec: {template: {spec: {containers: {name: a}}}}", "spec.template.spec.containers", "expected a list, got a map")]
    [InlineData("spec: {strategy: {rollingUpdate: {maxSurge: \"1\"}}}", "spec.strategy.rollingUpdate.maxSurge", "KubernetesClient's IntOrString writes the string \"1\" as the integer 1")]
    [InlineData("spec: {strategy: {rollingUpdate: {maxSurge: 1.5}}}", "spec.strategy.rollingUpdate.maxSurge", "expected an integer or a string, got number 1.5")]
    [InlineData("metadata: {name: d, labels: {tier: 1}}", "metadata.labels.tier", "expected a string, got integer 1")]
    [InlineData("metadata: {name: d, creationTimestamp: yesterday}", "metadata.creationTimestamp", "expected a time (RFC 3339), got the string \"yesterday\"")]
    [InlineData("spec: {template: {spec: {containers: [{name: a, resources: {limits: {cpu: lots}}}]}}}", "spec.template.spec.containers[0].resources.limits.cpu", "'lots' is not a quantity")]
    [InlineData("spec: {template: {spec: {containers: [{name: a, ports: [{name: http}]}]}}}", "spec.template.spec.containers[0].ports[0].containerPort", "missing: KubernetesClient's V1ContainerPort always writes containerPort")]
    [InlineData("spec: {template: {spec: {containers: [{name: a, ports: [{containerPort: null}]}]}}}", "spec.template.spec.containers[0].ports[0].containerPort", "missing: KubernetesClient's V1ContainerPort always writes containerPort")]
    [InlineData("spec: {template: {spec: {containers: [{name: a, ports: [{containerPort: http}]}]}}}", "spec.template.spec.containers[0].ports[0].containerPort", "expected an integer (Int32), got the string \"http\"")]
    public void AValueTheModelCannotHoldIsAnErrorNamingTheField(string yaml, string path, string message)
    {
        var metadata = yaml.StartsWith("metadata:", System.StringComparison.Ordinal) ? string.Empty : "metadata: {name: d}\n";
        var result = ImportYaml($"apiVersion: apps/v1\nkind: Deployment\n{metadata}{yaml}\n");
        var finding = Assert.Single(result.Findings, f => f.IsError);
        Assert.Equal((ImportIds.NotExpressible, path), (finding.Id, finding.Path));
        Assert.Contains(message, finding.Message);
        Assert.NotNull(finding.At);
        Assert.Empty(result.Files);
    }

    [Fact]
    public void BytesThatAreNotBase64AreAnError()
    {
        var result = ImportYaml("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {password: not base64!}\n");
        var finding = Assert.Single(result.Findings);
        Assert.Equal("reviews.yaml:4:8: error MESH0401 data.password: expected base64 text, got the string \"not base64!\"", finding.ToString());
    }

    [Fact]
    public void AMissingNameIsRefused()
    {
        var result = ImportYaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {namespace: shop}\ndata: {a: b}\n");
        var finding = Assert.Single(result.Findings);
        Assert.Equal("metadata.name", finding.Path);
        Assert.Equal(3, finding.At!.Line);
    }

    // A quantity in canonical form; a time in UTC and an explicit null left out; what `kubectl create deployment web
    // --image=nginx --dry-run=client -o yaml` prints (its nulls and status left out).
    public static TheoryData<string, string[], string, string> ImportedWithWarnings => new()
    {
        {
            """
            apiVersion: v1
            kind: ResourceQuota
            metadata: {name: q}
            spec:
              hard: {cpu: 0.5, memory: 1024Mi, pods: 10}
            """,
            new[]
            {
                "reviews.yaml:5:10: warning MESH0404 spec.hard.cpu: the quantity 0.5 is written \"500m\", the same quantity in the canonical form the API server stores",
                "reviews.yaml:5:20: warning MESH0404 spec.hard.memory: the quantity 1024Mi is written \"1Gi\", the same quantity in the canonical form the API server stores",
                "reviews.yaml:5:36: warning MESH0404 spec.hard.pods: the quantity 10 is written \"10\", the same quantity in the canonical form the API server stores",
            },
            "Hard = new Dictionary<string, ResourceQuantity> { [\"cpu\"] = \"500m\", [\"memory\"] = \"1Gi\", [\"pods\"] = \"10\" }",
            "1024Mi"
        },
        {
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: c
              creationTimestamp: "2025-03-01T14:00:00+02:00"
              deletionTimestamp: null
            """,
            new[]
            {
                "reviews.yaml:5:3: warning MESH0404 metadata.creationTimestamp: the time 2025-03-01T14:00:00+02:00 is written 2025-03-01T12:00:00Z, in UTC to the microsecond, as KubernetesClient writes times",
                "reviews.yaml:6:3: warning MESH0404 metadata.deletionTimestamp: an explicit null is left out: KubernetesClient's models write an unset field as absent, which the API server reads the same",
            },
            "CreationTimestamp = new DateTime(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc)",
            "DeletionTimestamp"
        },
        {
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              creationTimestamp: null
              labels:
                app: web
              name: web
            spec:
              replicas: 1
              selector:
                matchLabels:
                  app: web
              strategy: {}
              template:
                metadata:
                  creationTimestamp: null
                  labels:
                    app: web
                spec:
                  containers:
                  - image: nginx
                    name: nginx
                    resources: {}
            status: {}
            """,
            new[]
            {
                "reviews.yaml:4:3: warning MESH0404 metadata.creationTimestamp: an explicit null is left out: KubernetesClient's models write an unset field as absent, which the API server reads the same",
                "reviews.yaml:16:7: warning MESH0404 spec.template.metadata.creationTimestamp: an explicit null is left out: KubernetesClient's models write an unset field as absent, which the API server reads the same",
                "reviews.yaml:24:1: warning MESH0403 status: not imported: the API server ignores status on create",
            },
            "Strategy = new V1DeploymentStrategy(),",
            "Status"
        },
    };

    [Theory]
    [MemberData(nameof(ImportedWithWarnings))]
    public void WhatIsWrittenInAnotherFormOrLeftOutIsImportedWithWarningsInLineOrder(string yaml, string[] warnings, string code, string absent)
    {
        var result = ImportYaml(yaml);
        Assert.Equal(warnings, result.Findings.Select(f => f.ToString()));
        Assert.Equal(1, result.Imported);
        Assert.Contains(code, result.Files.Single().Text);
        Assert.DoesNotContain(absent, result.Files.Single().Text);
    }

    [Fact]
    public void ANumberOutOfRangeIsAnErrorNotACrash()
    {
        var result = ImportYaml("apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: c}\nspec: {group: g, names: {kind: K, plural: ks}, scope: Cluster, versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {default: {a: 1e400}}}}]}\n");
        var finding = Assert.Single(result.Findings);
        Assert.Equal("spec.versions[0].schema.openAPIV3Schema.default.a", finding.Path);
        Assert.Contains("out of a double's range", finding.Message);
    }

    // Every field of the core fixture, replaced in turn by a value of each other shape: imported (into C# that compiles),
    // or refused with an error at a location; never an exception.
    [Fact]
    public void NoValueOfTheWrongShapeCrashesTheImport()
    {
        var imported = new System.Collections.Generic.List<ImportedFile>();
        var replacements = new System.Func<DocumentNode>[]
        {
            () => DocumentScalar.Null, () => DocumentScalar.String("x\ny"), () => DocumentScalar.Integer(long.MinValue), () => DocumentScalar.Number(0.5),
            () => DocumentScalar.Boolean(true), () => new DocumentList(), () => new DocumentMap(),
        };
        var tried = 0;
        foreach (var document in Fixture("core-objects.yaml"))
        {
            foreach (var map in Maps(document.Root!))
            {
                foreach (var (key, original) in map.ToList())
                {
                    foreach (var replacement in replacements)
                    {
                        var value = replacement();
                        value.DeclaredAt = original.DeclaredAt;
                        map.Add(key, value);
                        var result = MeshImport.Run(new[] { document }, new ImportOptions(ClassName: $"Replaced{tried++}"), BuilderCatalog.Istio);
                        Assert.True(result.Imported == 1 || result.Findings.Any(f => f.IsError), $"{document.File} {key}: neither imported nor refused");
                        Assert.All(result.Findings, f => Assert.NotNull(f.At));
                        imported.AddRange(result.Files);
                    }

                    map.Add(key, original);
                }
            }
        }

        Assert.True(tried > 1000, $"only {tried} replacements tried");
        Assert.NotNull(ImportedCode.Compile(imported));
    }

    private static System.Collections.Generic.IEnumerable<DocumentMap> Maps(DocumentNode node) => node switch
    {
        DocumentMap map => new[] { map }.Concat(map.SelectMany(e => Maps(e.Value))),
        DocumentList list => list.SelectMany(Maps),
        _ => Enumerable.Empty<DocumentMap>(),
    };
}

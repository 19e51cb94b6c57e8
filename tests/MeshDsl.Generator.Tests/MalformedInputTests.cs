using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MeshDsl.Generator.Tests;

/// <summary>Hostile and broken inputs produce diagnostics, never an exception into the compiler.</summary>
public sealed class MalformedInputTests
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.37)]
    [InlineData(0.5)]
    [InlineData(0.83)]
    public void Truncated_istio_bundle_reports_and_keeps_going(double fraction)
    {
        var text = File.ReadAllText(GeneratorHarness.SharedPath("istio", "1.30.3", "crd-all.gen.yaml"));
        var run = GeneratorHarness.Run(InMemoryAdditionalText.Crd("/crds/istio.yaml", text.Substring(0, (int)(text.Length * fraction)), "MeshDsl.Istio"));

        AssertNoCrash(run);
        Assert.Empty(run.CompileProblems);
    }

    [Fact]
    public void Deep_nesting_is_refused_with_a_diagnostic()
    {
        var text = new string('[', 100_000) + new string(']', 100_000);
        var run = GeneratorHarness.Run(InMemoryAdditionalText.Crd("/crds/deep.yaml", text));

        AssertNoCrash(run);
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id is "MESH0006");
    }

    [Fact]
    public void Alias_bomb_is_refused_with_a_diagnostic()
    {
        var text = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++)
        {
            text.Append($"a{i}: &a{i} [").Append(string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))).Append("]\n");
        }

        var run = GeneratorHarness.Run(InMemoryAdditionalText.Crd("/crds/bomb.yaml", text.ToString()));

        AssertNoCrash(run);
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "MESH0006" && d.GetMessage().Contains("alias"));
    }

    [Fact]
    public void Huge_file_is_refused_with_a_diagnostic()
    {
        var text = "description: \"" + new string('x', 33 * 1024 * 1024) + "\"\n";
        var run = GeneratorHarness.Run(InMemoryAdditionalText.Crd("/crds/huge.yaml", text));

        AssertNoCrash(run);
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "MESH0006");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\0\u0001\u0002binary")]
    [InlineData("{ \"json\": true, ")]
    [InlineData("- a\n- b\n")]
    [InlineData("key: value\n  bad indentation: x\n")]
    [InlineData("- {b\n- c\n")]
    [InlineData("apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nspec: 42\n")]
    [InlineData("apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nspec:\n  group: g\n  names: {kind: K, plural: ks}\n  versions: [{name: v1, served: true, schema: {openAPIV3Schema: {properties: {spec: {properties: {x: {items: 3}}}}}}}]\n")]
    public void Garbage_never_throws(string text)
    {
        var run = GeneratorHarness.Run(InMemoryAdditionalText.Crd("/crds/garbage.yaml", text));

        AssertNoCrash(run);
        Assert.Empty(run.CompileProblems);
    }

    private static void AssertNoCrash(GeneratorRun run)
    {
        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "MESH0099" or "CS8785");
    }
}

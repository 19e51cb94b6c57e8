using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MeshDsl.Generator.Tests;

/// <summary>The generator's caching: C# edits never re-run it, and one edited CRD leaves the other kinds cached.</summary>
public sealed class IncrementalityTests
{
    private static readonly string WidgetsPath = GeneratorHarness.FixturePath("widgets.yaml");

    [Fact]
    public void A_csharp_edit_leaves_every_step_cached()
    {
        var files = new[] { InMemoryAdditionalText.Crd("/crds/widgets.yaml", File.ReadAllText(WidgetsPath)) };
        var compilation = GeneratorHarness.EmptyCompilation("class A { }");
        var driver = GeneratorHarness.CreateDriver(files).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { int x = 1; }", new CSharpParseOptions(LanguageVersion.Latest)));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var name in GeneratorHarness.AllTrackingNames.Where(result.TrackedSteps.ContainsKey))
        {
            foreach (var output in result.TrackedSteps[name].SelectMany(step => step.Outputs))
            {
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name} ran again ({output.Reason}) after a C# edit");
            }
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Editing_one_crd_of_a_multi_crd_file_leaves_the_other_kinds_cached()
    {
        var text = File.ReadAllText(WidgetsPath);
        var original = InMemoryAdditionalText.Crd("/crds/widgets.yaml", text);
        var driver = GeneratorHarness.CreateDriver(new[] { original }).RunGenerators(GeneratorHarness.EmptyCompilation());

        // Change one word of the Gadget kind's description, on its own line: line numbers stay the same.
        var gadget = text.IndexOf("kind: Gadget", StringComparison.Ordinal);
        var description = text.IndexOf("description:", gadget, StringComparison.Ordinal);
        var editedText = text.Substring(0, description) + "description: Edited." + text.Substring(text.IndexOf('\n', description));
        Assert.NotEqual(text, editedText);
        driver = driver.ReplaceAdditionalText(original, InMemoryAdditionalText.Crd("/crds/widgets.yaml", editedText));
        var result = driver.RunGenerators(GeneratorHarness.EmptyCompilation()).GetRunResult().Results.Single();

        var kinds = result.TrackedSteps[TrackingNames.KindMappings].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(3, kinds.Count);
        Assert.Single(kinds, o => o.Reason == IncrementalStepRunReason.Modified);

        var units = result.TrackedSteps[TrackingNames.EmitUnits].SelectMany(s => s.Outputs).ToList();
        var changed = units.Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
            .Select(o => ((Assemble.EmitUnit)o.Value).HintName)
            .ToList();
        Assert.NotEmpty(changed);
        Assert.All(changed, hint => Assert.Contains("Gadget", hint));
        Assert.Contains(units, o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void Cached_step_outputs_hold_no_roslyn_or_yaml_parser_objects()
    {
        var files = new[] { InMemoryAdditionalText.Crd("/crds/widgets.yaml", File.ReadAllText(WidgetsPath)) };
        var result = GeneratorHarness.CreateDriver(files).RunGenerators(GeneratorHarness.EmptyCompilation()).GetRunResult().Results.Single();

        Assert.All(GeneratorHarness.AllTrackingNames, name => Assert.True(result.TrackedSteps.ContainsKey(name), name + " is not tracked"));
        foreach (var (name, steps) in result.TrackedSteps.Where(s => GeneratorHarness.AllTrackingNames.Contains(s.Key)))
        {
            foreach (var output in steps.SelectMany(s => s.Outputs))
            {
                AssertPlainData(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static void AssertPlainData(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        var type = value.GetType();
        var ns = type.Namespace ?? string.Empty;
        Assert.False(ns.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal), $"{step} caches a Roslyn object: {type}");
        Assert.False(ns.StartsWith("YamlDotNet", StringComparison.Ordinal), $"{step} caches a YamlDotNet object: {type}");
        Assert.False(type.Name.StartsWith("Yaml", StringComparison.Ordinal), $"{step} caches a YAML tree node: {type}");

        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertPlainData(item, step, seen);
            }
        }

        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                AssertPlainData(field.GetValue(value), step, seen);
            }
        }
    }
}

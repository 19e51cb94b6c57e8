using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MeshDsl.Generator.Common;
using MeshDsl.Generator.Diagnostics;
using MeshDsl.Generator.Map;

namespace MeshDsl.Generator.Assemble;

/// <summary>The assemble stage's output: the files to emit and the diagnostics found while naming.</summary>
internal sealed record AssembledTypes(EquatableArray<EmitUnit> Units, EquatableArray<DiagnosticSpec> Diagnostics);

/// <summary>
/// Assemble stage: all kinds → final types. Structurally identical types of one API group become one
/// type (under the naming table's name when exactly one is named there), and colliding names are resolved.
/// </summary>
internal static class TypeAssembler
{
    public static AssembledTypes Assemble(ImmutableArray<KindMapping> mappings)
    {
        var diagnostics = new List<DiagnosticSpec>();
        var kinds = DistinctKinds(mappings, diagnostics);
        var merged = Merge(kinds);
        var taken = new HashSet<(string, string)>(kinds.SelectMany(k => k.Mapping.Model!.Versions.Select(v => (k.Mapping.Model!.GroupNamespace, ResourceBuilderName(v)))));
        ResolveCollisions(merged.Types, taken, diagnostics);

        var units = new List<EmitUnit>();
        foreach (var type in merged.Types)
        {
            units.Add(type.IsEnum ? EnumUnitOf(type) : ObjectUnitOf(type, merged));
        }

        foreach (var (mapping, _) in kinds)
        {
            var kind = mapping.Model!;
            foreach (var version in kind.Versions)
            {
                var spec = merged.Resolve(kind.GroupNamespace, version.Spec);
                var builderName = ResourceBuilderName(version);
                var resource = new ResourceUnit(version.VersionNamespace, kind.Group, version.Version, kind.Kind, kind.Plural, kind.Namespaced, spec.FullName, $"global::{kind.GroupNamespace}.{builderName}", version.Description);
                units.Add(new EmitUnit($"{version.VersionNamespace}.{kind.Kind}.g.cs", Resource: resource));
            }

            foreach (var version in kind.Versions.GroupBy(ResourceBuilderName).Select(g => g.First()))
            {
                var specType = merged.TypeOf(kind.GroupNamespace, version.Spec);
                var builder = new ResourceBuilderUnit(kind.GroupNamespace, ResourceBuilderName(version), kind.Group, kind.Kind, specType.FullName, specType.BuilderFullName, FieldsOf(specType, merged));
                units.Add(new EmitUnit($"{kind.GroupNamespace}.{builder.Name}.g.cs", ResourceBuilder: builder));
            }
        }

        return new AssembledTypes(units.OrderBy(u => u.HintName, System.StringComparer.Ordinal).ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    private static List<(KindMapping Mapping, int Order)> DistinctKinds(ImmutableArray<KindMapping> mappings, List<DiagnosticSpec> diagnostics)
    {
        var seen = new Dictionary<(string, string), KindMapping>();
        var kinds = new List<(KindMapping, int)>();
        foreach (var mapping in mappings.Where(m => m.Model is not null))
        {
            var model = mapping.Model!;
            if (seen.TryGetValue((model.Group, model.Kind), out var first))
            {
                diagnostics.Add(DiagnosticSpec.Create(DiagnosticIds.DuplicateKind, mapping.FilePath, mapping.Line, 1, model.Kind, model.Group, first.FilePath));
                continue;
            }

            seen.Add((model.Group, model.Kind), mapping);
            kinds.Add((mapping, kinds.Count));
        }

        return kinds;
    }

    private static MergedTypes Merge(List<(KindMapping Mapping, int Order)> kinds)
    {
        var result = new MergedTypes();
        var occurrences = kinds.SelectMany(k => k.Mapping.Model!.Types.Select(t => (Kind: k.Mapping, Type: t))).ToList();
        foreach (var byKey in occurrences.GroupBy(o => (o.Kind.Model!.GroupNamespace, o.Type.Key)))
        {
            var fixedNames = byKey.Where(o => o.Type.NameSource == NameSource.Fixed).Select(o => o.Type.ProposedName).Distinct().ToList();
            var pathName = byKey.Where(o => o.Type.NameSource == NameSource.Path)
                .Select(o => o.Type.ProposedName)
                .OrderBy(n => n.Length)
                .ThenBy(n => n, System.StringComparer.Ordinal)
                .FirstOrDefault();
            foreach (var (kind, type) in byKey)
            {
                var name = type.NameSource == NameSource.Fixed ? type.ProposedName : fixedNames.Count == 1 ? fixedNames[0] : pathName!;
                result.Add(byKey.Key.GroupNamespace, kind, type, name);
            }
        }

        return result;
    }

    // The spec's proposed name is "<Kind>Spec" or "<Kind><Version>Spec"; its resource builder drops "Spec".
    private static string ResourceBuilderName(ResourceVersionModel version) =>
        version.Spec.ProposedName!.Substring(0, version.Spec.ProposedName!.Length - 4) + "Builder";

    private static void ResolveCollisions(List<MergedType> types, HashSet<(string, string)> taken, List<DiagnosticSpec> diagnostics)
    {
        foreach (var type in types)
        {
            if (taken.Add((type.Namespace, type.Name)) && (type.IsEnum || taken.Add((type.Namespace, type.BuilderName))))
            {
                continue;
            }

            var original = type.Name;
            for (var n = 2; ; n++)
            {
                var candidate = original + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var builder = candidate + "Builder";
                if (!taken.Contains((type.Namespace, candidate)) && (type.IsEnum || !taken.Contains((type.Namespace, builder))))
                {
                    type.Rename(candidate, builder);
                    taken.Add((type.Namespace, candidate));
                    if (!type.IsEnum)
                    {
                        taken.Add((type.Namespace, builder));
                    }

                    break;
                }
            }

            var clash = types.FirstOrDefault(t => t != type && t.Namespace == type.Namespace && (t.Name == original || t.BuilderName == original + "Builder"));
            var line = type.FirstLine;
            diagnostics.Add(DiagnosticSpec.Create(
                DiagnosticIds.NameCollision, line.FilePath, line.Line, line.Column, original, type.Namespace, clash?.FirstLine.Path ?? "a resource builder", line.Path, type.Name));
        }
    }

    private static EmitUnit EnumUnitOf(MergedType type)
    {
        var members = new List<EnumMember>();
        var taken = new HashSet<string>();
        foreach (var wire in type.First.EnumValues)
        {
            var name = Identifiers.EnumMember(wire);
            if (!taken.Add(name))
            {
                name = Identifiers.Verbatim(wire);
                for (var n = 2; !taken.Add(name); n++)
                {
                    name = Identifiers.Verbatim(wire) + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            members.Add(new EnumMember(name, wire));
        }

        var unit = new EnumUnit(type.Namespace, type.Name, type.First.Description, members.ToEquatableArray());
        return new EmitUnit($"{type.Namespace}.{type.Name}.g.cs", Enum: unit);
    }

    private static EquatableArray<ResolvedField> FieldsOf(MergedType type, MergedTypes merged) =>
        type.First.Fields.Select(f => new ResolvedField(
            f.WireName,
            f.PropertyName,
            merged.Resolve(type.Namespace, f.Type),
            f.Description,
            f.Required,
            type.Paths.Select(p => p + "." + f.WireName).ToEquatableArray(),
            f.AliasOf)).ToEquatableArray();

    private static EmitUnit ObjectUnitOf(MergedType type, MergedTypes merged)
    {
        var unit = new ObjectUnit(type.Namespace, type.Name, type.BuilderName, type.First.Description, FieldsOf(type, merged), type.First.OneOfGroups);
        return new EmitUnit($"{type.Namespace}.{type.Name}.g.cs", Object: unit);
    }
}

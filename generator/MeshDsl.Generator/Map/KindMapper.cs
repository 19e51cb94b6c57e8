using System.Collections.Generic;
using System.Linq;
using MeshDsl.Generator.Common;
using MeshDsl.Generator.Diagnostics;
using MeshDsl.Generator.Parse;

namespace MeshDsl.Generator.Map;

/// <summary>Where an occurrence sits in its YAML file, kept beside (not inside) the cached model.</summary>
internal sealed record OccurrenceLine(string Key, string ProposedName, string Path, int Line, int Column);

/// <summary>The map stage's output: the line-free model plus what only diagnostics need.</summary>
internal sealed record KindMapping(KindModel? Model, string FilePath, int Line, EquatableArray<OccurrenceLine> Lines, EquatableArray<DiagnosticSpec> Diagnostics);

/// <summary>
/// Map stage: one CRD → the types of its kind. Object and enum nodes get a structural key (equal keys mean
/// interchangeable types) and a proposed name: the naming table's, or the parent's name plus the field's.
/// Served versions whose spec schemas are identical share one spec type.
/// </summary>
internal static class KindMapper
{
    public static KindMapping Map(CrdSchema crd, NamingTable table)
    {
        var mapper = new Mapper(crd, table.ForKind(crd.Group, crd.Kind));
        var groupNamespace = crd.RootNamespace + "." + Identifiers.Pascal(crd.Group.Split('.')[0]);
        var served = new List<(CrdVersionSchema Version, SchemaNode Spec)>();
        foreach (var version in crd.Versions.Where(v => v.Served && v.Root is not null))
        {
            var spec = version.Root!.Properties.FirstOrDefault(p => p.Name == "spec")?.Schema;
            if (spec is null || TypeMappingTable.Map(spec).Shape != Shape.Object)
            {
                mapper.Diagnostics.Add(DiagnosticSpec.Create(DiagnosticIds.MissingSpec, crd.Path, version.Line, 1, version.Name, crd.Kind));
                continue;
            }

            served.Add((version, spec));
        }

        var versionGroups = served.GroupBy(v => mapper.KeyOf(v.Spec)).ToList();
        var primary = versionGroups.FirstOrDefault(g => g.Any(v => v.Version.Storage)) ?? versionGroups.FirstOrDefault();
        var resources = new List<ResourceVersionModel>();
        foreach (var versionGroup in versionGroups)
        {
            var first = versionGroup.First();
            var specName = versionGroup == primary ? crd.Kind + "Spec" : crd.Kind + Identifiers.Version(first.Version.Name) + "Spec";
            var specRef = mapper.MapObject(first.Spec, "spec", specName, NameSource.Fixed, isSpecRoot: true);
            foreach (var (version, spec) in versionGroup)
            {
                // Istio describes the kind on its spec; other CRDs on the root schema.
                var description = version.Root!.Description ?? spec.Description;
                resources.Add(new ResourceVersionModel(version.Name, groupNamespace + "." + Identifiers.Version(version.Name), specRef, version.Storage, description));
            }
        }

        var model = new KindModel(
            groupNamespace,
            crd.Group,
            crd.Kind,
            crd.Plural,
            crd.Namespaced,
            resources.OrderBy(r => r.Version, System.StringComparer.Ordinal).ToEquatableArray(),
            mapper.Occurrences());
        return new KindMapping(model, crd.Path, crd.Line, mapper.Lines.ToEquatableArray(), mapper.Diagnostics.ToEquatableArray());
    }

    private sealed class OrderedOccurrences
    {
        private readonly Dictionary<(string Key, string Name), int> _index = new();
        private readonly List<Mapper.Occurrence> _items = new();

        public IEnumerable<Mapper.Occurrence> Values => _items;

        public bool TryGetValue((string Key, string Name) key, out Mapper.Occurrence occurrence)
        {
            var found = _index.TryGetValue(key, out var index);
            occurrence = found ? _items[index] : null!;
            return found;
        }

        public void Add((string Key, string Name) key, Mapper.Occurrence occurrence)
        {
            _index.Add(key, _items.Count);
            _items.Add(occurrence);
        }
    }

    private sealed class Mapper
    {
        private static readonly HashSet<string> ReservedMembers = new() { "ToDocument", "Build", "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize", "ReferenceEquals" };

        private readonly CrdSchema _crd;
        private readonly Dictionary<string, string> _names;
        private readonly OrderedOccurrences _occurrences = new();
        private readonly HashSet<string> _reportedUntyped = new();

        public Mapper(CrdSchema crd, Dictionary<string, string> names)
        {
            _crd = crd;
            _names = names;
        }

        public List<DiagnosticSpec> Diagnostics { get; } = new();

        public List<OccurrenceLine> Lines { get; } = new();

        public string KeyOf(SchemaNode spec) => MapObject(spec, "spec", "_", NameSource.Fixed, isSpecRoot: true, record: false).TypeKey!;

        // In schema order (children before their parent), so that on a name collision the first in the file keeps the name.
        public EquatableArray<TypeOccurrence> Occurrences() => _occurrences.Values.Select(o => o.ToModel()).ToEquatableArray();

        public TypeRef MapObject(SchemaNode node, string path, string name, NameSource source, bool isSpecRoot, bool record = true)
        {
            var baseName = isSpecRoot && name.EndsWith("Spec", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - 4) : name;
            var fields = new List<FieldModel>();
            var propertyNames = PropertyNames(node.Properties.Select(p => p.Name).ToList(), name);
            foreach (var property in node.Properties)
            {
                var type = MapNode(property.Schema, path + "." + property.Name, baseName, property.Name, record);
                var (propertyName, aliasOf) = propertyNames[property.Name];
                fields.Add(new FieldModel(property.Name, propertyName, type, Description(property.Schema), node.Required.Contains(property.Name), aliasOf));
            }

            var signature = "O|" + string.Join(";", fields.Select(f => $"{f.WireName}:{f.Type.Signature}:{(f.Required ? 1 : 0)}:{StableHash.Of(f.Description ?? string.Empty)}"))
                + "|" + string.Join(";", node.OneOfGroups.Select(g => (g.Required ? "1" : "0") + string.Join(",", g.Fields)));
            var key = StableHash.Of(signature);
            if (record)
            {
                Record(key, name, source, path, node, isEnum: false, fields, isSpecRoot);
            }

            return TypeRef.ForType(TypeRefKind.Object, key, name);
        }

        private TypeRef MapNode(SchemaNode node, string path, string ownerBaseName, string fieldWire, bool record)
        {
            var mapping = TypeMappingTable.Map(node);
            if (record && TypeMappingTable.IsUntypeable(node) && _reportedUntyped.Add(path))
            {
                Diagnostics.Add(DiagnosticSpec.Create(DiagnosticIds.UntypedConstruct, _crd.Path, node.Line, node.Column, _crd.Kind, path, node.Untyped!));
            }

            switch (mapping.Shape)
            {
                case Shape.Enum:
                    var enumName = NameFor(path, ownerBaseName, fieldWire, out var enumSource);
                    var enumKey = StableHash.Of("E|" + string.Join("\u0001", node.EnumValues));
                    if (record)
                    {
                        Record(enumKey, enumName, enumSource, path, node, isEnum: true, fields: null, isSpecRoot: false);
                    }

                    return TypeRef.ForType(TypeRefKind.Enum, enumKey, enumName);
                case Shape.Object:
                    var objectName = NameFor(path, ownerBaseName, fieldWire, out var objectSource);
                    return MapObject(node, path, objectName, objectSource, isSpecRoot: false, record);
                case Shape.List:
                    var items = node.Items ?? new SchemaNode { PreserveUnknownFields = true, Line = node.Line, Column = node.Column };
                    return TypeRef.ListOf(MapNode(items, path + "[]", ownerBaseName, fieldWire, record));
                case Shape.Map:
                    return TypeRef.MapOf(MapNode(node.AdditionalProperties!, path + "{}", ownerBaseName, fieldWire, record));
                default:
                    return TypeRef.ForScalar(mapping.Scalar!, mapping.Writer);
            }
        }

        private string NameFor(string path, string ownerBaseName, string fieldWire, out NameSource source)
        {
            if (_names.TryGetValue(path, out var name))
            {
                source = NameSource.Fixed;
                return name;
            }

            source = NameSource.Path;
            return ownerBaseName + Identifiers.Pascal(fieldWire);
        }

        private void Record(string key, string name, NameSource source, string path, SchemaNode node, bool isEnum, List<FieldModel>? fields, bool isSpecRoot)
        {
            if (!_occurrences.TryGetValue((key, name), out var occurrence))
            {
                occurrence = new Occurrence(key, name, source, isEnum, Description(node), node.EnumValues, fields ?? new List<FieldModel>(), node.OneOfGroups, isSpecRoot);
                _occurrences.Add((key, name), occurrence);
                Lines.Add(new OccurrenceLine(key, name, path, node.Line, node.Column));
            }

            if (!occurrence.Paths.Contains(path))
            {
                occurrence.Paths.Add(path);
            }
        }

        // camelCase wire names keep the plain PascalCase name; a colliding variant (mirror_percent beside
        // mirrorPercent) keeps its wire spelling; anything still colliding gets a number.
        private static Dictionary<string, (string Name, string? AliasOf)> PropertyNames(List<string> wireNames, string typeName)
        {
            var result = new Dictionary<string, (string, string?)>();
            var taken = new HashSet<string>();
            string? aliasOf = null;
            var ordered = wireNames.OrderBy(w => IsCamel(w) ? 0 : 1).ThenBy(w => wireNames.IndexOf(w));
            foreach (var wire in ordered)
            {
                var candidate = Identifiers.Pascal(wire);
                if (candidate == typeName || ReservedMembers.Contains(candidate))
                {
                    candidate += "Value";
                }

                aliasOf = null;
                if (taken.Contains(candidate))
                {
                    aliasOf = candidate;
                    candidate = Identifiers.Verbatim(wire);
                }

                var unique = candidate;
                for (var n = 2; taken.Contains(unique) || unique == typeName; n++)
                {
                    unique = candidate + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                taken.Add(unique);
                result[wire] = (unique, aliasOf);
            }

            return result;
        }

        private static bool IsCamel(string wire) => wire.Length > 0 && char.IsLower(wire[0]) && wire.All(char.IsLetterOrDigit);

        private static string? Description(SchemaNode node) => node.Description;

        internal sealed class Occurrence
        {
            private readonly string _key;
            private readonly string _name;
            private readonly NameSource _source;
            private readonly bool _isEnum;
            private readonly string? _description;
            private readonly EquatableArray<string> _enumValues;
            private readonly List<FieldModel> _fields;
            private readonly EquatableArray<OneOfGroup> _oneOfGroups;
            private readonly bool _isSpecRoot;

            public Occurrence(string key, string name, NameSource source, bool isEnum, string? description, EquatableArray<string> enumValues, List<FieldModel> fields, EquatableArray<OneOfGroup> oneOfGroups, bool isSpecRoot)
            {
                _key = key;
                _name = name;
                _source = source;
                _isEnum = isEnum;
                _description = description;
                _enumValues = enumValues;
                _fields = fields;
                _oneOfGroups = oneOfGroups;
                _isSpecRoot = isSpecRoot;
            }

            public List<string> Paths { get; } = new();

            public TypeOccurrence ToModel() => new(
                _key, _name, _source, _isEnum, _description, _enumValues, _fields.ToEquatableArray(), _oneOfGroups, Paths.OrderBy(p => p, System.StringComparer.Ordinal).ToEquatableArray(), _isSpecRoot);
        }
    }
}

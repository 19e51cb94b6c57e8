using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace MeshDsl.Cli.Import;

/// <summary>How a field's value is written through its builder method (docs/architecture.md, the vocabulary table).</summary>
internal enum FieldShape
{
    /// <summary><c>.Field(value)</c>.</summary>
    Scalar,

    /// <summary><c>.Field(x => ...)</c>.</summary>
    Object,

    /// <summary><c>.Field(params T[])</c>.</summary>
    ListOfScalars,

    /// <summary>One <c>.Field(x => ...)</c> per item.</summary>
    ListOfObjects,

    /// <summary>One <c>.Field(params T[] item)</c> per inner list.</summary>
    ListOfLists,

    /// <summary>One <c>.Field(key, value)</c> per entry.</summary>
    MapOfScalars,

    /// <summary>One <c>.Field(key, x => ...)</c> per entry.</summary>
    MapOfObjects,

    /// <summary>One <c>.Field(key, params T[])</c> per entry.</summary>
    MapOfLists,

    /// <summary>Lists of maps, maps of maps: no builder overload takes them item by item.</summary>
    Unsupported,
}

/// <summary>
/// A field of a builder: the method that sets it, how, and with what. <see cref="ValueType"/> is the scalar type
/// (of the field, its items or its entries); <see cref="Builder"/> the builder of the object (item, entry).
/// </summary>
internal sealed record BuilderField(string WireName, string Method, FieldShape Shape, Type? ValueType, BuilderEntry? Builder)
{
    /// <summary>The field's place in the schema (the model's property order): imported calls follow it.</summary>
    public int Order { get; init; }

    /// <summary>A map field with an overload that takes all entries at once (<c>.Field(IEnumerable&lt;KeyValuePair&lt;string, T&gt;&gt;)</c>): it can write <c>{}</c>.</summary>
    public bool TakesEntries { get; init; }
}

/// <summary>A builder type and its fields by wire name, filled in on first use.</summary>
internal sealed class BuilderEntry
{
    private readonly BuilderCatalog _catalog;
    private Dictionary<string, BuilderField>? _fields;

    public BuilderEntry(BuilderCatalog catalog, Type type)
    {
        _catalog = catalog;
        Type = type;
    }

    public Type Type { get; }

    /// <summary>The builder's fields by wire name.</summary>
    public IReadOnlyDictionary<string, BuilderField> Fields => _fields ??= _catalog.FieldsOf(Type);
}

/// <summary>A served version of a kind: its resource class (with <c>Create</c>) and its resource builder.</summary>
internal sealed record ResourceEntry(string ApiVersion, string Kind, Type ResourceType, BuilderEntry Builder);

/// <summary>
/// The compiled builders indexed by their metadata attributes ([MeshResource], [MeshBuilder], [MeshField],
/// [MeshEnumValue]): (apiVersion, kind) → resource class and builder; builder → wire name → method and shape.
/// Nothing is found by guessing names.
/// </summary>
internal sealed class BuilderCatalog
{
    private readonly Dictionary<(string ApiVersion, string Kind), ResourceEntry> _resources = new();
    private readonly Dictionary<Type, BuilderEntry> _builders = new();
    private readonly Dictionary<Type, Dictionary<string, string>> _enumMembers = new();

    public BuilderCatalog(params Assembly[] assemblies)
    {
        foreach (var type in assemblies.SelectMany(a => a.GetExportedTypes()))
        {
            if (type.GetCustomAttribute<MeshResourceAttribute>() is { } resource && CreateBuilder(type) is { } builder)
            {
                var apiVersion = resource.Group.Length == 0 ? resource.Version : $"{resource.Group}/{resource.Version}";
                _resources[(apiVersion, resource.Kind)] = new ResourceEntry(apiVersion, resource.Kind, type, Builder(builder));
            }
        }

        Assemblies = assemblies;
    }

    /// <summary>The assemblies indexed.</summary>
    public IReadOnlyList<Assembly> Assemblies { get; }

    /// <summary>The catalog of the Istio builders the CLI is built with.</summary>
    public static BuilderCatalog Istio { get; } = new(typeof(MeshDsl.Istio.Networking.V1.VirtualService).Assembly);

    /// <summary>The served kinds, for messages.</summary>
    public IEnumerable<ResourceEntry> Resources => _resources.Values;

    public ResourceEntry? Resource(string apiVersion, string kind) => _resources.GetValueOrDefault((apiVersion, kind));

    /// <summary>The enum member whose [MeshEnumValue] is <paramref name="wire"/>, or null.</summary>
    public string? EnumMember(Type enumType, string wire)
    {
        if (!_enumMembers.TryGetValue(enumType, out var members))
        {
            members = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var field in enumType.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                members.TryAdd(field.GetCustomAttribute<MeshEnumValueAttribute>()?.Value ?? field.Name, field.Name);
            }

            _enumMembers[enumType] = members;
        }

        return members.GetValueOrDefault(wire);
    }

    // The builder the resource's Create(string name, Action<TBuilder> build, ...) hands out.
    private static Type? CreateBuilder(Type resource) =>
        resource.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name == "Create")
            .Select(m => m.GetParameters())
            .Where(p => p.Length >= 2 && p[0].ParameterType == typeof(string))
            .Select(p => ActionArgument(p[1].ParameterType))
            .FirstOrDefault(t => t is not null);

    private static Type? ActionArgument(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Action<>) ? type.GetGenericArguments()[0] : null;

    private BuilderEntry Builder(Type type)
    {
        if (!_builders.TryGetValue(type, out var entry))
        {
            entry = new BuilderEntry(this, type);
            _builders[type] = entry;
        }

        return entry;
    }

    // Wire name → method: the [MeshField] methods of the builder; the shape from the model property ([MeshBuilder]'s
    // model, the property with the same [MeshField] wire name), the object builder from the Action<T> overload.
    internal Dictionary<string, BuilderField> FieldsOf(Type builder)
    {
        var model = builder.GetCustomAttribute<MeshBuilderAttribute>()?.Model;
        var properties = model?.GetProperties()
            .OrderBy(p => p.MetadataToken)
            .Select((p, i) => (Property: p, Field: p.GetCustomAttribute<MeshFieldAttribute>(), Order: i))
            .Where(p => p.Field is not null)
            .GroupBy(p => p.Field!.WireName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.First().Property.PropertyType, g.First().Order), StringComparer.Ordinal) ?? new Dictionary<string, (Type, int)>();
        var fields = new Dictionary<string, BuilderField>(StringComparer.Ordinal);
        var methods = builder.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Select(m => (Method: m, Field: m.GetCustomAttribute<MeshFieldAttribute>()))
            .Where(m => m.Field is not null)
            .GroupBy(m => m.Field!.WireName, StringComparer.Ordinal);
        foreach (var overloads in methods)
        {
            if (properties.TryGetValue(overloads.Key, out var property))
            {
                var lambdaBuilder = overloads.SelectMany(m => m.Method.GetParameters()).Select(p => ActionArgument(p.ParameterType)).FirstOrDefault(t => t is not null);
                var takesEntries = overloads.Any(m => m.Method.GetParameters() is [var entries, .. var rest] && IsEntries(entries.ParameterType) && rest.All(p => p.IsOptional));
                fields[overloads.Key] = Field(overloads.Key, overloads.First().Method.Name, property.Item1, lambdaBuilder) with { Order = property.Item2, TakesEntries = takesEntries };
            }
        }

        return fields;
    }

    private BuilderField Field(string wire, string method, Type propertyType, Type? lambdaBuilder)
    {
        var type = Nullable.GetUnderlyingType(propertyType) ?? propertyType;
        var builder = lambdaBuilder is null ? null : Builder(lambdaBuilder);
        if (Collection(type, typeof(IList<>)) is { } item)
        {
            return Collection(item, typeof(IList<>)) is { } inner ? new BuilderField(wire, method, FieldShape.ListOfLists, inner, null)
                : Collection(item, typeof(IDictionary<,>)) is not null ? new BuilderField(wire, method, FieldShape.Unsupported, null, null)
                : builder is not null ? new BuilderField(wire, method, FieldShape.ListOfObjects, item, builder)
                : new BuilderField(wire, method, FieldShape.ListOfScalars, item, null);
        }

        if (Collection(type, typeof(IDictionary<,>)) is { } value)
        {
            return Collection(value, typeof(IList<>)) is { } inner ? new BuilderField(wire, method, FieldShape.MapOfLists, inner, null)
                : Collection(value, typeof(IDictionary<,>)) is not null ? new BuilderField(wire, method, FieldShape.Unsupported, null, null)
                : builder is not null ? new BuilderField(wire, method, FieldShape.MapOfObjects, value, builder)
                : new BuilderField(wire, method, FieldShape.MapOfScalars, value, null);
        }

        return builder is not null
            ? new BuilderField(wire, method, FieldShape.Object, type, builder)
            : new BuilderField(wire, method, FieldShape.Scalar, type, null);
    }

    // IEnumerable<KeyValuePair<string, T>>: all of a map's entries.
    private static bool IsEntries(Type type) =>
        Collection(type, typeof(IEnumerable<>)) is { IsGenericType: true } item && item.GetGenericTypeDefinition() == typeof(KeyValuePair<,>);

    // The element type of IList<T> (or the value type of IDictionary<string, T>), else null.
    private static Type? Collection(Type type, Type definition) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == definition ? type.GetGenericArguments()[^1] : null;
}

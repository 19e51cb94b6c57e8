using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MeshDsl.Analyzers;

/// <summary>How a builder method writes its field: one value, an item appended to a list, or an entry of a map.</summary>
internal enum FieldShape
{
    Single,
    List,
    Map,
}

/// <summary>What the metadata on a generated builder method says: the field's wire name and shape.</summary>
internal sealed record BuilderField(string WireName, FieldShape Shape);

/// <summary>
/// The MeshDsl metadata attributes of one compilation, and what they say about builder methods (cached: the same
/// methods are seen over and over). Null from <see cref="Create"/> when the compilation does not reference MeshDsl.
/// </summary>
internal sealed class MeshSymbols
{
    private readonly ConcurrentDictionary<IMethodSymbol, BuilderField?> _fields = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<ImmutableArray<string>>> _oneOfGroups = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _creatable = new(SymbolEqualityComparer.Default);

    private MeshSymbols(Compilation compilation, INamedTypeSymbol field)
    {
        MeshField = field;
        MeshResource = compilation.GetTypeByMetadataName("MeshDsl.MeshResourceAttribute");
        MeshBuilder = compilation.GetTypeByMetadataName("MeshDsl.MeshBuilderAttribute");
        MeshOneOf = compilation.GetTypeByMetadataName("MeshDsl.MeshOneOfAttribute");
        MeshEnumValue = compilation.GetTypeByMetadataName("MeshDsl.MeshEnumValueAttribute");
        ObjectMetaBuilder = compilation.GetTypeByMetadataName("MeshDsl.ObjectMetaBuilder");
        Duration = compilation.GetTypeByMetadataName("MeshDsl.Duration");
        JsonPropertyName = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonPropertyNameAttribute");
    }

    /// <summary>System.Text.Json's [JsonPropertyName]: the wire names of KubernetesClient's model properties.</summary>
    public INamedTypeSymbol? JsonPropertyName { get; }

    public INamedTypeSymbol MeshField { get; }

    public INamedTypeSymbol? MeshResource { get; }

    public INamedTypeSymbol? MeshBuilder { get; }

    public INamedTypeSymbol? MeshOneOf { get; }

    public INamedTypeSymbol? MeshEnumValue { get; }

    public INamedTypeSymbol? ObjectMetaBuilder { get; }

    public INamedTypeSymbol? Duration { get; }

    public static MeshSymbols? Create(Compilation compilation) =>
        compilation.GetTypeByMetadataName("MeshDsl.MeshFieldAttribute") is { } field ? new MeshSymbols(compilation, field) : null;

    /// <summary>
    /// Does <paramref name="operation"/> create a resource: a generated static <c>Create</c> on a [MeshResource] class, or
    /// <c>new</c> of a KubernetesClient resource model? Decided per type once; the analyzer asks for every call and <c>new</c>.
    /// </summary>
    public bool IsResourceCreation(IOperation operation) => operation switch
    {
        IInvocationOperation { TargetMethod: { IsStatic: true, Name: "Create", ContainingType: { } type } } =>
            _creatable.GetOrAdd(type, t => Resource((INamedTypeSymbol)t) is not null),
        IObjectCreationOperation { Type: { } type } => _creatable.GetOrAdd(type, t => KubernetesObject(t) is not null),
        _ => false,
    };

    /// <summary>The resource's apiVersion and kind when <paramref name="type"/> carries [MeshResource].</summary>
    public (string ApiVersion, string Kind)? Resource(INamedTypeSymbol type)
    {
        var attribute = Find(type, MeshResource);
        return attribute is { ConstructorArguments.Length: >= 3 } a && a.ConstructorArguments[0].Value is string g && a.ConstructorArguments[1].Value is string v && a.ConstructorArguments[2].Value is string k
            ? (g.Length == 0 ? v : g + "/" + v, k)
            : null;
    }

    /// <summary>
    /// The apiVersion and kind of a KubernetesClient model (<c>V1Deployment</c>: its <c>KubeGroup</c>, <c>KubeApiVersion</c>
    /// and <c>KubeKind</c> constants); null for other types, including the models of nested objects.
    /// </summary>
    public (string ApiVersion, string Kind)? KubernetesObject(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named || Constant(named, "KubeKind") is not { } kind || Constant(named, "KubeApiVersion") is not { } version)
        {
            return null;
        }

        return (Constant(named, "KubeGroup") is { Length: > 0 } group ? group + "/" + version : version, kind);
    }

    /// <summary>The wire name of a model property: [JsonPropertyName] (KubernetesClient) or [MeshField] (generated models); null when it has neither.</summary>
    public string? WireName(IPropertySymbol property) =>
        (Find(property, JsonPropertyName) ?? Find(property, MeshField))?.ConstructorArguments.FirstOrDefault().Value as string;

    /// <summary>Is <paramref name="type"/> a generated builder ([MeshBuilder])?</summary>
    public bool IsBuilder(INamedTypeSymbol type) => Find(type, MeshBuilder) is not null;

    private static string? Constant(INamedTypeSymbol type, string name) =>
        type.GetMembers(name).OfType<IFieldSymbol>().FirstOrDefault(f => f.IsConst)?.ConstantValue as string;

    /// <summary>The field a builder method sets, from its [MeshField] and the model property's type; null for other methods.</summary>
    public BuilderField? Field(IMethodSymbol method) => _fields.GetOrAdd(method.OriginalDefinition, ReadField);

    /// <summary>The "at most one of" groups (wire names) of the model a builder type builds.</summary>
    public ImmutableArray<ImmutableArray<string>> OneOfGroups(INamedTypeSymbol builder) => _oneOfGroups.GetOrAdd(builder, ReadOneOfGroups);

    /// <summary>The wire string of an enum member, from [MeshEnumValue].</summary>
    public string? EnumWireName(IFieldSymbol member) => Find(member, MeshEnumValue)?.ConstructorArguments.FirstOrDefault().Value as string;

    private BuilderField? ReadField(IMethodSymbol method)
    {
        if (Find(method, MeshField)?.ConstructorArguments.FirstOrDefault().Value is not string wire)
        {
            return null;
        }

        var property = Model(method.ContainingType)?.GetMembers().OfType<IPropertySymbol>()
            .FirstOrDefault(p => Find(p, MeshField)?.ConstructorArguments.FirstOrDefault().Value as string == wire);
        var shape = property?.Type is INamedTypeSymbol { IsGenericType: true } generic
            ? generic.ConstructedFrom.MetadataName switch
            {
                "IList`1" or "List`1" => FieldShape.List,
                "IDictionary`2" or "Dictionary`2" => FieldShape.Map,
                _ => FieldShape.Single,
            }
            : FieldShape.Single;
        return new BuilderField(wire, shape);
    }

    private ImmutableArray<ImmutableArray<string>> ReadOneOfGroups(INamedTypeSymbol builder) =>
        Model(builder) is { } model && MeshOneOf is not null
            ? model.GetAttributes()
                .Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, MeshOneOf))
                .Select(a => a.ConstructorArguments.FirstOrDefault() is { Kind: TypedConstantKind.Array } fields
                    ? fields.Values.Select(v => v.Value as string).Where(v => v is not null).Select(v => v!).ToImmutableArray()
                    : ImmutableArray<string>.Empty)
                .Where(g => g.Length > 1)
                .ToImmutableArray()
            : ImmutableArray<ImmutableArray<string>>.Empty;

    // The model a builder builds: [MeshBuilder(typeof(Model))] on the builder class.
    private INamedTypeSymbol? Model(INamedTypeSymbol builder) =>
        Find(builder, MeshBuilder)?.ConstructorArguments.FirstOrDefault().Value as INamedTypeSymbol;

    private static AttributeData? Find(ISymbol symbol, INamedTypeSymbol? attribute) =>
        attribute is null ? null : symbol.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));
}

using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
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

/// <summary>The apiVersion and kind of a resource type. A class, so the caches below share the compiler's own generic code.</summary>
internal sealed record ResourceKind(string ApiVersion, string Kind);

/// <summary>
/// What MeshDsl's metadata attributes say about the symbols a compilation uses: which types are resources, which
/// field a builder method sets, a model's "at most one of" groups, an enum member's wire string. Each answer is
/// decoded once and kept with the assembly that declares the symbol, so it outlives the compilation: the IDE makes a
/// new compilation on every edit, and all of them share the symbols of a referenced MeshDsl.Istio. Attributes are
/// recognised by their full names, so a cached answer holds strings only, never a symbol of another assembly.
/// Null from <see cref="Create"/> when the compilation does not reference MeshDsl.
/// </summary>
internal sealed class MeshSymbols
{
    private const string MeshField = "MeshDsl.MeshFieldAttribute";
    private const string MeshResource = "MeshDsl.MeshResourceAttribute";
    private const string MeshBuilder = "MeshDsl.MeshBuilderAttribute";
    private const string MeshOneOf = "MeshDsl.MeshOneOfAttribute";
    private const string MeshEnumValue = "MeshDsl.MeshEnumValueAttribute";

    /// <summary>System.Text.Json's [JsonPropertyName]: the wire names of KubernetesClient's model properties.</summary>
    private const string JsonPropertyName = "System.Text.Json.Serialization.JsonPropertyNameAttribute";

    private static readonly ConditionalWeakTable<IAssemblySymbol, AssemblyAnswers> s_answers = new();

    // "Not a resource", cached like any other answer and read back as null.
    private static readonly ResourceKind s_none = new(string.Empty, string.Empty);

    private static readonly string[][] s_noGroups = new string[0][];

    // The fields of the builder methods this compilation calls, by identity: every call of one method hands out the same
    // symbol object, so a builder call is spared the per-assembly lookup below (the method's assembly, then symbol
    // equality). Not for types: a type read from a parameter or an expression is a new object each time.
    private readonly ConcurrentDictionary<IMethodSymbol, BuilderField?> _fields = new(Analysis.ReferenceComparer<IMethodSymbol>.Instance);

    private MeshSymbols()
    {
    }

    // A look at the reference names: a type lookup would search every referenced assembly, on every compilation.
    public static MeshSymbols? Create(Compilation compilation) =>
        compilation.ReferencedAssemblyNames.Any(a => a.Name == "MeshDsl") ? new MeshSymbols() : null;

    /// <summary>
    /// Does <paramref name="operation"/> create a resource: a generated static <c>Create</c> on a [MeshResource] class, or
    /// <c>new</c> of a KubernetesClient resource model? The analyzer asks for every call and <c>new</c> of the compilation.
    /// </summary>
    public bool IsResourceCreation(IOperation operation) => operation switch
    {
        IInvocationOperation { TargetMethod: { IsStatic: true, Name: "Create", ContainingType: { } type } } => Resource(type) is not null,
        IObjectCreationOperation { Type: INamedTypeSymbol type } => KubernetesObject(type) is not null,
        _ => false,
    };

    /// <summary>The resource's apiVersion and kind when <paramref name="type"/> carries [MeshResource].</summary>
    public ResourceKind? Resource(INamedTypeSymbol type) =>
        Known(AnswersFor(type).Resources.GetOrAdd(type, static t =>
            Find(t, MeshResource) is { ConstructorArguments.Length: >= 3 } a && a.ConstructorArguments[0].Value is string g && a.ConstructorArguments[1].Value is string v && a.ConstructorArguments[2].Value is string k
                ? new ResourceKind(g.Length == 0 ? v : g + "/" + v, k)
                : s_none));

    /// <summary>
    /// The apiVersion and kind of a KubernetesClient model (<c>V1Deployment</c>: its <c>KubeGroup</c>, <c>KubeApiVersion</c>
    /// and <c>KubeKind</c> constants); null for other types, including the models of nested objects.
    /// </summary>
    public ResourceKind? KubernetesObject(ITypeSymbol? type) =>
        type is INamedTypeSymbol named
            ? Known(AnswersFor(named).KubernetesObjects.GetOrAdd(named, static t =>
                Constant(t, "KubeKind") is { } kind && Constant(t, "KubeApiVersion") is { } version
                    ? new ResourceKind(Constant(t, "KubeGroup") is { Length: > 0 } group ? group + "/" + version : version, kind)
                    : s_none))
            : null;

    /// <summary>The wire name of a model property: [JsonPropertyName] (KubernetesClient) or [MeshField] (generated models); null when it has neither.</summary>
    public string? WireName(IPropertySymbol property) =>
        FirstArgument(Find(property, JsonPropertyName) ?? Find(property, MeshField)) as string;

    /// <summary>Is <paramref name="type"/> a generated builder ([MeshBuilder])?</summary>
    public bool IsBuilder(INamedTypeSymbol type) => Find(type, MeshBuilder) is not null;

    /// <summary>The field a builder method sets, from its [MeshField] and the model property's type; null for other methods.</summary>
    public BuilderField? Field(IMethodSymbol method)
    {
        if (!_fields.TryGetValue(method, out var field))
        {
            field = AnswersFor(method.OriginalDefinition).Fields.GetOrAdd(method.OriginalDefinition, ReadField);
            _fields.TryAdd(method, field);
        }

        return field;
    }

    /// <summary>How many method symbols <see cref="Field"/> has answered for in this compilation (one per builder method, not per call).</summary>
    internal int RememberedFields => _fields.Count;

    /// <summary>The "at most one of" groups (wire names) of the model a builder type builds.</summary>
    public string[][] OneOfGroups(INamedTypeSymbol builder) =>
        AnswersFor(builder).OneOfGroups.GetOrAdd(builder, ReadOneOfGroups);

    /// <summary>The wire string of an enum member, from [MeshEnumValue].</summary>
    public string? EnumWireName(IFieldSymbol member) => FirstArgument(Find(member, MeshEnumValue)) as string;

    private static ResourceKind? Known(ResourceKind answer) => ReferenceEquals(answer, s_none) ? null : answer;

    private static AssemblyAnswers AnswersFor(ISymbol symbol) =>
        symbol.ContainingAssembly is { } assembly ? s_answers.GetValue(assembly, static _ => new AssemblyAnswers()) : new AssemblyAnswers();

    private static string? Constant(INamedTypeSymbol type, string name) =>
        type.GetMembers(name).OfType<IFieldSymbol>().FirstOrDefault(f => f.IsConst)?.ConstantValue as string;

    private static BuilderField? ReadField(IMethodSymbol method)
    {
        if (FirstArgument(Find(method, MeshField)) is not string wire)
        {
            return null;
        }

        var model = Model(method.ContainingType);
        return model is not null && AnswersFor(model).ModelFields.GetOrAdd(model, ReadModelFields).TryGetValue(wire, out var field) ? field : new BuilderField(wire, FieldShape.Single);
    }

    // The field of each [MeshField] property of a model, by wire name: read once per model, not once per builder method.
    private static Dictionary<string, BuilderField> ReadModelFields(INamedTypeSymbol model)
    {
        var fields = new Dictionary<string, BuilderField>();
        foreach (var member in model.GetMembers())
        {
            if (member is IPropertySymbol property && FirstArgument(Find(property, MeshField)) is string wire && !fields.ContainsKey(wire))
            {
                var shape = property.Type is INamedTypeSymbol { IsGenericType: true } generic
                    ? generic.ConstructedFrom.MetadataName switch
                    {
                        "IList`1" or "List`1" => FieldShape.List,
                        "IDictionary`2" or "Dictionary`2" => FieldShape.Map,
                        _ => FieldShape.Single,
                    }
                    : FieldShape.Single;
                fields.Add(wire, new BuilderField(wire, shape));
            }
        }

        return fields;
    }

    private static string[][] ReadOneOfGroups(INamedTypeSymbol builder)
    {
        if (Model(builder) is not { } model)
        {
            return s_noGroups;
        }

        List<string[]>? groups = null;
        foreach (var attribute in model.GetAttributes())
        {
            if (!HasFullName(attribute.AttributeClass, MeshOneOf) || attribute.ConstructorArguments.Length == 0 || attribute.ConstructorArguments[0] is not { Kind: TypedConstantKind.Array } fields)
            {
                continue;
            }

            var group = new List<string>(fields.Values.Length);
            foreach (var field in fields.Values)
            {
                if (field.Value is string name)
                {
                    group.Add(name);
                }
            }

            if (group.Count > 1)
            {
                (groups ??= new List<string[]>()).Add(group.ToArray());
            }
        }

        return groups?.ToArray() ?? s_noGroups;
    }

    // The model a builder builds: [MeshBuilder(typeof(Model))] on the builder class.
    private static INamedTypeSymbol? Model(INamedTypeSymbol builder) =>
        FirstArgument(Find(builder, MeshBuilder)) as INamedTypeSymbol;

    // The attribute's first constructor argument; null without one.
    private static object? FirstArgument(AttributeData? attribute) =>
        attribute is { ConstructorArguments: [var first, ..] } ? first.Value : null;

    private static AttributeData? Find(ISymbol symbol, string attribute)
    {
        foreach (var data in symbol.GetAttributes())
        {
            if (HasFullName(data.AttributeClass, attribute))
            {
                return data;
            }
        }

        return null;
    }

    // Compares `Namespace.Name` with the type's name and its namespaces, innermost first, without building the string.
    private static bool HasFullName(INamedTypeSymbol? type, string fullName)
    {
        if (type is null || type.ContainingType is not null)
        {
            return false;
        }

        var end = fullName.Length;
        ISymbol? part = type;
        while (part is not null && !(part is INamespaceSymbol { IsGlobalNamespace: true }))
        {
            if (end < 0)
            {
                return false;
            }

            var start = fullName.LastIndexOf('.', end - 1) + 1;
            if (end - start != part.Name.Length || string.CompareOrdinal(fullName, start, part.Name, 0, part.Name.Length) != 0)
            {
                return false;
            }

            end = start - 1;
            part = part.ContainingNamespace;
        }

        return end == -1;
    }

    /// <summary>The answers about the symbols of one assembly, alive as long as the assembly's symbol is.</summary>
    private sealed class AssemblyAnswers
    {
        public ConcurrentDictionary<INamedTypeSymbol, ResourceKind> Resources { get; } = new(SymbolEqualityComparer.Default);

        public ConcurrentDictionary<INamedTypeSymbol, ResourceKind> KubernetesObjects { get; } = new(SymbolEqualityComparer.Default);

        public ConcurrentDictionary<IMethodSymbol, BuilderField?> Fields { get; } = new(SymbolEqualityComparer.Default);

        public ConcurrentDictionary<INamedTypeSymbol, string[][]> OneOfGroups { get; } = new(SymbolEqualityComparer.Default);

        public ConcurrentDictionary<INamedTypeSymbol, Dictionary<string, BuilderField>> ModelFields { get; } = new(SymbolEqualityComparer.Default);
    }
}

using System.Linq;
using MeshDsl.Analysis;
using MeshDsl.Documents;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MeshDsl.Analyzers;

/// <summary>
/// Kubernetes core objects built with KubernetesClient's models and object initializers,
/// <c>new V1Deployment { Metadata = new V1ObjectMeta { Name = "api" }, Spec = ... }</c>: each property's wire name
/// comes from its [JsonPropertyName]; nested models become maps, lists and dictionaries (initializers or collection
/// expressions) become lists and maps, constants become values, anything else is unknown.
/// </summary>
internal sealed partial class ChainFolder
{
    /// <summary>The folded object when <paramref name="creation"/> makes a KubernetesClient resource model; else null.</summary>
    public static FoldedResource? FoldObject(IObjectCreationOperation creation, MeshSymbols symbols)
    {
        if (symbols.KubernetesObject(creation.Type) is not { } type)
        {
            return null;
        }

        var folder = new ChainFolder(symbols);
        var at = Place.Of(creation.Syntax);
        var root = folder.ObjectMap(creation);
        if (root["apiVersion"] is null)
        {
            root.Add("apiVersion", DocumentScalar.String(type.ApiVersion));
        }

        if (root["kind"] is null)
        {
            root.Add("kind", DocumentScalar.String(type.Kind));
        }

        folder._locations.Set(root, at);
        return new FoldedResource(new AnalyzedResource(root), folder._facts, folder._locations, at.ToLocation());
    }

    // The map an object creation builds: its initializer's assignments; open when a constructor or a non-property member is involved.
    private DocumentMap ObjectMap(IObjectCreationOperation creation)
    {
        var map = new DocumentMap();
        if (creation.Arguments.Length > 0)
        {
            _facts.MarkOpen(map);
        }

        FoldInitializer(creation.Initializer, map);
        return map;
    }

    private void FoldInitializer(IObjectOrCollectionInitializerOperation? initializer, DocumentMap map)
    {
        foreach (var member in initializer?.Initializers ?? Enumerable.Empty<IOperation>())
        {
            switch (member)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: var property } } assignment
                    when _symbols.WireName(property) is { } wire:
                    Put(map, wire, ObjectValue(assignment.Value), Place.Of(assignment.Syntax));
                    break;
                case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation { Property: var property } } nested
                    when _symbols.WireName(property) is { } wire:
                    var child = map[wire] as DocumentMap ?? new DocumentMap();
                    FoldInitializer(nested.Initializer, child);
                    Put(map, wire, child, Place.Of(nested.Syntax));
                    break;
                default:
                    _facts.MarkOpen(map);
                    break;
            }
        }
    }

    private DocumentNode ObjectValue(IOperation? operation)
    {
        var value = Unwrap(operation);
        if (value?.Syntax is CollectionExpressionSyntax collection && value.SemanticModel is { } model)
        {
            return CollectionExpression(collection, model);
        }

        if (value is IInvocationOperation { TargetMethod.Name: "Build", Arguments.Length: 0 } build && BuilderChain(build) is { } built)
        {
            return built;
        }

        if (value is not IObjectCreationOperation creation)
        {
            return Value(value);
        }

        if (IsDictionary(creation.Type))
        {
            return DictionaryMap(creation);
        }

        if (IsList(creation.Type))
        {
            return ListItems(creation);
        }

        return creation.Type?.SpecialType == SpecialType.None && creation.Type.TypeKind == TypeKind.Class ? ObjectMap(creation) : Value(value);
    }

    // new HTTPRetryBuilder().Attempts(3).Build(): the calls folded as a builder lambda's would be; null for other Build() calls.
    private DocumentMap? BuilderChain(IInvocationOperation build)
    {
        var calls = new System.Collections.Generic.Stack<IInvocationOperation>();
        var receiver = Unwrap(build.Instance);
        while (receiver is IInvocationOperation call && call.Instance is not null)
        {
            calls.Push(call);
            receiver = Unwrap(call.Instance);
        }

        if (receiver is not IObjectCreationOperation { Arguments.Length: 0, Type: INamedTypeSymbol builder } || !_symbols.IsBuilder(builder))
        {
            return null;
        }

        var map = new DocumentMap();
        while (calls.Count > 0)
        {
            Apply(calls.Pop(), map, null);
        }

        CheckOneOf(builder, map);
        return map;
    }

    // [a, b, ..more]: a list of the elements; a spread leaves it open.
    private DocumentNode CollectionExpression(CollectionExpressionSyntax collection, SemanticModel model)
    {
        var list = new DocumentList();
        foreach (var element in collection.Elements)
        {
            if (element is ExpressionElementSyntax { Expression: var expression } && model.GetOperation(expression) is { } item)
            {
                var node = ObjectValue(item);
                list.Add(node);
                _locations.Set(node, Place.Of(expression));
            }
            else
            {
                _facts.MarkOpen(list);
            }
        }

        return list;
    }

    // new Dictionary<string, string> { ["k"] = "v" } or { { "k", "v" } }.
    private DocumentMap DictionaryMap(IObjectCreationOperation creation)
    {
        var map = new DocumentMap();
        foreach (var member in creation.Initializer?.Initializers ?? Enumerable.Empty<IOperation>())
        {
            var (key, value) = member switch
            {
                ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments: [var index] } } assignment => (index.Value, assignment.Value),
                IInvocationOperation { Arguments: [var k, var v] } => (k.Value, v.Value),
                _ => (null, null),
            };
            if (Unwrap(key)?.ConstantValue is { HasValue: true, Value: string text })
            {
                Put(map, text, ObjectValue(value), Place.Of(member.Syntax));
            }
            else
            {
                _facts.MarkOpen(map);
            }
        }

        if (creation.Arguments.Length > 0)
        {
            _facts.MarkOpen(map);
        }

        return map;
    }

    // new List<V1Container> { new V1Container { ... } }.
    private DocumentList ListItems(IObjectCreationOperation creation)
    {
        var list = new DocumentList();
        foreach (var member in creation.Initializer?.Initializers ?? Enumerable.Empty<IOperation>())
        {
            if (member is IInvocationOperation { Arguments: [var item] })
            {
                var node = ObjectValue(item.Value);
                list.Add(node);
                _locations.Set(node, Place.Of(member.Syntax));
            }
            else
            {
                _facts.MarkOpen(list);
            }
        }

        if (creation.Arguments.Length > 0)
        {
            _facts.MarkOpen(list);
        }

        return list;
    }

    private static bool IsDictionary(ITypeSymbol? type) =>
        type is INamedTypeSymbol { IsGenericType: true } named && named.ConstructedFrom.MetadataName is "Dictionary`2" or "IDictionary`2";

    private static bool IsList(ITypeSymbol? type) =>
        type is INamedTypeSymbol { IsGenericType: true } named && named.ConstructedFrom.MetadataName is "List`1" or "IList`1" or "Collection`1";
}

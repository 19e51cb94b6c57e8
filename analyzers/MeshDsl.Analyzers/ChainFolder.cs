using System.Collections.Generic;
using MeshDsl.Analysis;
using MeshDsl.Documents;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace MeshDsl.Analyzers;

/// <summary>A resource folded from C#: its partial document, what is known about it, and where each node was written.</summary>
internal sealed class FoldedResource
{
    public FoldedResource(AnalyzedResource resource, Facts facts, NodeLocations locations, Location creation)
    {
        Resource = resource;
        Facts = facts;
        Locations = locations;
        Creation = creation;
    }

    public AnalyzedResource Resource { get; }

    public Facts Facts { get; }

    public Location Creation { get; }

    /// <summary>The C# location of each node; a finding on a node without one goes to <see cref="Creation"/>.</summary>
    public NodeLocations Locations { get; }

    /// <summary>Two members of one "at most one of" group, set in one builder: the group and where the second was set.</summary>
    public List<(string Fields, Location At)> OneOfViolations { get; } = new();

    public Location LocationOf(DocumentNode node) => Locations.Of(node) ?? Creation;
}

/// <summary>
/// Where the nodes of one folded resource were written. A node put into a map keeps the first place (a list appended
/// to by two calls is where the first call is); an item is placed where its list call is, even when its own
/// expression was placed first. Only findings look a node up, and they are few, so the places are appended in order:
/// that is all the folding pays, with no hashing of each node it creates and no <see cref="Location"/> made until asked.
/// </summary>
internal sealed class NodeLocations
{
    // Chunks rather than one growing array: a resource places a few dozen to a few hundred nodes, and nothing is copied.
    private const int ChunkSize = 32;
    private readonly List<Entry[]> _chunks = new(4);
    private int _count;

    /// <summary>Places <paramref name="node"/> at <paramref name="at"/> unless it has a place already.</summary>
    public void Add(DocumentNode node, Place at) => Append(new Entry(node, at, replaces: false));

    /// <summary>Places <paramref name="node"/> at <paramref name="at"/>, over any earlier place.</summary>
    public void Set(DocumentNode node, Place at) => Append(new Entry(node, at, replaces: true));

    public Location? Of(DocumentNode node)
    {
        var found = -1;
        for (var i = 0; i < _count; i++)
        {
            var entry = _chunks[i / ChunkSize][i % ChunkSize];
            if (ReferenceEquals(entry.Node, node) && (found < 0 || entry.Replaces))
            {
                found = i;
            }
        }

        return found < 0 ? null : _chunks[found / ChunkSize][found % ChunkSize].At.ToLocation();
    }

    private void Append(Entry entry)
    {
        if (_count % ChunkSize == 0)
        {
            _chunks.Add(new Entry[ChunkSize]);
        }

        _chunks[_count / ChunkSize][_count % ChunkSize] = entry;
        _count++;
    }

    // The place's two fields are kept flat, beside the flag: an entry is three words, not four.
    private readonly struct Entry
    {
        private readonly SyntaxNode _syntax;
        private readonly bool _callName;

        public Entry(DocumentNode node, Place at, bool replaces)
        {
            Node = node;
            _syntax = at.Syntax;
            _callName = at.CallName;
            Replaces = replaces;
        }

        public DocumentNode Node { get; }

        public bool Replaces { get; }

        public Place At => new(_syntax, _callName);
    }
}

/// <summary>
/// Where the user wrote something: a syntax node, or for a builder call the call's name and arguments
/// (<c>.Http(...)</c> rather than the whole chain up to it). Made into a <see cref="Location"/> only for a finding.
/// </summary>
/// <param name="Syntax">The syntax node written.</param>
/// <param name="CallName">The place is a call's name and arguments rather than its whole syntax.</param>
internal readonly record struct Place(SyntaxNode Syntax, bool CallName)
{
    public static Place Of(SyntaxNode syntax) => new(syntax, CallName: false);

    public static Place OfCall(IInvocationOperation call) => new(call.Syntax, CallName: true);

    public Location ToLocation() =>
        CallName && Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation
            ? Location.Create(invocation.SyntaxTree, TextSpan.FromBounds(member.Name.SpanStart, invocation.Span.End))
            : Syntax.GetLocation();
}

/// <summary>
/// The arguments the user wrote, in order: not the defaults of optional parameters (the builders' caller-info ones).
/// A view over the call's arguments, so reading a builder call allocates nothing.
/// </summary>
internal readonly struct WrittenArguments
{
    private readonly System.Collections.Immutable.ImmutableArray<IArgumentOperation> _all;

    public WrittenArguments(IInvocationOperation call)
    {
        _all = call.Arguments;
        Count = 0;
        foreach (var argument in _all)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                Count++;
            }
        }
    }

    public int Count { get; }

    public IArgumentOperation this[int index]
    {
        get
        {
            foreach (var argument in _all)
            {
                if (argument.ArgumentKind != ArgumentKind.DefaultValue && index-- == 0)
                {
                    return argument;
                }
            }

            throw new System.ArgumentOutOfRangeException(nameof(index));
        }
    }
}

/// <summary>
/// Folds a resource factory call, <c>VirtualService.Create("reviews", vs => vs.Hosts("reviews").Http(r => ...))</c>,
/// into the document it builds, by following the metadata on generated members ([MeshField] gives each method's
/// wire name; the model property's type says whether it sets a value, appends to a list or adds a map entry).
/// Compile-time constants become values; anything else becomes an unknown value, and a builder handed to code the
/// folder cannot follow leaves its map open. Rules then report only on what is known.
/// </summary>
internal sealed partial class ChainFolder
{
    private readonly MeshSymbols _symbols;
    private readonly Facts _facts = new();
    private readonly NodeLocations _locations = new();
    private readonly List<(string, Location)> _oneOf = new();

    // The calls of the chains being folded, innermost chain last: a chain's calls sit above the index it started at
    // while they are applied (a call's lambda folds its own chains above them), so one list serves the whole resource.
    private readonly List<IInvocationOperation> _calls = new(16);

    private ChainFolder(MeshSymbols symbols) => _symbols = symbols;

    /// <summary>The folded resource when <paramref name="invocation"/> is a generated <c>Create(name, build)</c> factory; else null.</summary>
    public static FoldedResource? Fold(IInvocationOperation invocation, MeshSymbols symbols)
    {
        var method = invocation.TargetMethod;
        if (!method.IsStatic || method.Name != "Create" || symbols.Resource(method.ContainingType) is not { } type)
        {
            return null;
        }

        var folder = new ChainFolder(symbols);
        var creation = Place.OfCall(invocation);
        var metadata = new DocumentMap();
        var spec = new DocumentMap();
        IOperation? build = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == "name")
            {
                folder.PutIdentity(metadata, "name", argument.Value, creation);
            }
            else if (build is null && argument.Parameter?.Type.Name == "Action")
            {
                build = argument.Value;
            }
        }

        folder.FoldLambda(build, spec, metadata);

        var root = new DocumentMap();
        root.Add("apiVersion", DocumentScalar.String(type.ApiVersion));
        root.Add("kind", DocumentScalar.String(type.Kind));
        root.Add("metadata", metadata);
        root.Add("spec", spec);
        folder._locations.Set(root, creation);
        folder._locations.Set(spec, creation);
        var folded = new FoldedResource(new AnalyzedResource(root), folder._facts, folder._locations, creation.ToLocation());
        folded.OneOfViolations.AddRange(folder._oneOf);
        return folded;
    }

    // Folds `x => x.A(...).B(...)` (or a block of such statements) into target; metadata is set for resource builders.
    private void FoldLambda(IOperation? operation, DocumentMap target, DocumentMap? metadata)
    {
        if (Unwrap(operation) is not IAnonymousFunctionOperation lambda || !TakesOneParameter(lambda))
        {
            _facts.MarkOpen(target);
            return;
        }

        IParameterSymbol? builder = null;
        foreach (var statement in lambda.Body.Operations)
        {
            switch (statement)
            {
                case IExpressionStatementOperation expression:
                    builder = FoldChain(expression.Operation, lambda.Symbol, target, metadata) ?? builder;
                    break;
                case IReturnOperation { ReturnedValue: null }:
                    break;
                case IReturnOperation { ReturnedValue: { } value }:
                    builder = FoldChain(value, lambda.Symbol, target, metadata) ?? builder;
                    break;
                default:
                    // if/for/local functions: the builder may be used in ways not followed here.
                    _facts.MarkOpen(target);
                    if (metadata is not null)
                    {
                        _facts.MarkOpen(metadata);
                    }

                    break;
            }
        }

        // A group is broken only by two fields; asking for the builder's type makes a new symbol object each time.
        if (target.Count > 1 && builder is not null)
        {
            CheckOneOf(builder.Type as INamedTypeSymbol, target);
        }
    }

    // Told from the syntax: the lambda symbol's Parameters would make an array for every lambda of every resource.
    private static bool TakesOneParameter(IAnonymousFunctionOperation lambda) => lambda.Syntax switch
    {
        SimpleLambdaExpressionSyntax => true,
        ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } => true,
        AnonymousMethodExpressionSyntax { ParameterList.Parameters.Count: 1 } => true,
        _ => false,
    };

    // Applies the chain's calls when it starts at the lambda's parameter, which it returns; otherwise the target is open.
    private IParameterSymbol? FoldChain(IOperation expression, IMethodSymbol lambda, DocumentMap target, DocumentMap? metadata)
    {
        var start = _calls.Count;
        if (PushCalls(expression) is not IParameterReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Parameter.ContainingSymbol, lambda))
        {
            _calls.RemoveRange(start, _calls.Count - start);
            _facts.MarkOpen(target);
            return null;
        }

        // Pushed outermost first: the calls run from the top of the list down to start.
        for (var i = _calls.Count - 1; i >= start; i--)
        {
            Apply(_calls[i], target, metadata);
        }

        _calls.RemoveRange(start, _calls.Count - start);
        return reference.Parameter;
    }

    // `x.A(...).B(...)`: pushes B, then A, and returns x.
    private IOperation? PushCalls(IOperation expression)
    {
        var receiver = Unwrap(expression);
        while (receiver is IInvocationOperation call && call.Instance is not null)
        {
            _calls.Add(call);
            receiver = Unwrap(call.Instance);
        }

        return receiver;
    }

    private void Apply(IInvocationOperation call, DocumentMap target, DocumentMap? metadata)
    {
        var arguments = new WrittenArguments(call);
        var at = Place.OfCall(call);
        if (_symbols.Field(call.TargetMethod) is { } field)
        {
            switch (field.Shape)
            {
                case FieldShape.List:
                    AppendItems(target, field.WireName, arguments, at);
                    return;
                case FieldShape.Map:
                    AddEntry(target, field.WireName, arguments, at);
                    return;
                default:
                    Set(target, field.WireName, arguments.Count == 1 ? arguments[0].Value : null, at);
                    return;
            }
        }

        if (metadata is not null && call.TargetMethod.Name == "Namespace" && arguments.Count == 1)
        {
            PutIdentity(metadata, "namespace", arguments[0].Value, at);
        }
        else if (metadata is not null && call.TargetMethod.Name == "Metadata" && arguments.Count == 1)
        {
            FoldMetadata(arguments[0].Value, metadata);
        }
        else
        {
            // A method without MeshDsl metadata (a user's extension, say): it may set anything.
            _facts.MarkOpen(target);
        }
    }

    private void Set(DocumentMap target, string wire, IOperation? argument, Place at)
    {
        if (IsLambda(argument))
        {
            var child = target[wire] as DocumentMap ?? new DocumentMap();
            FoldLambda(argument, child, null);
            Put(target, wire, child, at);
        }
        else
        {
            Put(target, wire, argument is null ? Unknown() : ObjectValue(argument), at);
        }
    }

    private void AppendItems(DocumentMap target, string wire, WrittenArguments arguments, Place at)
    {
        var list = target[wire] as DocumentList ?? new DocumentList();
        Put(target, wire, list, at);
        if (arguments.Count == 1 && IsLambda(arguments[0].Value))
        {
            var item = new DocumentMap();
            FoldLambda(arguments[0].Value, item, null);
            list.Add(item);
            _locations.Set(item, at);
            return;
        }

        if (arguments.Count == 1 && Unwrap(arguments[0].Value) is IArrayCreationOperation { Initializer: { } initializer })
        {
            foreach (var element in initializer.ElementValues)
            {
                var item = ObjectValue(element);
                list.Add(item);
                _locations.Set(item, at);
            }

            return;
        }

        // One item given as a model object, or a collection: what it holds when that is known; otherwise the list is open.
        switch (arguments.Count == 1 ? ObjectValue(arguments[0].Value) : null)
        {
            case DocumentList items when !_facts.IsOpen(items):
                foreach (var item in items)
                {
                    list.Add(item);
                    _locations.Set(item, at);
                }

                break;
            case DocumentMap item when arguments[0].Value.Type is not INamedTypeSymbol { IsGenericType: true }:
                list.Add(item);
                _locations.Set(item, at);
                break;
            default:
                _facts.MarkOpen(list);
                break;
        }
    }

    private void AddEntry(DocumentMap target, string wire, WrittenArguments arguments, Place at)
    {
        var map = target[wire] as DocumentMap ?? new DocumentMap();
        Put(target, wire, map, at);
        if (arguments.Count == 2 && Unwrap(arguments[0].Value)?.ConstantValue is { HasValue: true, Value: string key })
        {
            var value = arguments[1].Value;
            if (IsLambda(value))
            {
                var child = map[key] as DocumentMap ?? new DocumentMap();
                FoldLambda(value, child, null);
                Put(map, key, child, at);
            }
            else if (arguments[1].ArgumentKind == ArgumentKind.ParamArray && Unwrap(value) is IArrayCreationOperation { Initializer: { } initializer })
            {
                var items = new DocumentList();
                foreach (var element in initializer.ElementValues)
                {
                    items.Add(ObjectValue(element));
                }

                Put(map, key, items, at);
            }
            else
            {
                Put(map, key, ObjectValue(value), at);
            }

            return;
        }

        _facts.MarkOpen(map);
    }

    private void FoldMetadata(IOperation argument, DocumentMap metadata)
    {
        if (Unwrap(argument) is not IAnonymousFunctionOperation lambda || lambda.Symbol.Parameters.Length != 1)
        {
            _facts.MarkOpen(metadata);
            return;
        }

        foreach (var statement in lambda.Body.Operations)
        {
            var operation = statement switch
            {
                IExpressionStatementOperation expression => expression.Operation,
                IReturnOperation { ReturnedValue: { } value } => value,
                IReturnOperation => null,
                _ => statement,
            };
            if (operation is null)
            {
                continue;
            }

            var start = _calls.Count;
            if (PushCalls(operation) is IParameterReferenceOperation)
            {
                for (var i = _calls.Count - 1; i >= start; i--)
                {
                    ApplyMetadata(_calls[i], metadata);
                }
            }
            else
            {
                _facts.MarkOpen(metadata);
            }

            _calls.RemoveRange(start, _calls.Count - start);
        }
    }

    // One call of a `m => m.Name(...).Labels(...)` metadata lambda.
    private void ApplyMetadata(IInvocationOperation call, DocumentMap metadata)
    {
        var arguments = new WrittenArguments(call);
        var at = Place.OfCall(call);
        switch (call.TargetMethod.Name, arguments.Count)
        {
            case ("Name", 1):
                PutIdentity(metadata, "name", arguments[0].Value, at);
                break;
            case ("Namespace", 1):
                PutIdentity(metadata, "namespace", arguments[0].Value, at);
                break;
            case ("Labels" or "Annotations", 2):
                var wire = call.TargetMethod.Name == "Labels" ? "labels" : "annotations";
                AddEntry(metadata, wire, arguments, at);
                break;
            default:
                _facts.MarkOpen(metadata);
                break;
        }
    }

    // Two members of one "at most one of" group set in the same builder.
    private void CheckOneOf(INamedTypeSymbol? builder, DocumentMap target)
    {
        if (builder is null)
        {
            return;
        }

        foreach (var group in _symbols.OneOfGroups(builder))
        {
            string? first = null;
            foreach (var field in group)
            {
                if (target[field] is not { } node)
                {
                    continue;
                }

                if (first is null)
                {
                    first = field;
                    continue;
                }

                _oneOf.Add(($"{string.Join(", ", group)}: {first} and {field} are both set", _locations.Of(node) ?? Location.None));
                break;
            }
        }
    }

    private DocumentNode Value(IOperation? operation)
    {
        var value = Unwrap(operation);
        if (value is null)
        {
            return Unknown();
        }

        // Most values are string constants, which are never of an enum type: no type to look at.
        var constant = value.ConstantValue;
        if (constant is { HasValue: true, Value: string text })
        {
            return DocumentScalar.String(text);
        }

        if (value.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            // MutualTLSMode.Disable, or a constant of the enum type: the member's wire string.
            var member = value is IFieldReferenceOperation { Field: { ContainingType.TypeKind: TypeKind.Enum } field } ? field : EnumMember(enumType, constant);
            return member is not null && _symbols.EnumWireName(member) is { } wire ? DocumentScalar.String(wire) : Unknown();
        }

        if (value is IConversionOperation { Conversion.IsUserDefined: true } conversion)
        {
            return Value(conversion.Operand);
        }

        return constant.HasValue
            ? constant.Value switch
            {
                bool flag => DocumentScalar.Boolean(flag),
                int or long or short or byte or sbyte or ushort => DocumentScalar.Integer(System.Convert.ToInt64(constant.Value, System.Globalization.CultureInfo.InvariantCulture)),
                uint or ulong => DocumentScalar.Integer(System.Convert.ToUInt64(constant.Value, System.Globalization.CultureInfo.InvariantCulture)),
                double or float or decimal => DocumentScalar.Number(System.Convert.ToDouble(constant.Value, System.Globalization.CultureInfo.InvariantCulture)),
                _ => Unknown(),
            }
            : Unknown();
    }

    // The member of an enum whose value is a constant of the enum type.
    private static IFieldSymbol? EnumMember(INamedTypeSymbol enumType, Optional<object?> constant)
    {
        if (!constant.HasValue)
        {
            return null;
        }

        foreach (var member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, constant.Value))
            {
                return field;
            }
        }

        return null;
    }

    private DocumentNode Unknown()
    {
        var unknown = DocumentScalar.String(string.Empty);
        _facts.MarkUnknown(unknown);
        return unknown;
    }

    private void Put(DocumentMap map, string key, DocumentNode value, Place at)
    {
        map.Add(key, value);
        _locations.Add(value, at);
    }

    // A name or namespace that is not a constant is left out (metadata open), so no rule reads "" as a namespace.
    private void PutIdentity(DocumentMap metadata, string key, IOperation value, Place at)
    {
        var node = Value(value);
        if (_facts.IsKnown(node))
        {
            Put(metadata, key, node, at);
        }
        else
        {
            _facts.MarkOpen(metadata);
        }
    }

    private static bool IsLambda(IOperation? operation) => Unwrap(operation) is IAnonymousFunctionOperation;

    // Implicit conversions and delegate creations wrap what the user wrote.
    private static IOperation? Unwrap(IOperation? operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IDelegateCreationOperation delegateCreation:
                    operation = delegateCreation.Target;
                    break;
                case IConversionOperation { IsImplicit: true, Conversion.IsUserDefined: false } conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }
}

using System;
using System.Collections.Generic;

namespace MeshDsl.Cli.Import;

/// <summary>
/// The C# an import writes, as a small expression tree: builder chains, lambdas, literals, type members, and the object,
/// list and dictionary initializers of KubernetesClient's models. Types stay <see cref="Type"/>s until
/// <see cref="CSharpWriter"/> decides on usings and qualification.
/// </summary>
internal abstract record CSharpExpression;

/// <summary>A literal, already in C# syntax (<c>"reviews"</c>, <c>80</c>, <c>true</c>).</summary>
internal sealed record LiteralExpression(string Text) : CSharpExpression;

/// <summary>A static member of a type: <c>ServerTLSMode.Simple</c>, <c>FreeForm.Null</c>.</summary>
internal sealed record MemberExpression(Type Type, string Member) : CSharpExpression;

/// <summary>A static call: <c>VirtualService.Create("reviews", vs => ...)</c>, <c>FreeForm.List(1, 2)</c>, <c>Convert.FromBase64String("...")</c>.</summary>
internal sealed record StaticCallExpression(Type Type, string Method, IReadOnlyList<CSharpExpression> Arguments) : CSharpExpression;

/// <summary>
/// <c>x => x.A(...).B(...)</c>: the parameter is named from <see cref="NameHint"/> (disambiguated against the enclosing
/// lambdas); <see cref="Multiline"/> puts every call on its own line even when the chain is short.
/// </summary>
internal sealed record LambdaExpression(string NameHint, IReadOnlyList<ChainCall> Calls, bool Multiline = false) : CSharpExpression;

/// <summary>
/// A string with line breaks, written as a raw string literal whose lines sit one level deeper than the line it starts
/// on (<see cref="CSharpLiterals.String"/> decides when a string can be one).
/// </summary>
internal sealed record RawStringExpression(string Value) : CSharpExpression;

/// <summary><c>new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc)</c>.</summary>
internal sealed record ConstructorCallExpression(Type Type, IReadOnlyList<CSharpExpression> Arguments) : CSharpExpression;

/// <summary>
/// <c>new V1Service { Metadata = ..., Spec = ... }</c>, one property per line when long; <c>new V1EmptyDirVolumeSource()</c>
/// when there is none.
/// </summary>
internal sealed record ObjectInitializerExpression(Type Type, IReadOnlyList<PropertyValue> Properties) : CSharpExpression;

/// <summary>One property of an object initializer: <c>Name = value</c>.</summary>
internal sealed record PropertyValue(string Name, CSharpExpression Value);

/// <summary>
/// <c>new Dictionary&lt;string, string&gt; { ["app"] = "api" }</c>; <c>new Dictionary&lt;string, string&gt;()</c> when empty.
/// <see cref="Type"/> is the dictionary's closed type.
/// </summary>
internal sealed record DictionaryExpression(Type Type, IReadOnlyList<DictionaryEntry> Entries) : CSharpExpression;

/// <summary>One entry of a dictionary initializer: <c>["key"] = value</c>.</summary>
internal sealed record DictionaryEntry(string Key, CSharpExpression Value);

/// <summary>
/// A list: the collection expression <c>[a, b]</c> (<c>[]</c> when empty) where the target type is a list, or, with
/// <see cref="ListType"/>, <c>new List&lt;object&gt; { a, b }</c> where the target is <c>object</c>.
/// </summary>
internal sealed record CollectionExpression(IReadOnlyList<CSharpExpression> Items, Type? ListType = null) : CSharpExpression;

/// <summary>One call of a chain: <c>.Method(arguments)</c>.</summary>
internal sealed record ChainCall(string Method, IReadOnlyList<CSharpExpression> Arguments);

/// <summary>One imported resource: the expression handed to <c>mesh.Add</c>, and where it came from.</summary>
internal sealed record ImportedResource(string Source, string? Namespace, CSharpExpression Expression);

/// <summary>A definition class to write: its name and its resources in order.</summary>
internal sealed record DefinitionClass(string Name, IReadOnlyList<ImportedResource> Resources);

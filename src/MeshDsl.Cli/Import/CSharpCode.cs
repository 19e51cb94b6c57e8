using System;
using System.Collections.Generic;

namespace MeshDsl.Cli.Import;

/// <summary>
/// The C# an import writes, as a small expression tree: builder chains, lambdas, literals and type members. Types
/// stay <see cref="Type"/>s until <see cref="CSharpWriter"/> decides on usings and qualification.
/// </summary>
internal abstract record CSharpExpression;

/// <summary>A literal, already in C# syntax (<c>"reviews"</c>, <c>80</c>, <c>true</c>).</summary>
internal sealed record LiteralExpression(string Text) : CSharpExpression;

/// <summary>A static member of a type: <c>ServerTLSMode.Simple</c>, <c>FreeForm.Null</c>.</summary>
internal sealed record MemberExpression(Type Type, string Member) : CSharpExpression;

/// <summary>A static call: <c>VirtualService.Create("reviews", vs => ...)</c>, <c>FreeForm.List(1, 2)</c>.</summary>
internal sealed record StaticCallExpression(Type Type, string Method, IReadOnlyList<CSharpExpression> Arguments) : CSharpExpression;

/// <summary>
/// <c>x => x.A(...).B(...)</c>: the parameter is named from <see cref="NameHint"/> (disambiguated against the enclosing
/// lambdas); <see cref="Multiline"/> puts every call on its own line even when the chain is short.
/// </summary>
internal sealed record LambdaExpression(string NameHint, IReadOnlyList<ChainCall> Calls, bool Multiline = false) : CSharpExpression;

/// <summary>One call of a chain: <c>.Method(arguments)</c>.</summary>
internal sealed record ChainCall(string Method, IReadOnlyList<CSharpExpression> Arguments);

/// <summary>One imported resource: the expression handed to <c>mesh.Add</c>, and where it came from.</summary>
internal sealed record ImportedResource(string Source, string? Namespace, CSharpExpression Expression);

/// <summary>A definition class to write: its name and its resources in order.</summary>
internal sealed record DefinitionClass(string Name, IReadOnlyList<ImportedResource> Resources);

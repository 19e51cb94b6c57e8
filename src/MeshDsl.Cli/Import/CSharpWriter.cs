using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;

namespace MeshDsl.Cli.Import;

/// <summary>
/// Writes definition classes as readable C#: 4-space indentation, one call per line for resource builders and
/// multi-call lambdas, short single-call lambdas inline, usings for the namespaces used, and a fully qualified name
/// only where a simple name would be ambiguous among those namespaces.
/// </summary>
internal sealed class CSharpWriter
{
    private const int InlineLimit = 80;
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal) { "as", "do", "if", "in", "is", "by", "on" };
    private static readonly Dictionary<Assembly, ILookup<string, string>> TypesByNamespace = new();
    private readonly HashSet<Type> _qualified;

    private CSharpWriter(HashSet<Type> qualified) => _qualified = qualified;

    // produces:
    //   using MeshDsl;
    //   using MeshDsl.Istio.Networking.V1;
    //
    //   namespace Imported;
    //
    //   public sealed class Reviews : IMeshDefinition
    //   {
    //       public void Define(IMeshBuilder mesh) => mesh
    //           // from: reviews.yaml
    //           .Add(VirtualService.Create("reviews", vs => vs
    //               .Hosts("reviews")));
    //   }
    public static string WriteFile(string csharpNamespace, IReadOnlyList<DefinitionClass> classes)
    {
        var used = new HashSet<Type> { typeof(IMeshDefinition), typeof(IMeshBuilder) };
        foreach (var resource in classes.SelectMany(c => c.Resources))
        {
            CollectTypes(resource.Expression, used);
        }

        var namespaces = used.Select(t => t.Namespace!).ToHashSet(StringComparer.Ordinal);
        var qualified = used.Where(t => IsAmbiguous(t, namespaces, used)).ToHashSet();
        var usings = used.Where(t => !qualified.Contains(t)).Select(t => t.Namespace!).Distinct().OrderBy(n => n, StringComparer.Ordinal);
        var writer = new CSharpWriter(qualified);
        var text = new StringBuilder();
        foreach (var name in usings)
        {
            text.Append("using ").Append(name).Append(";\n");
        }

        text.Append("\nnamespace ").Append(csharpNamespace).Append(";\n");
        foreach (var definition in classes)
        {
            text.Append('\n');
            writer.WriteClass(text, definition);
        }

        return text.ToString();
    }

    /// <summary>One expression at an indentation level (for tests and single expressions).</summary>
    public static string Write(CSharpExpression expression, int level = 0) => new CSharpWriter(new HashSet<Type>()).Render(expression, level, new List<string>());

    private void WriteClass(StringBuilder text, DefinitionClass definition)
    {
        text.Append("public sealed class ").Append(definition.Name).Append(" : ").Append(TypeName(typeof(IMeshDefinition))).Append('\n');
        text.Append("{\n");
        text.Append("    public void Define(").Append(TypeName(typeof(IMeshBuilder))).Append(" mesh) => mesh");
        var scope = new List<string> { "mesh" };
        foreach (var resource in definition.Resources)
        {
            text.Append("\n        // from: ").Append(resource.Source.Replace('\n', ' '));
            text.Append("\n        .Add(").Append(Render(resource.Expression, 2, scope)).Append(')');
        }

        text.Append(";\n}\n");
    }

    private string Render(CSharpExpression expression, int level, List<string> scope) => expression switch
    {
        LiteralExpression literal => literal.Text,
        MemberExpression member => $"{TypeName(member.Type)}.{member.Member}",
        StaticCallExpression call => $"{TypeName(call.Type)}.{call.Method}({Arguments(call.Arguments, level, scope)})",
        LambdaExpression lambda => Lambda(lambda, level, scope),
        _ => throw new ArgumentOutOfRangeException(nameof(expression)),
    };

    private string Arguments(IReadOnlyList<CSharpExpression> arguments, int level, List<string> scope) =>
        string.Join(", ", arguments.Select(a => Render(a, level, scope)));

    // produces: "x => x.Exact(\"jason\")" when short, else "x => x" and one "\n    .Call(...)" per call, one level deeper.
    private string Lambda(LambdaExpression lambda, int level, List<string> scope)
    {
        if (lambda.Calls.Count == 0)
        {
            return "_ => { }";
        }

        var name = ParameterName(lambda.NameHint, scope);
        scope.Add(name);
        try
        {
            if (!lambda.Multiline && lambda.Calls.Count == 1)
            {
                var call = lambda.Calls[0];
                var inline = $"{name} => {name}.{call.Method}({Arguments(call.Arguments, level, scope)})";
                if (inline.Length <= InlineLimit && !inline.Contains('\n'))
                {
                    return inline;
                }
            }

            var text = new StringBuilder(name).Append(" => ").Append(name);
            var indent = new string(' ', (level + 1) * 4);
            foreach (var call in lambda.Calls)
            {
                text.Append('\n').Append(indent).Append('.').Append(call.Method).Append('(').Append(Arguments(call.Arguments, level + 1, scope)).Append(')');
            }

            return text.ToString();
        }
        finally
        {
            scope.RemoveAt(scope.Count - 1);
        }
    }

    // The hint (a field's first letter, a kind's initials) in lower case, then 2, 3, ... while an enclosing lambda uses it.
    private static string ParameterName(string hint, List<string> scope)
    {
        var stem = hint.Length > 0 && hint.All(char.IsAsciiLetter) ? hint.ToLowerInvariant() : "x";
        if (Keywords.Contains(stem))
        {
            stem += "x";
        }

        var name = stem;
        for (var i = 2; scope.Contains(name); i++)
        {
            name = stem + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }

    private string TypeName(Type type) => _qualified.Contains(type) ? "global::" + type.FullName : type.Name;

    private static void CollectTypes(CSharpExpression expression, HashSet<Type> used)
    {
        switch (expression)
        {
            case MemberExpression member:
                used.Add(member.Type);
                break;
            case StaticCallExpression call:
                used.Add(call.Type);
                foreach (var argument in call.Arguments)
                {
                    CollectTypes(argument, used);
                }

                break;
            case LambdaExpression lambda:
                foreach (var argument in lambda.Calls.SelectMany(c => c.Arguments))
                {
                    CollectTypes(argument, used);
                }

                break;
        }
    }

    // Ambiguous: another used type has the simple name, or another imported namespace holds a public type with it.
    private static bool IsAmbiguous(Type type, HashSet<string> namespaces, HashSet<Type> used) =>
        used.Any(other => other != type && other.Name == type.Name)
        || namespaces.Any(ns => ns != type.Namespace && TypesIn(type.Assembly)[ns].Contains(type.Name, StringComparer.Ordinal))
        || used.Select(t => t.Assembly).Distinct().Any(a => a != type.Assembly && namespaces.Any(ns => TypesIn(a)[ns].Contains(type.Name, StringComparer.Ordinal)));

    private static ILookup<string, string> TypesIn(Assembly assembly)
    {
        lock (TypesByNamespace)
        {
            if (!TypesByNamespace.TryGetValue(assembly, out var lookup))
            {
                lookup = assembly.GetExportedTypes().Where(t => !t.IsNested).ToLookup(t => t.Namespace ?? string.Empty, t => t.Name);
                TypesByNamespace[assembly] = lookup;
            }

            return lookup;
        }
    }
}

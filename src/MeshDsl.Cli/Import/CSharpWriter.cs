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
internal sealed partial class CSharpWriter
{
    private const int InlineLimit = 80;
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal) { "as", "do", "if", "in", "is", "by", "on" };
    private static readonly Dictionary<Type, string> KeywordTypes = new()
    {
        [typeof(string)] = "string", [typeof(object)] = "object", [typeof(bool)] = "bool", [typeof(byte)] = "byte", [typeof(int)] = "int",
        [typeof(uint)] = "uint", [typeof(long)] = "long", [typeof(ulong)] = "ulong", [typeof(float)] = "float", [typeof(double)] = "double",
    };
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
        var used = TypesUsedBy(classes.SelectMany(c => c.Resources).Select(r => r.Expression));
        used.UnionWith(new[] { typeof(IMeshDefinition), typeof(IMeshBuilder) });

        var namespaces = used.Select(t => t.Namespace!).ToHashSet(StringComparer.Ordinal);
        var qualified = used.Where(t => IsAmbiguous(t, namespaces, used)).ToHashSet();
        var usings = used.Where(t => !qualified.Contains(t)).Select(t => t.Namespace!).Distinct()
            .OrderBy(n => n == "System" || n.StartsWith("System.", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(n => n, StringComparer.Ordinal);
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
        RawStringExpression raw => RawString(raw.Value, level),
        MemberExpression member => $"{TypeName(member.Type)}.{member.Member}",
        StaticCallExpression call => $"{TypeName(call.Type)}.{call.Method}({Arguments(call.Arguments, level, scope)})",
        ConstructorCallExpression call => $"new {TypeName(call.Type)}({Arguments(call.Arguments, level, scope)})",
        LambdaExpression lambda => Lambda(lambda, level, scope),
        ObjectInitializerExpression initializer => ObjectInitializer(initializer, level, scope),
        DictionaryExpression dictionary => Dictionary(dictionary, level, scope),
        CollectionExpression collection => Collection(collection, level, scope),
        _ => throw new ArgumentOutOfRangeException(nameof(expression)),
    };

    // produces: "a, b" on the line; when an argument before the last spans lines (a list of maps), one argument per line:
    //   FreeForm.List(
    //       FreeForm.Object(r => r
    //           .Set("a", 1)),
    //       FreeForm.Object(_ => { }))
    private string Arguments(IReadOnlyList<CSharpExpression> arguments, int level, List<string> scope)
    {
        var inline = arguments.Select(a => Render(a, level, scope)).ToList();
        if (!inline.SkipLast(1).Any(a => a.Contains('\n')))
        {
            return string.Join(", ", inline);
        }

        var indent = "\n" + Indent(level + 1);
        return indent + string.Join("," + indent, arguments.Select(a => Render(a, level + 1, scope)));
    }

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
            var indent = Indent(level + 1);
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

    // string, V1Service, global::MeshDsl.Istio.Networking.V1.VirtualService, Dictionary<string, IList<string>>, byte[], DateTime?
    private string TypeName(Type type)
    {
        if (KeywordTypes.TryGetValue(type, out var keyword))
        {
            return keyword;
        }

        if (type.IsArray || Nullable.GetUnderlyingType(type) is not null)
        {
            return type.IsArray ? TypeName(type.GetElementType()!) + "[]" : TypeName(Nullable.GetUnderlyingType(type)!) + "?";
        }

        var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        var name = _qualified.Contains(definition) ? "global::" + definition.FullName : definition.Name;
        var arity = name.IndexOf('`');
        return arity < 0 ? name : $"{name[..arity]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>";
    }

    // The named types a type is written with: itself (its generic definition), its type arguments, its element type.
    private static void AddType(Type type, HashSet<Type> used)
    {
        if (KeywordTypes.ContainsKey(type))
        {
            return;
        }

        if (type.IsArray || Nullable.GetUnderlyingType(type) is not null)
        {
            AddType(type.IsArray ? type.GetElementType()! : Nullable.GetUnderlyingType(type)!, used);
            return;
        }

        used.Add(type.IsGenericType ? type.GetGenericTypeDefinition() : type);
        foreach (var argument in type.GetGenericArguments())
        {
            AddType(argument, used);
        }
    }

    /// <summary>The named types <paramref name="expressions"/> write (generic definitions, not C# keywords), for usings and class names.</summary>
    public static HashSet<Type> TypesUsedBy(IEnumerable<CSharpExpression> expressions)
    {
        var used = new HashSet<Type>();
        foreach (var expression in expressions)
        {
            CollectTypes(expression, used);
        }

        return used;
    }

    private static void CollectTypes(CSharpExpression expression, HashSet<Type> used)
    {
        (Type? Type, IEnumerable<CSharpExpression> Children) parts = expression switch
        {
            MemberExpression member => (member.Type, Array.Empty<CSharpExpression>()),
            StaticCallExpression call => (call.Type, call.Arguments),
            ConstructorCallExpression call => (call.Type, call.Arguments),
            LambdaExpression lambda => (null, lambda.Calls.SelectMany(c => c.Arguments)),
            ObjectInitializerExpression initializer => (initializer.Type, initializer.Properties.Select(p => p.Value)),
            DictionaryExpression dictionary => (dictionary.Type, dictionary.Entries.Select(e => e.Value)),
            CollectionExpression collection => (collection.ListType, collection.Items),
            _ => (null, Array.Empty<CSharpExpression>()),
        };
        if (parts.Type is not null)
        {
            AddType(parts.Type, used);
        }

        foreach (var child in parts.Children)
        {
            CollectTypes(child, used);
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

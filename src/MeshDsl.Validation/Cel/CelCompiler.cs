using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace MeshDsl.Validation.Cel;

/// <summary>A compiled expression: reads its variables (slot 0 is <c>self</c>) and returns a value or a <see cref="CelError"/>.</summary>
internal delegate object CelEval(object[] variables);

/// <summary>An expression outside the CEL subset MeshDsl evaluates.</summary>
internal sealed class CelUnsupportedException : Exception
{
    public CelUnsupportedException(string message)
        : base(message)
    {
    }
}

/// <summary>
/// Compiles a <see cref="CelExpr"/> into nested <see cref="CelEval"/> closures once, so a rule costs a few
/// delegate calls per evaluation. Covers what Kubernetes' CRD rules use: logic, comparison, arithmetic,
/// <c>in</c>, literals, field selection, <c>has</c>, <c>all</c>/<c>exists</c>/<c>exists_one</c>, <c>size</c>,
/// the string functions, <c>matches</c>, <c>int</c>, <c>duration</c>, <c>url</c>/<c>isURL</c>/<c>getScheme</c>.
/// </summary>
internal sealed class CelCompiler
{
    private readonly List<string> _variables = new() { "self" };

    private CelCompiler()
    {
    }

    /// <summary>The compiled expression and the number of variable slots it needs.</summary>
    public static (CelEval Eval, int Slots) Compile(CelExpr expression)
    {
        var compiler = new CelCompiler();
        var eval = compiler.Expression(expression);
        return (eval, compiler._variables.Count);
    }

    private CelEval Expression(CelExpr expression) => expression switch
    {
        CelLiteral literal => Constant(literal.Value),
        CelIdent ident => Variable(ident.Name),
        CelSelect select => Select(Expression(select.Operand), select.Field),
        CelIndex index => Index(Expression(index.Operand), Expression(index.Index)),
        CelList list => ListLiteral(list.Items.Select(Expression).ToArray()),
        CelMap map => MapLiteral(map.Entries.Select(e => (Expression(e.Key), Expression(e.Value))).ToArray()),
        CelUnary unary => Unary(unary.Operator, Expression(unary.Operand)),
        CelBinary binary => Binary(binary),
        CelConditional conditional => Conditional(Expression(conditional.Condition), Expression(conditional.Then), Expression(conditional.Else)),
        CelCall call => Call(call),
        _ => throw new CelUnsupportedException($"unsupported expression {expression.GetType().Name}"),
    };

    private static CelEval Constant(object value) => _ => value;

    private CelEval Variable(string name)
    {
        var slot = _variables.LastIndexOf(name);
        if (slot < 0)
        {
            throw new CelUnsupportedException($"undeclared reference to '{name}'");
        }

        return variables => variables[slot];
    }

    private static CelEval Select(CelEval operand, string field) => variables =>
    {
        var value = operand(variables);
        if (value is CelError)
        {
            return value;
        }

        if (value is not (Documents.DocumentMap or Dictionary<object, object>))
        {
            return new CelError($"no such field '{field}' on {CelValues.TypeName(value)}");
        }

        return CelValues.Lookup(value, field) ?? new CelError($"no such key: {field}");
    };

    private static CelEval Index(CelEval operand, CelEval index) => variables =>
    {
        var value = operand(variables);
        var key = index(variables);
        if (FirstError(value, key) is { } error)
        {
            return error;
        }

        if (value is Documents.DocumentList or object[])
        {
            var items = CelValues.Elements(value)!;
            return key is long i && i >= 0 && i < items.Count ? items[(int)i] : new CelError($"index out of range: {key}");
        }

        return CelValues.Lookup(value, key) ?? new CelError($"no such key: {key}");
    };

    private static CelEval ListLiteral(CelEval[] items) => variables =>
    {
        var values = new object[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            values[i] = items[i](variables);
            if (values[i] is CelError)
            {
                return values[i];
            }
        }

        return values;
    };

    private static CelEval MapLiteral((CelEval Key, CelEval Value)[] entries) => variables =>
    {
        var map = new Dictionary<object, object>();
        foreach (var (keyEval, valueEval) in entries)
        {
            var key = keyEval(variables);
            var value = valueEval(variables);
            if (FirstError(key, value) is { } error)
            {
                return error;
            }

            if (!map.TryAdd(key, value))
            {
                return new CelError($"duplicate map key {key}");
            }
        }

        return map;
    };

    private static CelEval Unary(string op, CelEval operand) => variables =>
    {
        var value = operand(variables);
        return (op, value) switch
        {
            (_, CelError) => value,
            ("!", bool b) => CelValues.Box(!b),
            ("-", long l) => l == long.MinValue ? new CelError("int overflow") : -l,
            ("-", double d) => -d,
            _ => NoOverload(op, value),
        };
    };

    private CelEval Binary(CelBinary binary)
    {
        var left = Expression(binary.Left);
        var right = Expression(binary.Right);
        return binary.Operator switch
        {
            "&&" => Logical(left, right, absorbing: false),
            "||" => Logical(left, right, absorbing: true),
            "==" => Strict(left, right, (a, b) => CelValues.Box(CelValues.AreEqual(a, b))),
            "!=" => Strict(left, right, (a, b) => CelValues.Box(!CelValues.AreEqual(a, b))),
            "<" => Ordering(left, right, "<", c => c < 0),
            "<=" => Ordering(left, right, "<=", c => c <= 0),
            ">" => Ordering(left, right, ">", c => c > 0),
            ">=" => Ordering(left, right, ">=", c => c >= 0),
            "in" => Strict(left, right, In),
            "+" or "-" or "*" or "/" or "%" => Strict(left, right, (a, b) => Arithmetic(binary.Operator, a, b)),
            _ => throw new CelUnsupportedException($"unsupported operator '{binary.Operator}'"),
        };
    }

    // CEL's && and || are commutative over errors: false && error is false, true || error is true.
    private static CelEval Logical(CelEval left, CelEval right, bool absorbing) => variables =>
    {
        var a = left(variables);
        if (a is bool first && first == absorbing)
        {
            return CelValues.Box(absorbing);
        }

        var b = right(variables);
        if (b is bool second && second == absorbing)
        {
            return CelValues.Box(absorbing);
        }

        if (a is CelError)
        {
            return a;
        }

        if (b is CelError)
        {
            return b;
        }

        return a is bool && b is bool ? CelValues.Box(!absorbing) : NoOverload(absorbing ? "||" : "&&", a is bool ? b : a);
    };

    private static CelEval Strict(CelEval left, CelEval right, Func<object, object, object> apply) => variables =>
    {
        var a = left(variables);
        if (a is CelError)
        {
            return a;
        }

        var b = right(variables);
        return b is CelError ? b : apply(a, b);
    };

    private static CelEval Ordering(CelEval left, CelEval right, string op, Func<int, bool> holds) =>
        Strict(left, right, (a, b) => CelValues.Compare(a, b) is { } comparison ? CelValues.Box(holds(comparison)) : NoOverload(op, a, b));

    private static object In(object element, object container) => container switch
    {
        Documents.DocumentList or object[] => CelValues.Box(CelValues.Elements(container)!.Any(item => CelValues.AreEqual(element, item))),
        Documents.DocumentMap or Dictionary<object, object> => CelValues.Box(CelValues.Lookup(container, element) is not null),
        _ => NoOverload("in", element, container),
    };

    private static object Arithmetic(string op, object a, object b)
    {
        try
        {
            return (op, a, b) switch
            {
                ("+", long x, long y) => checked(x + y),
                ("-", long x, long y) => checked(x - y),
                ("*", long x, long y) => checked(x * y),
                ("/", long x, long y) => y == 0 ? new CelError("division by zero") : checked(x / y),
                ("%", long x, long y) => y == 0 ? new CelError("modulus by zero") : x % y,
                ("+", double x, double y) => x + y,
                ("-", double x, double y) => x - y,
                ("*", double x, double y) => x * y,
                ("/", double x, double y) => x / y,
                ("+", string x, string y) => x + y,
                ("+", CelDuration x, CelDuration y) => new CelDuration(checked(x.Nanoseconds + y.Nanoseconds)),
                ("-", CelDuration x, CelDuration y) => new CelDuration(checked(x.Nanoseconds - y.Nanoseconds)),
                ("+", _, _) when a is object[] or Documents.DocumentList && b is object[] or Documents.DocumentList =>
                    CelValues.Elements(a)!.Concat(CelValues.Elements(b)!).ToArray(),
                _ => NoOverload(op, a, b),
            };
        }
        catch (OverflowException)
        {
            return new CelError($"{CelValues.TypeName(a)} overflow");
        }
    }

    private static CelEval Conditional(CelEval condition, CelEval then, CelEval otherwise) => variables =>
        condition(variables) switch
        {
            true => then(variables),
            false => otherwise(variables),
            CelError error => error,
            var other => NoOverload("_?_:_", other),
        };

    private CelEval Call(CelCall call)
    {
        switch (call.Function)
        {
            case "has" when call.Target is null:
                return Has(call);
            case "all" or "exists" or "exists_one" when call.Target is not null:
                return Comprehension(call);
        }

        var target = call.Target is null ? null : Expression(call.Target);
        if (call.Function == "matches" && call.Args.Count == 1 && call.Args[0] is CelLiteral { Value: string pattern })
        {
            return Matches(target ?? throw new CelUnsupportedException("matches() needs a string target"), pattern);
        }

        var function = Functions.Resolve(call.Function, target is not null, call.Args.Count)
            ?? throw new CelUnsupportedException($"unsupported function '{(call.Target is null ? string.Empty : "<target>.")}{call.Function}' with {call.Args.Count} argument(s)");
        var args = call.Args.Select(Expression).ToArray();
        var operands = target is null ? args : args.Prepend(target).ToArray();
        CelEval eval = variables =>
        {
            var values = new object[operands.Length];
            for (var i = 0; i < operands.Length; i++)
            {
                values[i] = operands[i](variables);
                if (values[i] is CelError)
                {
                    return values[i];
                }
            }

            return function(values);
        };

        // The functions are pure: a call on literals only, such as duration('1ms'), is evaluated once, here.
        if (call.Target is null or CelLiteral && call.Args.All(a => a is CelLiteral))
        {
            var constant = eval(Array.Empty<object>());
            return _ => constant;
        }

        return eval;
    }

    // has(x.f): true when the field is present, even when its value is empty ("", [], {}), as Kubernetes defines it.
    private CelEval Has(CelCall call)
    {
        if (call.Args.Count != 1 || call.Args[0] is not CelSelect select)
        {
            throw new CelUnsupportedException("has() needs a field selection, such as has(self.field)");
        }

        var operand = Expression(select.Operand);
        var field = select.Field;
        return variables =>
        {
            var value = operand(variables);
            return value switch
            {
                CelError => value,
                Documents.DocumentMap map => CelValues.Box(map[field] is not null),
                Dictionary<object, object> literal => CelValues.Box(literal.ContainsKey(field)),
                _ => new CelError($"invalid type for field selection: {CelValues.TypeName(value)}"),
            };
        };
    }

    private CelEval Comprehension(CelCall call)
    {
        if (call.Args.Count != 2 || call.Args[0] is not CelIdent { Name: var name })
        {
            throw new CelUnsupportedException($"{call.Function}() needs a variable and a predicate, such as {call.Function}(x, x > 0)");
        }

        var range = Expression(call.Target!);
        _variables.Add(name);
        var slot = _variables.Count - 1;
        var predicate = Expression(call.Args[1]);
        _variables[slot] = "\0" + name;
        var kind = call.Function;
        return variables =>
        {
            var container = range(variables);
            if (container is CelError)
            {
                return container;
            }

            if (CelValues.Elements(container) is not { } elements)
            {
                return NoOverload(kind, container);
            }

            var matched = 0;
            CelError? error = null;
            foreach (var element in elements)
            {
                variables[slot] = element;
                switch (predicate(variables))
                {
                    case true:
                        if (kind == "exists")
                        {
                            return CelValues.True;
                        }

                        matched++;
                        break;
                    case false:
                        if (kind == "all")
                        {
                            return CelValues.False;
                        }

                        break;
                    case CelError e:
                        if (kind == "exists_one")
                        {
                            return e;
                        }

                        error ??= e;
                        break;
                    case var other:
                        return NoOverload(kind, other);
                }
            }

            if (error is not null)
            {
                return error;
            }

            return kind switch
            {
                "all" => CelValues.True,
                "exists" => CelValues.False,
                _ => CelValues.Box(matched == 1),
            };
        };
    }

    private static CelEval Matches(CelEval target, string pattern)
    {
        Regex regex;
        try
        {
            regex = new Regex(Re2ToDotNet(pattern), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException exception)
        {
            throw new CelUnsupportedException($"matches() pattern does not compile: {exception.Message}");
        }

        return variables =>
        {
            var value = target(variables);
            return value switch
            {
                CelError => value,
                string text => CelValues.Box(regex.IsMatch(text)),
                _ => NoOverload("matches", value),
            };
        };
    }

    // RE2's $ (without the m flag) matches only at the very end; .NET's also matches before a final newline.
    private static string Re2ToDotNet(string pattern) =>
        pattern.EndsWith('$') && !pattern.EndsWith("\\$", StringComparison.Ordinal) ? pattern[..^1] + "\\z" : pattern;

    private static CelError? FirstError(object first, object second) => first as CelError ?? second as CelError;

    internal static CelError NoOverload(string function, params object[] arguments) =>
        new($"no such overload: {function}({string.Join(", ", arguments.Select(CelValues.TypeName))})");

    /// <summary>The non-macro functions, by name, call style and arity.</summary>
    private static class Functions
    {
        public static Func<object[], object>? Resolve(string name, bool method, int arity) => (name, method, arity) switch
        {
            ("size", false, 1) or ("size", true, 0) => Size,
            ("contains", true, 1) => v => Strings(v, "contains", (s, t) => s.Contains(t, StringComparison.Ordinal)),
            ("startsWith", true, 1) => v => Strings(v, "startsWith", (s, t) => s.StartsWith(t, StringComparison.Ordinal)),
            ("endsWith", true, 1) => v => Strings(v, "endsWith", (s, t) => s.EndsWith(t, StringComparison.Ordinal)),
            ("substring", true, 2) => v => v is [string s, long start, long end] ? CelLibrary.Substring(s, start, end) : NoOverload("substring", v),
            ("substring", true, 1) => v => v is [string s, long start] ? CelLibrary.Substring(s, start, CelLibrary.CodePoints(s)) : NoOverload("substring", v),
            ("int", false, 1) => Int,
            ("string", false, 1) => v => v[0] switch { string s => s, long l => l.ToString(System.Globalization.CultureInfo.InvariantCulture), bool b => b ? "true" : "false", _ => NoOverload("string", v) },
            ("duration", false, 1) => v => v[0] is string s ? CelLibrary.Duration(s) : NoOverload("duration", v),
            ("url", false, 1) => v => v[0] is string s ? CelLibrary.Url(s) : NoOverload("url", v),
            ("isURL", false, 1) => v => v[0] is string s ? CelValues.Box(CelLibrary.IsUrl(s)) : NoOverload("isURL", v),
            ("getScheme", true, 0) => v => v[0] is CelUrl u ? u.Scheme : NoOverload("getScheme", v),
            _ => null,
        };

        private static object Size(object[] v) => v[0] switch
        {
            string s => CelLibrary.CodePoints(s),
            var container when CelValues.Elements(container) is { } elements => (long)elements.Count,
            _ => NoOverload("size", v),
        };

        private static object Int(object[] v) => v[0] switch
        {
            long l => l,
            ulong u => u <= long.MaxValue ? (long)u : new CelError("int overflow"),
            double d => d is >= -9.2233720368547758E18 and < 9.2233720368547758E18 ? (long)d : new CelError("int overflow"),
            string s => CelLibrary.ParseInt(s),
            CelDuration d => d.Nanoseconds / 1_000_000_000,
            _ => NoOverload("int", v),
        };

        private static object Strings(object[] v, string name, Func<string, string, bool> test) =>
            v is [string s, string t] ? CelValues.Box(test(s, t)) : NoOverload(name, v);
    }
}

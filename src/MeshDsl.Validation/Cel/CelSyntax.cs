using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace MeshDsl.Validation.Cel;

/// <summary>A node of a parsed CEL expression.</summary>
internal abstract record CelExpr;

internal sealed record CelLiteral(object Value) : CelExpr;

internal sealed record CelIdent(string Name) : CelExpr;

internal sealed record CelSelect(CelExpr Operand, string Field) : CelExpr;

/// <summary>A function call, <c>f(args)</c>, or a method-style call, <c>target.f(args)</c>.</summary>
internal sealed record CelCall(CelExpr? Target, string Function, IReadOnlyList<CelExpr> Args) : CelExpr;

internal sealed record CelIndex(CelExpr Operand, CelExpr Index) : CelExpr;

internal sealed record CelList(IReadOnlyList<CelExpr> Items) : CelExpr;

internal sealed record CelMap(IReadOnlyList<(CelExpr Key, CelExpr Value)> Entries) : CelExpr;

internal sealed record CelUnary(string Operator, CelExpr Operand) : CelExpr;

internal sealed record CelBinary(string Operator, CelExpr Left, CelExpr Right) : CelExpr;

internal sealed record CelConditional(CelExpr Condition, CelExpr Then, CelExpr Else) : CelExpr;

/// <summary>A rule the parser cannot read, with the column (1-based) where it stopped.</summary>
internal sealed class CelSyntaxException : Exception
{
    public CelSyntaxException(string message, int position)
        : base($"{message} at column {position + 1}")
    {
    }
}

/// <summary>
/// Parses CEL (the language of <c>x-kubernetes-validations</c>) into <see cref="CelExpr"/> trees, by recursive
/// descent over CEL's grammar: conditional, <c>||</c>, <c>&amp;&amp;</c>, relations and <c>in</c>, additive,
/// multiplicative, unary, member access and calls, literals. Lexing is done on the fly.
/// </summary>
internal sealed class CelParser
{
    private const int MaxDepth = 64;
    private static readonly string[] Relations = { "==", "!=", "<=", ">=", "<", ">" };

    private readonly string _text;
    private int _position;
    private int _depth;

    private CelParser(string text) => _text = text;

    public static CelExpr Parse(string text)
    {
        var parser = new CelParser(text);
        var expression = parser.Expression();
        parser.SkipSpace();
        if (parser._position < text.Length)
        {
            throw new CelSyntaxException($"unexpected '{text[parser._position]}'", parser._position);
        }

        return expression;
    }

    private CelExpr Expression()
    {
        if (++_depth > MaxDepth)
        {
            throw new CelSyntaxException("expression nested too deeply", _position);
        }

        var condition = Or();
        if (Accept("?"))
        {
            var then = Or();
            Expect(":");
            condition = new CelConditional(condition, then, Expression());
        }

        _depth--;
        return condition;
    }

    private CelExpr Or()
    {
        var left = And();
        while (Accept("||"))
        {
            left = new CelBinary("||", left, And());
        }

        return left;
    }

    private CelExpr And()
    {
        var left = Relation();
        while (Accept("&&"))
        {
            left = new CelBinary("&&", left, Relation());
        }

        return left;
    }

    private CelExpr Relation()
    {
        var left = Addition();
        while (true)
        {
            if (AcceptKeyword("in"))
            {
                left = new CelBinary("in", left, Addition());
                continue;
            }

            var relation = Array.Find(Relations, Peek);
            if (relation is null)
            {
                return left;
            }

            _position += relation.Length;
            left = new CelBinary(relation, left, Addition());
        }
    }

    private CelExpr Addition()
    {
        var left = Multiplication();
        while (true)
        {
            if (Accept("+"))
            {
                left = new CelBinary("+", left, Multiplication());
            }
            else if (Accept("-"))
            {
                left = new CelBinary("-", left, Multiplication());
            }
            else
            {
                return left;
            }
        }
    }

    private CelExpr Multiplication()
    {
        var left = Unary();
        while (true)
        {
            SkipSpace();
            if (_position < _text.Length && _text[_position] is '*' or '/' or '%')
            {
                var op = _text[_position++].ToString();
                left = new CelBinary(op, left, Unary());
            }
            else
            {
                return left;
            }
        }
    }

    private CelExpr Unary()
    {
        if (Accept("!"))
        {
            return new CelUnary("!", Unary());
        }

        if (Accept("-"))
        {
            return new CelUnary("-", Unary());
        }

        return Member();
    }

    private CelExpr Member()
    {
        var operand = Primary();
        while (true)
        {
            if (Accept("."))
            {
                var name = Identifier();
                operand = Accept("(") ? new CelCall(operand, name, Arguments(")")) : new CelSelect(operand, name);
            }
            else if (Accept("["))
            {
                var index = Expression();
                Expect("]");
                operand = new CelIndex(operand, index);
            }
            else
            {
                return operand;
            }
        }
    }

    private CelExpr Primary()
    {
        SkipSpace();
        if (_position >= _text.Length)
        {
            throw new CelSyntaxException("unexpected end of rule", _position);
        }

        var c = _text[_position];
        if (Accept("("))
        {
            var inner = Expression();
            Expect(")");
            return inner;
        }

        if (Accept("["))
        {
            return new CelList(Arguments("]"));
        }

        if (Accept("{"))
        {
            return MapLiteral();
        }

        if (char.IsDigit(c) || (c == '.' && _position + 1 < _text.Length && char.IsDigit(_text[_position + 1])))
        {
            return new CelLiteral(Number());
        }

        if (c is '"' or '\'' || ((c is 'r' or 'R') && _position + 1 < _text.Length && _text[_position + 1] is '"' or '\''))
        {
            return new CelLiteral(String());
        }

        var name = Identifier();
        return name switch
        {
            "true" => new CelLiteral(true),
            "false" => new CelLiteral(false),
            "null" => new CelLiteral(CelNull.Value),
            _ => Accept("(") ? new CelCall(null, name, Arguments(")")) : new CelIdent(name),
        };
    }

    private CelMap MapLiteral()
    {
        var entries = new List<(CelExpr, CelExpr)>();
        while (!Accept("}"))
        {
            var key = Expression();
            Expect(":");
            entries.Add((key, Expression()));
            if (!Accept(","))
            {
                Expect("}");
                break;
            }
        }

        return new CelMap(entries);
    }

    // Comma-separated expressions up to the closing bracket; a trailing comma is allowed.
    private List<CelExpr> Arguments(string close)
    {
        var items = new List<CelExpr>();
        while (!Accept(close))
        {
            items.Add(Expression());
            if (!Accept(","))
            {
                Expect(close);
                break;
            }
        }

        return items;
    }

    private object Number()
    {
        var start = _position;
        if (Peek("0x") || Peek("0X"))
        {
            _position += 2;
            while (_position < _text.Length && Uri.IsHexDigit(_text[_position]))
            {
                _position++;
            }

            return long.TryParse(_text.AsSpan(start + 2, _position - start - 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex)
                ? hex
                : throw new CelSyntaxException("invalid hexadecimal literal", start);
        }

        var isDouble = false;
        while (_position < _text.Length && (char.IsDigit(_text[_position]) || _text[_position] is '.' or 'e' or 'E'
                   || (_text[_position] is '+' or '-' && _text[_position - 1] is 'e' or 'E')))
        {
            isDouble |= _text[_position] is '.' or 'e' or 'E';
            _position++;
        }

        var literal = _text.Substring(start, _position - start);
        if (_position < _text.Length && _text[_position] is 'u' or 'U' && !isDouble)
        {
            _position++;
            return ulong.TryParse(literal, NumberStyles.None, CultureInfo.InvariantCulture, out var unsigned)
                ? unsigned
                : throw new CelSyntaxException("invalid unsigned literal", start);
        }

        if (isDouble)
        {
            return double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw new CelSyntaxException("invalid number literal", start);
        }

        return long.TryParse(literal, NumberStyles.None, CultureInfo.InvariantCulture, out var integer)
            ? integer
            : throw new CelSyntaxException("integer literal out of range", start);
    }

    private string String()
    {
        var start = _position;
        var raw = _text[_position] is 'r' or 'R';
        if (raw)
        {
            _position++;
        }

        var quote = _text[_position];
        var delimiter = _position + 2 < _text.Length && _text[_position + 1] == quote && _text[_position + 2] == quote
            ? new string(quote, 3)
            : quote.ToString();
        _position += delimiter.Length;
        var value = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length || (delimiter.Length == 1 && _text[_position] == '\n'))
            {
                throw new CelSyntaxException("unterminated string", start);
            }

            if (string.CompareOrdinal(_text, _position, delimiter, 0, delimiter.Length) == 0)
            {
                _position += delimiter.Length;
                return value.ToString();
            }

            var c = _text[_position++];
            if (c != '\\' || raw)
            {
                value.Append(c);
                continue;
            }

            value.Append(Escape(start));
        }
    }

    private string Escape(int stringStart)
    {
        if (_position >= _text.Length)
        {
            throw new CelSyntaxException("unterminated string", stringStart);
        }

        var c = _text[_position++];
        switch (c)
        {
            case 'n': return "\n";
            case 't': return "\t";
            case 'r': return "\r";
            case 'a': return "\a";
            case 'b': return "\b";
            case 'f': return "\f";
            case 'v': return "\v";
            case '\\' or '\'' or '"' or '`' or '?': return c.ToString();
            case 'u' or 'U' or 'x' or 'X':
                var digits = c switch { 'u' => 4, 'U' => 8, _ => 2 };
                if (_position + digits > _text.Length
                    || !int.TryParse(_text.AsSpan(_position, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                    || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
                {
                    throw new CelSyntaxException("invalid escape", _position - 2);
                }

                _position += digits;
                return char.ConvertFromUtf32(code);
            default:
                throw new CelSyntaxException($"invalid escape '\\{c}'", _position - 2);
        }
    }

    private string Identifier()
    {
        SkipSpace();
        var start = _position;
        while (_position < _text.Length && (char.IsAsciiLetterOrDigit(_text[_position]) || _text[_position] == '_'))
        {
            _position++;
        }

        if (_position == start || char.IsAsciiDigit(_text[start]))
        {
            throw new CelSyntaxException(_position < _text.Length ? $"unexpected '{_text[_position]}'" : "unexpected end of rule", start);
        }

        return _text.Substring(start, _position - start);
    }

    private bool AcceptKeyword(string keyword)
    {
        SkipSpace();
        var end = _position + keyword.Length;
        if (!Peek(keyword) || (end < _text.Length && (char.IsAsciiLetterOrDigit(_text[end]) || _text[end] == '_')))
        {
            return false;
        }

        _position = end;
        return true;
    }

    private bool Accept(string token)
    {
        if (!Peek(token))
        {
            return false;
        }

        _position += token.Length;
        return true;
    }

    private void Expect(string token)
    {
        if (!Accept(token))
        {
            throw new CelSyntaxException(_position < _text.Length ? $"expected '{token}', found '{_text[_position]}'" : $"expected '{token}' before the end", _position);
        }
    }

    private bool Peek(string token)
    {
        SkipSpace();
        return string.CompareOrdinal(_text, _position, token, 0, token.Length) == 0;
    }

    private void SkipSpace()
    {
        while (_position < _text.Length)
        {
            if (char.IsWhiteSpace(_text[_position]))
            {
                _position++;
            }
            else if (_text[_position] == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else
            {
                return;
            }
        }
    }
}

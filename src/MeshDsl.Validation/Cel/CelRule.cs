using MeshDsl.Documents;
using MeshDsl.Generator.Parse;

namespace MeshDsl.Validation.Cel;

/// <summary>
/// One <c>x-kubernetes-validations</c> rule, parsed and compiled once. <see cref="Check"/> returns null when the
/// rule holds for a value, otherwise the rule's message: also when evaluating it fails (a missing field,
/// <c>int("http")</c>), which the API server rejects too. The rule's message is written for users and says
/// what to fix; the evaluation error would only say how the expression broke.
/// </summary>
internal sealed class CelRule
{
    private readonly CelEval? _eval;
    private readonly int _slots;

    private CelRule(ValidationRule rule, CelEval? eval, int slots, string? unsupported)
    {
        Rule = rule;
        _eval = eval;
        _slots = slots;
        Unsupported = unsupported;
    }

    public ValidationRule Rule { get; }

    /// <summary>Why the rule cannot be evaluated (outside the subset, or unreadable); null when it can.</summary>
    public string? Unsupported { get; }

    /// <summary>What the API server says when the rule fails: its message, or <c>failed rule: ...</c> without one.</summary>
    public string Message => string.IsNullOrEmpty(Rule.Message) ? $"failed rule: {Rule.Rule}" : Rule.Message!;

    public static CelRule Compile(ValidationRule rule)
    {
        try
        {
            var (eval, slots) = CelCompiler.Compile(CelParser.Parse(rule.Rule));
            return new CelRule(rule, eval, slots, null);
        }
        catch (CelSyntaxException exception)
        {
            return new CelRule(rule, null, 0, "it does not parse: " + exception.Message);
        }
        catch (CelUnsupportedException exception)
        {
            return new CelRule(rule, null, 0, exception.Message);
        }
    }

    /// <summary>Null when the rule holds for <paramref name="self"/>; otherwise the finding's message.</summary>
    public string? Check(DocumentNode self)
    {
        var variables = new object[_slots];
        variables[0] = CelValues.FromNode(self);
        return _eval!(variables) switch
        {
            true => null,
            _ => Message,
        };
    }
}

using System;
using System.Collections.Generic;
using System.IO;

namespace MeshDsl.Cli;

/// <summary>
/// <c>meshdsl &lt;command&gt; [options]</c>. Exit codes: 0 done, 1 findings or errors in the definitions,
/// 2 usage error or unreadable input.
/// </summary>
internal static class CommandLine
{
    public const int Success = 0;
    public const int Findings = 1;
    public const int UsageError = 2;

    private const string Usage = """
        usage: meshdsl emit --assembly <path.dll> --out <folder> [--layout files|single]
               meshdsl validate <files|folders|-> [--crd <crd.yaml>] [--strict] [--output text|json|sarif]

          emit       Runs the mesh definitions (IMeshDefinition classes) of a built assembly and writes their
                     manifests into the folder, plus a kustomization.yaml.
          validate   Checks YAML documents against Istio's CRD schemas (and --crd's): types, ranges, enums,
                     required and unknown fields, "at most one of" groups. Unknown fields are warnings, errors
                     with --strict. Exit code 0: clean, 1: findings, 2: usage error or unreadable input.
        """;

    private static readonly HashSet<string> ValueOptions = new(StringComparer.Ordinal) { "--assembly", "--out", "--layout", "--crd", "--output" };
    private static readonly HashSet<string> FlagOptions = new(StringComparer.Ordinal) { "--strict" };

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            output.WriteLine(Usage);
            return args.Length == 0 ? UsageError : Success;
        }

        if (!TryParseOptions(args, 1, out var options, out var inputs, out var problem))
        {
            error.WriteLine($"meshdsl: {problem}");
            error.WriteLine(Usage);
            return UsageError;
        }

        return args[0] switch
        {
            "emit" => EmitCommand.Run(options, output, error),
            "validate" => ValidateCommand.Run(options, inputs, output, error),
            _ => Fail(error, $"unknown command '{args[0]}'"),
        };
    }

    private static int Fail(TextWriter error, string problem)
    {
        error.WriteLine($"meshdsl: {problem}");
        error.WriteLine(Usage);
        return UsageError;
    }

    private static bool TryParseOptions(string[] args, int start, out Dictionary<string, string> options, out List<string> inputs, out string problem)
    {
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        inputs = new List<string>();
        problem = string.Empty;
        for (var i = start; i < args.Length; i++)
        {
            if (FlagOptions.Contains(args[i]))
            {
                options[args[i]] = "true";
            }
            else if (ValueOptions.Contains(args[i]))
            {
                if (i + 1 >= args.Length)
                {
                    problem = $"'{args[i]}' needs a value";
                    return false;
                }

                options[args[i]] = args[++i];
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                problem = $"unknown option '{args[i]}'";
                return false;
            }
            else
            {
                inputs.Add(args[i]);
            }
        }

        return true;
    }
}

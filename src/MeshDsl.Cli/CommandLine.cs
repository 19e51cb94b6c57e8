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

          emit   Runs the mesh definitions (IMeshDefinition classes) of a built assembly and writes their
                 manifests into the folder, plus a kustomization.yaml.
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            output.WriteLine(Usage);
            return args.Length == 0 ? UsageError : Success;
        }

        if (!TryParseOptions(args, 1, out var options, out var problem))
        {
            error.WriteLine($"meshdsl: {problem}");
            error.WriteLine(Usage);
            return UsageError;
        }

        return args[0] switch
        {
            "emit" => EmitCommand.Run(options, output, error),
            _ => Fail(error, $"unknown command '{args[0]}'"),
        };
    }

    private static int Fail(TextWriter error, string problem)
    {
        error.WriteLine($"meshdsl: {problem}");
        error.WriteLine(Usage);
        return UsageError;
    }

    private static bool TryParseOptions(string[] args, int start, out Dictionary<string, string> options, out string problem)
    {
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        problem = string.Empty;
        for (var i = start; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                problem = $"'{args[i]}' is not an option with a value";
                return false;
            }

            options[args[i]] = args[++i];
        }

        return true;
    }
}

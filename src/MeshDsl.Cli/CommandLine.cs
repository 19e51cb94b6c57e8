using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

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
                       [--crd <crd.yaml>]... [--no-embedded-crds]
               meshdsl validate <files|folders|-> [--crd <crd.yaml>]... [--no-embedded-crds] [--strict]
                       [--output text|json|sarif]
               meshdsl analyze <files|folders|-> [--output text|json|sarif] [--mesh-config <file>]
                       [--production-namespaces a,b] [--external-hosts h1,h2] [--failure-threshold error|warning|info|none]
               meshdsl import <files|folders|-> [--out <folder>] [--namespace-per-file] [--single-file]
                       [--class-name Name] [--namespace CSharpNamespace]

          emit       Runs the mesh definitions (IMeshDefinition classes) of a built assembly and writes their
                     manifests into the folder, plus a kustomization.yaml, after validating them as validate does.
          validate   Checks YAML documents against Istio's CRD schemas (and --crd's): types, ranges, enums,
                     required and unknown fields, "at most one of" groups. Unknown fields are warnings, errors
                     with --strict. --crd may repeat; --no-embedded-crds leaves out Istio's embedded 1.30.3 CRDs (to
                     check against another Istio release given with --crd). Exit code 0: clean, 1: findings, 2: usage
                     error or unreadable input.
          analyze    Runs the mesh rules (MESH1xxx: timeouts, retries, circuit breaking, mTLS, authorization)
                     over every resource of the inputs. Exit code 0: nothing at or above --failure-threshold,
                     1: findings at or above it, 2: usage error or unreadable input. More: meshdsl analyze --help.
          import     Writes Kubernetes YAML as MeshDsl C#: Istio resources as builder chains, core objects (Service,
                     Deployment, ...) as KubernetesClient object initializers. One IMeshDefinition class per source
                     file (--namespace-per-file: per Kubernetes namespace; --class-name: one class), in namespace
                     Imported (--namespace); one .cs file per class (--single-file: one file) in --out, or on standard
                     output when there is one file and no --out. A field that cannot be expressed refuses its document
                     (MESH0401, MESH0402); status is left out (MESH0403); a value written in another form of the same
                     meaning (a canonical quantity, a UTC time, an explicit null left out) is a warning (MESH0404).
                     Exit code 0: all imported, 1: documents refused, 2: usage error or unreadable input.
        """;

    private const string AnalyzeUsage = """
        usage: meshdsl analyze <files|folders|-> [options]

          Runs the mesh rules (MESH1xxx) over every Kubernetes object of the YAML files, folders (recursively,
          *.yaml and *.yml) or standard input (-). Core objects in the same files (Services, Namespaces,
          Deployments) are part of the analyzed set: they count as declared. Schema problems are validate's
          job; a document that is not valid YAML is reported on standard error, and the exit code is 2.

          --output text|json|sarif     text (default): file:line:col: severity id Kind namespace/name path: message,
                                       then a summary line; json: an array of findings; sarif: SARIF 2.1.0.
          --mesh-config <file>         MeshConfig as YAML: a bare MeshConfig document (top-level fields, as for
                                       istioctl --meshConfigFile) or Istio's `istio` ConfigMap with the MeshConfig
                                       in data.mesh. Read: rootNamespace (default istio-system), where policies
                                       apply mesh-wide. Other fields are ignored.
          --production-namespaces a,b  namespaces where PERMISSIVE mTLS is reported (MESH1049).
          --external-hosts h1,h2       hosts that exist outside the inputs (other repositories, the cluster).
          --failure-threshold level    error, warning (default), info or none: exit 1 when a finding is at or
                                       above the level; none never fails on findings.

          Exit code 0: no finding at or above the threshold, 1: findings at or above it, 2: usage error or
          unreadable input.
        """;

    private static readonly HashSet<string> ValueOptions = new(StringComparer.Ordinal)
    {
        "--assembly", "--out", "--layout", "--crd", "--output", "--mesh-config", "--production-namespaces", "--external-hosts", "--failure-threshold",
        "--class-name", "--namespace",
    };

    private static readonly HashSet<string> FlagOptions = new(StringComparer.Ordinal) { "--strict", "--no-embedded-crds", "--namespace-per-file", "--single-file" };

    // Options that may be given more than once; their values are kept in order, joined by NUL, which no
    // command-line argument can contain (read them back with Values).
    private static readonly HashSet<string> RepeatableOptions = new(StringComparer.Ordinal) { "--crd" };

    private const char RepeatedValueSeparator = '\0';

    // The options each command takes: an option of another command is a usage error, not silently ignored.
    private static readonly Dictionary<string, string[]> CommandOptions = new(StringComparer.Ordinal)
    {
        ["emit"] = new[] { "--assembly", "--out", "--layout", "--crd", "--no-embedded-crds" },
        ["validate"] = new[] { "--crd", "--no-embedded-crds", "--strict", "--output" },
        ["analyze"] = new[] { "--output", "--mesh-config", "--production-namespaces", "--external-hosts", "--failure-threshold" },
        ["import"] = new[] { "--out", "--namespace-per-file", "--single-file", "--class-name", "--namespace" },
    };

    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, Console.In, output, error);

    /// <summary>Every value given for <paramref name="option"/>, in order (none when it was not given).</summary>
    public static IReadOnlyList<string> Values(IReadOnlyDictionary<string, string> options, string option) =>
        options.TryGetValue(option, out var joined) ? joined.Split(RepeatedValueSeparator) : Array.Empty<string>();

    /// <summary>Runs a command; <paramref name="input"/> is what <c>-</c> reads.</summary>
    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            output.WriteLine(Usage);
            return args.Length == 0 ? UsageError : Success;
        }

        if (!CommandOptions.TryGetValue(args[0], out var accepted))
        {
            return Fail(error, $"unknown command '{args[0]}'");
        }

        if (args.Skip(1).Any(a => a is "-h" or "--help"))
        {
            output.WriteLine(args[0] == "analyze" ? AnalyzeUsage : Usage);
            return Success;
        }

        if (!TryParseOptions(args, 1, accepted, out var options, out var inputs, out var problem))
        {
            return Fail(error, problem);
        }

        return args[0] switch
        {
            "emit" => EmitCommand.Run(options, output, error),
            "validate" => ValidateCommand.Run(options, inputs, input, output, error),
            "import" => ImportCommand.Run(options, inputs, input, output, error),
            _ => AnalyzeCommand.Run(options, inputs, input, output, error),
        };
    }

    private static int Fail(TextWriter error, string problem)
    {
        error.WriteLine($"meshdsl: {problem}");
        error.WriteLine(Usage);
        return UsageError;
    }

    private static bool TryParseOptions(string[] args, int start, string[] accepted, out Dictionary<string, string> options, out List<string> inputs, out string problem)
    {
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        inputs = new List<string>();
        problem = string.Empty;
        for (var i = start; i < args.Length; i++)
        {
            if ((FlagOptions.Contains(args[i]) || ValueOptions.Contains(args[i])) && !accepted.Contains(args[i]))
            {
                problem = $"{args[0]} does not take '{args[i]}'";
                return false;
            }

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

                var (option, value) = (args[i], args[++i]);
                options[option] = RepeatableOptions.Contains(option) && options.TryGetValue(option, out var earlier)
                    ? earlier + RepeatedValueSeparator + value
                    : value;
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

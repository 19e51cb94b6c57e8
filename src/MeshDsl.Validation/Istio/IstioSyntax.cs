using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace MeshDsl.Validation.Istio;

/// <summary>Syntax rules several of Istio's checks share.</summary>
internal static partial class IstioSyntax
{
    /// <summary>The port protocols Istio knows (compared without case, as Istio parses them).</summary>
    public static readonly HashSet<string> Protocols = new(System.StringComparer.OrdinalIgnoreCase)
    {
        "HTTP", "HTTPS", "GRPC", "GRPC-WEB", "HTTP2", "MONGO", "MYSQL", "REDIS", "TCP", "TLS", "UDP",
    };

    /// <summary>Istio's labels.IsDNS1123Label: letters, digits and '-', at most 63, upper case allowed.</summary>
    public static bool IsDns1123Label(string name) => Dns1123Label().IsMatch(name);

    // Also compiled into the netstandard2.0 analyzers (webhook parity), where the regex source generator does not run.
#if NET7_0_OR_GREATER
    [GeneratedRegex("^[a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123Label();
#else
    private static readonly Regex Dns1123LabelPattern = new("^[a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$", RegexOptions.CultureInvariant);

    private static Regex Dns1123Label() => Dns1123LabelPattern;
#endif
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using k8s;
using k8s.Models;
using MeshDsl.Documents;
// MeshDsl.IntOrString, of the enclosing namespace, would win over a using of k8s.Models.
using KubernetesIntOrString = k8s.Models.IntOrString;

namespace MeshDsl.Cli.Import;

/// <summary>
/// The scalars of KubernetesClient's models as C#: strings, numbers and booleans as literals, <c>IntOrString</c> and
/// <c>ResourceQuantity</c> through their implicit conversions (<c>TargetPort = 8080</c>, <c>["cpu"] = "500m"</c>),
/// times as <c>new DateTime(..., DateTimeKind.Utc)</c>, bytes as <c>Convert.FromBase64String("...")</c> (the YAML's own
/// text: a Secret's values stay as unreadable as they were). Each value is checked against what KubernetesClient's
/// serializer writes for it: the same meaning in another form is a warning (MESH0404), another meaning an error.
/// </summary>
internal static class KubernetesScalars
{
    /// <summary>The C# for <paramref name="scalar"/> in a property of <paramref name="type"/>, or null after an error.</summary>
    public static CSharpExpression? Literal(Type type, DocumentScalar scalar, string path, List<ImportFinding> findings) =>
        type == typeof(KubernetesIntOrString) ? IntOrStringValue(scalar, path, findings)
        : type == typeof(ResourceQuantity) ? Quantity(scalar, path, findings)
        : type == typeof(DateTime) ? Time(scalar, path, findings)
        : type == typeof(byte[]) ? Bytes(scalar, path, findings)
        : Plain(type, scalar) ?? Mismatch(type, scalar, path, findings);

    private static CSharpExpression? Mismatch(Type type, DocumentScalar scalar, string path, List<ImportFinding> findings)
    {
        findings.Add(ImportFinding.NotExpressible(path, ValueDescription.Mismatch(type, scalar), scalar));
        return null;
    }

    private static CSharpExpression? Plain(Type type, DocumentScalar scalar) => scalar.Kind switch
    {
        ScalarKind.String when type == typeof(string) => CSharpLiterals.String(scalar.Text),
        ScalarKind.Boolean when type == typeof(bool) => new LiteralExpression(scalar.Text),
        ScalarKind.Integer when IntegerFits(type, scalar.Text) => new LiteralExpression(scalar.Text),
        ScalarKind.Integer or ScalarKind.Number when type == typeof(double) => CSharpLiterals.Number(double.Parse(scalar.Text, CultureInfo.InvariantCulture)),
        _ => null,
    };

    private static bool IntegerFits(Type type, string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
        && (type == typeof(long) || (type == typeof(int) && value is >= int.MinValue and <= int.MaxValue));

    // An integer as is (TargetPort = 8080); a string only when KubernetesClient writes it as a string: "8080" would
    // become the integer 8080, another value to the API server (a port number, not a port name).
    private static CSharpExpression? IntOrStringValue(DocumentScalar scalar, string path, List<ImportFinding> findings)
    {
        if (scalar.Kind != ScalarKind.String)
        {
            return scalar.Kind == ScalarKind.Integer ? Plain(typeof(long), scalar) : Mismatch(typeof(KubernetesIntOrString), scalar, path, findings);
        }

        var written = KubernetesJson.Serialize((KubernetesIntOrString)scalar.Text);
        if (!written.StartsWith('"'))
        {
            findings.Add(ImportFinding.NotExpressible(path, $"KubernetesClient's IntOrString writes the string \"{scalar.Text}\" as the integer {written}; write it as a number, unquoted, if a number is meant", scalar));
            return null;
        }

        return CSharpLiterals.String(scalar.Text);
    }

    // The canonical form KubernetesClient writes (0.5 → "500m", 1024Mi → "1Gi"), as the API server stores it too.
    private static CSharpExpression? Quantity(DocumentScalar scalar, string path, List<ImportFinding> findings)
    {
        if (scalar.Kind is not (ScalarKind.String or ScalarKind.Integer or ScalarKind.Number))
        {
            return Mismatch(typeof(ResourceQuantity), scalar, path, findings);
        }

        string canonical;
        try
        {
            canonical = new ResourceQuantity(scalar.Text).ToString();
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or OverflowException)
        {
            findings.Add(ImportFinding.NotExpressible(path, $"'{scalar.Text}' is not a quantity KubernetesClient can write: {exception.Message}", scalar));
            return null;
        }

        if (canonical != scalar.Text || scalar.Kind != ScalarKind.String)
        {
            findings.Add(ImportFinding.WrittenInAnotherForm(path, $"the quantity {scalar.Text} is written \"{canonical}\", the same quantity in the canonical form the API server stores", scalar));
        }

        return CSharpLiterals.String(canonical);
    }

    // produces: new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc), with milliseconds and microseconds when it has them.
    private static CSharpExpression? Time(DocumentScalar scalar, string path, List<ImportFinding> findings)
    {
        if (scalar.Kind != ScalarKind.String
            || !DateTime.TryParse(scalar.Text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
        {
            return Mismatch(typeof(DateTime), scalar, path, findings);
        }

        // KubernetesClient writes microseconds at most: the C# says no more than it writes.
        var utc = new DateTime(time.Year, time.Month, time.Day, time.Hour, time.Minute, time.Second, time.Millisecond, time.Microsecond, DateTimeKind.Utc);
        var written = JsonSerializer.Deserialize<string>(KubernetesJson.Serialize(utc))!;
        if (written != scalar.Text)
        {
            findings.Add(ImportFinding.WrittenInAnotherForm(path, $"the time {scalar.Text} is written {written}, in UTC to the microsecond, as KubernetesClient writes times", scalar));
        }

        var parts = new List<int> { utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second };
        if (utc.Millisecond != 0 || utc.Microsecond != 0)
        {
            parts.AddRange(new[] { utc.Millisecond, utc.Microsecond });
        }

        var arguments = parts.ConvertAll(p => (CSharpExpression)CSharpLiterals.Integer(p));
        arguments.Add(new MemberExpression(typeof(DateTimeKind), nameof(DateTimeKind.Utc)));
        return new ConstructorCallExpression(typeof(DateTime), arguments);
    }

    // produces: Convert.FromBase64String("cGFzc3dvcmQ=")
    private static CSharpExpression? Bytes(DocumentScalar scalar, string path, List<ImportFinding> findings)
    {
        var buffer = new byte[scalar.Text.Length];
        if (scalar.Kind != ScalarKind.String || !Convert.TryFromBase64String(scalar.Text, buffer, out var length))
        {
            return Mismatch(typeof(byte[]), scalar, path, findings);
        }

        var written = Convert.ToBase64String(buffer, 0, length);
        if (written != scalar.Text)
        {
            findings.Add(ImportFinding.WrittenInAnotherForm(path, $"the base64 text is written {written}, the same bytes", scalar));
        }

        return new StaticCallExpression(typeof(Convert), nameof(Convert.FromBase64String), new[] { CSharpLiterals.String(scalar.Text) });
    }
}

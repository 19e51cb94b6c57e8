using System;
using System.Globalization;

namespace MeshDsl.Documents;

/// <summary>What a scalar is on the wire: the JSON type Kubernetes sees.</summary>
public enum ScalarKind
{
    /// <summary>A string, written quoted when YAML would read it as something else.</summary>
    String,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A floating-point number.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>An explicit <c>null</c>.</summary>
    Null,
}

/// <summary>A scalar: its kind and its canonical text (invariant culture).</summary>
public sealed class DocumentScalar : DocumentNode, IEquatable<DocumentScalar>
{
    private DocumentScalar(ScalarKind kind, string text)
    {
        Kind = kind;
        Text = text;
    }

    /// <summary>The explicit null.</summary>
    public static DocumentScalar Null => new(ScalarKind.Null, "null");

    /// <summary>The JSON type of the scalar.</summary>
    public ScalarKind Kind { get; }

    /// <summary>The canonical text: the string itself, or the number or boolean in invariant form.</summary>
    public string Text { get; }

    /// <summary>A string scalar.</summary>
    public static DocumentScalar String(string value) => new(ScalarKind.String, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>An integer scalar.</summary>
    public static DocumentScalar Integer(long value) => new(ScalarKind.Integer, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>An unsigned integer scalar.</summary>
    public static DocumentScalar Integer(ulong value) => new(ScalarKind.Integer, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A number scalar, written with the shortest text that reads back as the same value.</summary>
    public static DocumentScalar Number(double value) => new(ScalarKind.Number, FormatNumber(value));

    // A whole number keeps a ".0" so that it reads back as a number, not an integer; YAML spells infinities .inf.
    private static string FormatNumber(double value)
    {
        if (double.IsNaN(value))
        {
            return ".nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? ".inf" : "-.inf";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        // YAML 1.1's float needs a '.', also before an exponent: "1E+21" is a string to PyYAML, "1.0E+21" a float.
        var exponent = text.IndexOfAny(new[] { 'E', 'e' });
        return text.IndexOf('.') >= 0 ? text : exponent < 0 ? text + ".0" : text.Insert(exponent, ".0");
    }

    /// <summary>A boolean scalar.</summary>
    public static DocumentScalar Boolean(bool value) => new(ScalarKind.Boolean, value ? "true" : "false");

    /// <inheritdoc />
    public bool Equals(DocumentScalar? other) => other is not null && other.Kind == Kind && other.Text == Text;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DocumentScalar);

    /// <inheritdoc />
    public override int GetHashCode() => ((int)Kind * 397) ^ StringComparer.Ordinal.GetHashCode(Text);

    /// <inheritdoc />
    public override string ToString() => Text;
}

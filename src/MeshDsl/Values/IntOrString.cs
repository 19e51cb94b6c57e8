using System;
using MeshDsl.Documents;

namespace MeshDsl;

/// <summary>A Kubernetes int-or-string value (<c>x-kubernetes-int-or-string</c>): a port number or a port name, a count or a percentage.</summary>
public readonly struct IntOrString : IEquatable<IntOrString>, IDocumentValue
{
    private readonly string? _text;

    private IntOrString(long number, string? text)
    {
        Number = number;
        _text = text;
    }

    /// <summary>True when the value is a string.</summary>
    public bool IsString => _text is not null;

    /// <summary>The integer value; meaningful when <see cref="IsString"/> is false.</summary>
    public long Number { get; }

    /// <summary>The string value, or <see langword="null"/> when the value is an integer.</summary>
    public string? Text => _text;

    /// <summary>An integer value.</summary>
    public static implicit operator IntOrString(int value) => new(value, null);

    /// <summary>An integer value.</summary>
    public static implicit operator IntOrString(long value) => new(value, null);

    /// <summary>A string value.</summary>
    public static implicit operator IntOrString(string value) => new(0, value ?? throw new ArgumentNullException(nameof(value)));

    /// <inheritdoc />
    public DocumentNode ToNode() => _text is null ? DocumentScalar.Integer(Number) : DocumentScalar.String(_text);

    /// <inheritdoc />
    public bool Equals(IntOrString other) => Number == other.Number && string.Equals(_text, other._text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IntOrString other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _text is null ? Number.GetHashCode() : StringComparer.Ordinal.GetHashCode(_text);

    /// <inheritdoc />
    public override string ToString() => _text ?? Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Equality.</summary>
    public static bool operator ==(IntOrString left, IntOrString right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(IntOrString left, IntOrString right) => !left.Equals(right);
}

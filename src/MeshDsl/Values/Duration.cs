using System;
using System.Globalization;
using System.Text;
using MeshDsl.Documents;

namespace MeshDsl;

/// <summary>
/// A duration as Kubernetes and Istio write it (<c>"10s"</c>, <c>"1h30m"</c>, <c>"250ms"</c>): built from a
/// string or a <see cref="TimeSpan"/>. A string is kept as written; validation reports one that does not parse.
/// </summary>
public readonly struct Duration : IEquatable<Duration>, IDocumentValue
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;
    private readonly string? _text;

    /// <summary>Creates a duration from its wire text, kept as written.</summary>
    public Duration(string text) => _text = text ?? throw new ArgumentNullException(nameof(text));

    /// <summary>The wire text, for example <c>10s</c>.</summary>
    public string Text => _text ?? "0s";

    /// <summary>True when <see cref="Text"/> is a valid duration.</summary>
    public bool IsValid => TryParse(Text, out _);

    /// <summary>A duration from its wire text.</summary>
    public static implicit operator Duration(string text) => new(text);

    /// <summary>A duration from a <see cref="TimeSpan"/>, written in the shortest wire form.</summary>
    public static implicit operator Duration(TimeSpan value) => new(Format(value));

    /// <summary>The value as a <see cref="TimeSpan"/>; throws <see cref="FormatException"/> when the text is invalid.</summary>
    public TimeSpan ToTimeSpan() =>
        TryParse(Text, out var value) ? value : throw new FormatException($"'{Text}' is not a duration: write a number followed by a unit (h, m, s, ms, us, ns), for example \"10s\" or \"1h30m\".");

    /// <summary>Parses a duration in Go's syntax (a sequence of decimal numbers each with a unit: h, m, s, ms, us, µs, ns).</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var s = text!;
        var i = 0;
        var negative = false;
        if (s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            i++;
        }

        if (s.Substring(i) == "0")
        {
            return true;
        }

        decimal ticks = 0;
        var any = false;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            if (i == start || !decimal.TryParse(s.Substring(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            var unitStart = i;
            while (i < s.Length && !char.IsDigit(s[i]) && s[i] != '.')
            {
                i++;
            }

            decimal? unit = s.Substring(unitStart, i - unitStart) switch
            {
                "h" => TimeSpan.TicksPerHour,
                "m" => TimeSpan.TicksPerMinute,
                "s" => TimeSpan.TicksPerSecond,
                "ms" => TimeSpan.TicksPerMillisecond,
                "us" or "µs" or "μs" => TicksPerMicrosecond,
                "ns" => 0.01m,
                _ => null,
            };
            if (unit is null)
            {
                return false;
            }

            ticks += number * unit.Value;
            any = true;
        }

        if (!any || ticks > TimeSpan.MaxValue.Ticks)
        {
            return false;
        }

        value = TimeSpan.FromTicks((long)(negative ? -ticks : ticks));
        return true;
    }

    /// <inheritdoc />
    public DocumentNode ToNode() => DocumentScalar.String(Text);

    /// <inheritdoc />
    public bool Equals(Duration other) => string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Duration other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>Equality of the wire text.</summary>
    public static bool operator ==(Duration left, Duration right) => left.Equals(right);

    /// <summary>Inequality of the wire text.</summary>
    public static bool operator !=(Duration left, Duration right) => !left.Equals(right);

    // produces: "1h30m", "10s", "1.5s", "250ms", "1500us", "0s"
    private static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        var builder = new StringBuilder();
        var ticks = value.Ticks;
        if (ticks < 0)
        {
            builder.Append('-');
            ticks = -ticks;
        }

        if (ticks < TimeSpan.TicksPerSecond)
        {
            return ticks % TimeSpan.TicksPerMillisecond == 0
                ? builder.Append(ticks / TimeSpan.TicksPerMillisecond).Append("ms").ToString()
                : builder.Append((ticks / (decimal)TicksPerMicrosecond).ToString(CultureInfo.InvariantCulture)).Append("us").ToString();
        }

        AppendUnit(builder, ticks / TimeSpan.TicksPerHour, "h");
        AppendUnit(builder, ticks / TimeSpan.TicksPerMinute % 60, "m");
        var secondTicks = ticks % TimeSpan.TicksPerMinute;
        if (secondTicks != 0)
        {
            builder.Append((secondTicks / (decimal)TimeSpan.TicksPerSecond).ToString("0.#######", CultureInfo.InvariantCulture)).Append('s');
        }

        return builder.ToString();
    }

    private static void AppendUnit(StringBuilder builder, long count, string unit)
    {
        if (count != 0)
        {
            builder.Append(count.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }
}

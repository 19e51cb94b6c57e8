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
        var parsed = TryParseNanoseconds(text, out var nanoseconds);
        value = parsed ? TimeSpan.FromTicks(nanoseconds / 100) : TimeSpan.Zero;
        return parsed;
    }

    /// <summary>
    /// Go's <c>time.ParseDuration</c>, in nanoseconds: <c>[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+</c> with units ns, us, µs, ms,
    /// s, m, h, or "0". The one parser behind <see cref="TryParse"/>, the CEL rules' <c>duration()</c> and the mesh rules.
    /// </summary>
    public static bool TryParseNanoseconds(string? text, out long nanoseconds)
    {
        nanoseconds = 0;
        if (text is null)
        {
            return false;
        }

        var i = 0;
        var negative = false;
        if (i < text.Length && text[i] is '-' or '+')
        {
            negative = text[i] == '-';
            i++;
        }

        if (text.Length == i + 1 && text[i] == '0')
        {
            return true;
        }

        if (i == text.Length)
        {
            return false;
        }

        decimal total = 0;
        while (i < text.Length)
        {
            var start = i;
            decimal value = 0;
            while (i < text.Length && IsDigit(text[i]))
            {
                value = (value * 10) + (text[i++] - '0');
                if (value > long.MaxValue)
                {
                    return false;
                }
            }

            var digits = i > start;
            if (i < text.Length && text[i] == '.')
            {
                i++;
                var scale = 0.1m;
                var fractionStart = i;
                while (i < text.Length && IsDigit(text[i]))
                {
                    if (scale > 1e-27m)
                    {
                        value += (text[i] - '0') * scale;
                        scale /= 10;
                    }

                    i++;
                }

                digits |= i > fractionStart;
            }

            if (!digits)
            {
                return false;
            }

            var unitStart = i;
            while (i < text.Length && text[i] != '.' && !IsDigit(text[i]))
            {
                i++;
            }

            long? unit = text.Substring(unitStart, i - unitStart) switch
            {
                "ns" => 1L,
                "us" or "µs" or "μs" => 1_000L,
                "ms" => 1_000_000L,
                "s" => 1_000_000_000L,
                "m" => 60_000_000_000L,
                "h" => 3_600_000_000_000L,
                _ => null,
            };
            if (unit is null)
            {
                return false;
            }

            total += value * unit.Value;
            if (total > long.MaxValue)
            {
                return false;
            }
        }

        nanoseconds = (long)decimal.Truncate(negative ? -total : total);
        return true;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

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

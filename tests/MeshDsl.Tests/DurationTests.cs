using System;
using Xunit;

namespace MeshDsl.Tests;

public sealed class DurationTests
{
    [Theory]
    [InlineData("10s", 10_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("250ms", 250)]
    [InlineData("1.5s", 1_500)]
    [InlineData("2m0s", 120_000)]
    [InlineData("0", 0)]
    [InlineData("1500us", 1.5)]
    public void Go_style_text_parses(string text, double milliseconds)
    {
        Assert.True(Duration.TryParse(text, out var value));
        Assert.Equal(milliseconds, value.TotalMilliseconds, 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("10x")]
    [InlineData("s")]
    [InlineData("1h 30m")]
    public void Invalid_text_does_not_parse_and_says_why(string text)
    {
        Duration duration = text;

        Assert.False(duration.IsValid);
        var error = Assert.Throws<FormatException>(() => duration.ToTimeSpan());
        Assert.Contains("\"10s\"", error.Message);
    }

    [Theory]
    [InlineData(0, 0, 10, 0, "10s")]
    [InlineData(1, 30, 0, 0, "1h30m")]
    [InlineData(0, 0, 0, 250, "250ms")]
    [InlineData(0, 0, 1, 500, "1.5s")]
    [InlineData(0, 2, 0, 0, "2m")]
    [InlineData(0, 0, 0, 0, "0s")]
    public void TimeSpan_is_written_in_the_shortest_wire_form(int hours, int minutes, int seconds, int milliseconds, string expected)
    {
        Duration duration = new TimeSpan(0, hours, minutes, seconds, milliseconds);

        Assert.Equal(expected, duration.Text);
        Assert.Equal(new TimeSpan(0, hours, minutes, seconds, milliseconds), duration.ToTimeSpan());
    }

    [Fact]
    public void String_is_kept_as_written()
    {
        Duration duration = "90s";

        Assert.Equal("90s", duration.ToString());
        Assert.Equal(TimeSpan.FromSeconds(90), duration.ToTimeSpan());
    }
}

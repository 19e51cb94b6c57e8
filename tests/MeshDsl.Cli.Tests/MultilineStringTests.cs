using MeshDsl.Cli.Import;
using Xunit;

namespace MeshDsl.Cli.Tests;

/// <summary>
/// Multi-line strings are written as raw string literals, readable in the C# (they come back byte for byte:
/// <see cref="FixtureRoundTripTests"/>).
/// </summary>
public sealed class MultilineStringTests
{
    // A config file under its dictionary entry; a Lua script in a free-form value; three quotes in the text, so four
    // in the delimiter. The lines sit one level deeper than the line the literal starts on.
    [Theory]
    [InlineData(
        "                [\"nginx.conf\"] = \"\"\"",
        "                    server {",
        "                        listen 8080;",
        "                        location / {",
        "                            return 200 \"ok\";",
        "                        }",
        "                    }",
        "",
        "                    \"\"\",")]
    [InlineData(
        "                            .Set(\"inlineCode\", \"\"\"",
        "                                function envoy_on_request(handle)",
        "                                  handle:headers():add(\"x-shop\", \"checkout\")",
        "                                end",
        "",
        "                                \"\"\")")]
    [InlineData(
        "                [\"quotes\"] = \"\"\"\"",
        "                    say \"\"\"three\"\"\" quotes",
        "                    and \"one\"",
        "",
        "                    \"\"\"\",")]
    public void MultilineTextIsARawStringLiteral(params string[] lines) =>
        Assert.Contains(string.Join("\n", lines), RoundTrip.OfFixture("multiline.yaml").Text);

    [Theory]
    [InlineData("one line", "\"one line\"")]
    [InlineData("windows\r\nline\r\n", "\"windows\\r\\nline\\r\\n\"")]
    [InlineData("bell\u0007\nx", "\"bell\\u0007\\nx\"")]
    public void TextARawStringWouldHideStaysARegularLiteral(string value, string literal) =>
        Assert.Equal(literal, Assert.IsType<LiteralExpression>(CSharpLiterals.String(value)).Text);

    [Fact]
    public void ARawStringsLinesSitOneLevelDeeperThanItsLine() =>
        Assert.Equal("\"\"\"\n        a\n\n        \"b\"\n        \"\"\"", CSharpWriter.Write(CSharpLiterals.String("a\n\n\"b\""), 1));
}

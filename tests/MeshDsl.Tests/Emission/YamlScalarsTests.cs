using MeshDsl.Documents;
using MeshDsl.Emission;
using Xunit;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MeshDsl.Tests;

public sealed class YamlScalarsTests
{
    [Theory]
    // Numbers, booleans and nulls of YAML 1.1 or 1.2.
    [InlineData("80")]
    [InlineData("true")]
    [InlineData("True")]
    [InlineData("yes")]
    [InlineData("Yes")]
    [InlineData("on")]
    [InlineData("off")]
    [InlineData("y")]
    [InlineData("n")]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("Null")]
    [InlineData("0x1F")]
    [InlineData("0o17")]
    [InlineData("0b101")]
    [InlineData("1e3")]
    [InlineData("012")]
    [InlineData("1_000")]
    [InlineData(".inf")]
    [InlineData("-.inf")]
    [InlineData(".NaN")]
    [InlineData("1:30")]
    [InlineData("190:20:30")]
    [InlineData("")]
    // Whitespace at either end is lost in a plain scalar.
    [InlineData(" leading")]
    [InlineData("trailing ")]
    // Text that ends a plain scalar or starts something else.
    [InlineData("a: b")]
    [InlineData("a #b")]
    [InlineData("- item")]
    [InlineData("*alias")]
    [InlineData("&anchor")]
    [InlineData("!tag")]
    [InlineData("|")]
    [InlineData(">")]
    [InlineData("%")]
    [InlineData("@x")]
    [InlineData("`x")]
    [InlineData("{a}")]
    [InlineData("[a]")]
    [InlineData("key:")]
    // A leading '*' is the alias indicator (YAML 1.2 [104] c-ns-alias-node): '*.example.com' plain is an alias
    // to an anchor named '.example.com', so this Istio host must be quoted.
    [InlineData("*.example.com")]
    // Tabs and control characters can only be written escaped.
    [InlineData("a\tb")]
    [InlineData("\t")]
    [InlineData("bell\u0007")]
    [InlineData("nul\u0000")]
    [InlineData("del\u007F")]
    public void Strings_a_reader_would_not_read_back_as_the_same_string_are_quoted(string value)
    {
        Assert.True(YamlScalars.NeedsQuotes(value), YamlOracle.Show(value));
        var scalar = WrittenValue(value);
        Assert.NotEqual(ScalarStyle.Plain, scalar.Style);
        Assert.Equal(value, scalar.Value);
    }

    [Theory]
    [InlineData("reviews")]
    [InlineData("v1")]
    [InlineData("10s")]
    [InlineData("5xx,reset,connect-failure")]
    [InlineData("https://auth.example.com")]
    [InlineData("/api/v1/*")]
    [InlineData("cluster.local/ns/production/sa/frontend")]
    [InlineData("istio-system")]
    [InlineData("x-user-id")]
    [InlineData("1.2.3")]
    [InlineData("10.0.0.1")]
    [InlineData("a:b")]
    [InlineData("a#b")]
    [InlineData("end-user")]
    [InlineData("ROUND_ROBIN")]
    public void Ordinary_strings_stay_plain(string value)
    {
        Assert.False(YamlScalars.NeedsQuotes(value), YamlOracle.Show(value));
        Assert.Null(YamlOracle.NonStringReading(value));
        var scalar = WrittenValue(value);
        Assert.Equal(ScalarStyle.Plain, scalar.Style);
        Assert.Equal(value, scalar.Value);
    }

    // KNOWN SRC BUG (kept failing on purpose): YAML 1.1 timestamps are written plain. PyYAML 6.0.3 reads
    // "2001-12-14" as datetime.date(2001, 12, 14) and the other two as datetime.datetime (checked on this machine);
    // SnakeYAML and Ruby's Psych implement the same YAML 1.1 timestamp type.
    [Theory]
    [InlineData("2001-12-14")]
    [InlineData("2001-12-14t21:59:43.10-05:00")]
    [InlineData("2001-12-14 21:59:43.10 -5")]
    public void Yaml_1_1_timestamps_are_quoted(string value)
    {
        Assert.Equal("YAML 1.1 timestamp", YamlOracle.NonStringReading(value));
        Assert.True(YamlScalars.NeedsQuotes(value), YamlOracle.Show(value));
    }

    // KNOWN SRC BUG (kept failing on purpose): YAML 1.1's base-60 float is [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*,
    // first group from 0 (the base-60 int starts at 1). PyYAML reads "0:30.5" as 30.5 and "00:30:00.5" as 1800.5.
    [Theory]
    [InlineData("0:30.5")]
    [InlineData("00:30:00.5")]
    public void Base_60_floats_whose_first_group_is_zero_are_quoted(string value)
    {
        Assert.Equal("YAML 1.1 float", YamlOracle.NonStringReading(value));
        Assert.True(YamlScalars.NeedsQuotes(value), YamlOracle.Show(value));
    }

    // KNOWN SRC BUG (kept failing on purpose): kubectl reads YAML with go-yaml v2, which removes every '_' from a
    // plain scalar starting with a sign or a digit before trying it as a number. `kubectl label --local -f` on a
    // ConfigMap with these values prints data {"a": 1, "b": 1000, "c": 31} (checked with kubectl 1.32 here).
    [Theory]
    [InlineData("+_1")]
    [InlineData("1e3_")]
    [InlineData("0_x1F")]
    [InlineData("1_e_3")]
    public void Numbers_with_underscores_kubectl_strips_are_quoted(string value)
    {
        Assert.Equal("go-yaml v2 (kubectl) number", YamlOracle.NonStringReading(value));
        Assert.True(YamlScalars.NeedsQuotes(value), YamlOracle.Show(value));
    }

    // KNOWN SRC BUG (kept failing on purpose): U+2028 and U+2029 are line breaks to YAML 1.1 readers and content to
    // YAML 1.2 readers. NeedsQuotes says plain, so YamlDotNet picks a folded block and writes the separator raw,
    // followed by indentation (">-\n  a\u2028  b"). PyYAML, kubectl and kustomize read "a\u2028b" from it, but a
    // YAML 1.2 reader (the JavaScript "yaml" package 2.9, checked here) reads "a\u2028  b", keeping the indentation.
    // Escaped in double quotes ("a\Lb") every reader agrees.
    [Theory]
    [InlineData("a\u2028b")]
    [InlineData("a\u2029b")]
    public void Unicode_line_and_paragraph_separators_are_quoted(string value)
    {
        Assert.True(YamlScalars.NeedsQuotes(value), YamlOracle.Show(value));
        var yaml = ManifestWriter.Write(new DocumentMap { { "v", DocumentScalar.String(value) } });
        Assert.Equal(-1, YamlOracle.FirstUnsafeCharacter(yaml));
    }

    private static YamlScalarNode WrittenValue(string value)
    {
        var yaml = ManifestWriter.Write(new DocumentMap { { "v", DocumentScalar.String(value) } });
        var root = (YamlMappingNode)YamlOracle.ParseSingle(yaml);
        return (YamlScalarNode)root.Children[new YamlScalarNode("v")];
    }
}

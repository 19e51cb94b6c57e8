using System.Collections.Generic;
using System.Linq;
using MeshDsl.Documents;
using Xunit;

namespace MeshDsl.Tests;

public sealed class DocumentTests
{
    [Fact]
    public void Unset_fields_are_omitted_and_set_empty_collections_are_written()
    {
        var map = new DocumentMap();
        map.Set("absent", (string?)null);
        map.Set("count", (int?)null);
        map.SetList("empty", new List<string>(), DocumentNodes.From);
        map.SetMap("labels", (IDictionary<string, string>?)null, DocumentNodes.From);

        Assert.Equal(new[] { "empty" }, map.Select(e => e.Key));
        Assert.Empty(Assert.IsType<DocumentList>(map["empty"]));
    }

    [Fact]
    public void Scalars_keep_their_wire_type()
    {
        var map = new DocumentMap();
        map.Set("port", (uint?)80u);
        map.Set("name", "80");
        map.Set("ratio", (double?)100.0);
        map.Set("on", (bool?)true);

        Assert.Equal(DocumentScalar.Integer(80), map["port"]);
        Assert.Equal(DocumentScalar.String("80"), map["name"]);
        Assert.Equal(ScalarKind.Number, ((DocumentScalar)map["ratio"]!).Kind);
        Assert.Equal("true", ((DocumentScalar)map["on"]!).Text);
    }

    [Fact]
    public void Maps_keep_insertion_order_and_replace_on_the_same_key()
    {
        var map = new DocumentMap { { "b", DocumentScalar.String("1") }, { "a", DocumentScalar.String("2") } };
        map.Add("b", DocumentScalar.String("3"));

        Assert.Equal(new[] { "b", "a" }, map.Select(e => e.Key));
        Assert.Equal(DocumentScalar.String("3"), map["b"]);
    }

    [Fact]
    public void Int_or_string_writes_its_kind()
    {
        Assert.Equal(DocumentScalar.Integer(8080), ((IntOrString)8080).ToNode());
        Assert.Equal(DocumentScalar.String("http"), ((IntOrString)"http").ToNode());
    }

    [Fact]
    public void Free_form_values_build_any_tree()
    {
        var value = FreeForm.Object(o => o
            .Set("name", "envoy.lua")
            .Set("priority", 10)
            .Set("config", c => c.Set("inline", true))
            .Set("list", FreeForm.List("a", 1.5)));

        var map = Assert.IsType<DocumentMap>(value.ToNode());
        Assert.Equal(DocumentScalar.Integer(10), map["priority"]);
        Assert.Equal(DocumentScalar.Boolean(true), Assert.IsType<DocumentMap>(map["config"])["inline"]);
        Assert.Equal(2, Assert.IsType<DocumentList>(map["list"]).Count);
    }

    private enum Mode
    {
        [MeshEnumValue("ISTIO_MUTUAL")]
        IstioMutual,

        [MeshEnumValue("3xx")]
        _3xx,
    }

    [Fact]
    public void Enums_write_their_exact_wire_string()
    {
        Assert.Equal("ISTIO_MUTUAL", EnumWireNames<Mode>.ToWire(Mode.IstioMutual));
        Assert.Equal("3xx", ((DocumentScalar)DocumentNodes.FromEnum(Mode._3xx)).Text);
        Assert.True(EnumWireNames<Mode>.TryFromWire("ISTIO_MUTUAL", out var mode));
        Assert.Equal(Mode.IstioMutual, mode);
    }

    [Fact]
    public void Object_meta_writes_only_what_was_set()
    {
        var meta = new ObjectMetaBuilder().Name("reviews").Labels("app", "reviews").Build();

        Assert.Equal(new[] { "name", "labels" }, meta.ToDocument().Select(e => e.Key));
    }
}

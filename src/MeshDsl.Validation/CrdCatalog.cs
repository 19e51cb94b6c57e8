using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MeshDsl.Generator.Input;
using MeshDsl.Generator.Parse;

namespace MeshDsl.Validation;

/// <summary>The CRD schemas documents are checked against, by apiVersion and kind; each compiled once.</summary>
public sealed class CrdCatalog
{
    private readonly Dictionary<(string ApiVersion, string Kind), SchemaNode> _schemas = new();
    private readonly Dictionary<(string ApiVersion, string Kind), SchemaCheck> _compiled = new();
    private readonly Dictionary<(string ApiVersion, string Kind), Validation.Istio.DurationTree?> _durations = new();

    /// <summary>Istio's CRDs as embedded in this assembly (the pinned release).</summary>
    public static CrdCatalog Istio()
    {
        using var stream = typeof(CrdCatalog).Assembly.GetManifestResourceStream("MeshDsl.Validation.istio-crds.yaml")
            ?? throw new InvalidOperationException("The embedded Istio CRD bundle is missing from MeshDsl.Validation.");
        using var reader = new StreamReader(stream);
        var catalog = new CrdCatalog();
        catalog.Add("istio-crds.yaml", reader.ReadToEnd());
        return catalog;
    }

    /// <summary>The kinds known, as <c>group/version Kind</c>.</summary>
    public IEnumerable<string> Kinds => _schemas.Keys.Select(k => $"{k.ApiVersion} {k.Kind}").OrderBy(k => k, StringComparer.Ordinal);

    /// <summary>Adds every served version of every CRD in <paramref name="text"/>; returns how many kinds it held.</summary>
    public int Add(string file, string text)
    {
        var kinds = 0;
        foreach (var document in DocumentSplitter.Split(new CrdFile(file, text, string.Empty)))
        {
            if (CrdParser.Parse(document).Crd is not { } crd)
            {
                continue;
            }

            kinds++;
            foreach (var version in crd.Versions.Where(v => v.Served && v.Root is not null))
            {
                var key = ($"{crd.Group}/{version.Name}", crd.Kind);
                lock (_compiled)
                {
                    _schemas[key] = version.Root!;
                    _compiled.Remove(key);
                    _durations.Remove(key);
                }
            }
        }

        return kinds;
    }

    // Compiled on first use; the lock makes one catalog safe to share between threads.
    internal SchemaCheck? CheckFor(string apiVersion, string kind)
    {
        lock (_compiled)
        {
            if (_compiled.TryGetValue((apiVersion, kind), out var check))
            {
                return check;
            }

            if (!_schemas.TryGetValue((apiVersion, kind), out var schema))
            {
                return null;
            }

            check = SchemaCompiler.Compile(schema, isRoot: true);
            _compiled[(apiVersion, kind)] = check;
            return check;
        }
    }

    /// <summary>The kind's duration fields (strings with a <c>duration(self)</c> rule), found once in its schema.</summary>
    internal Validation.Istio.DurationTree? DurationFieldsFor(string apiVersion, string kind)
    {
        lock (_compiled)
        {
            if (!_durations.TryGetValue((apiVersion, kind), out var tree))
            {
                tree = _schemas.TryGetValue((apiVersion, kind), out var schema) ? Validation.Istio.DurationTree.From(schema) : null;
                _durations[(apiVersion, kind)] = tree;
            }

            return tree;
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using MeshDsl.Generator.Common;
using MeshDsl.Generator.Diagnostics;
using MeshDsl.Generator.Input;

namespace MeshDsl.Generator.Parse;

/// <summary>Parse stage: one YAML document → a <see cref="CrdSchema"/> (or diagnostics saying why not).</summary>
internal static class CrdParser
{
    public static ParsedCrd Parse(CrdDocumentText document)
    {
        var diagnostics = new List<DiagnosticSpec>();
        YamlValue? root;
        try
        {
            root = YamlTreeReader.Read(document.Text, document.StartLine);
        }
        catch (YamlReadException exception)
        {
            var descriptor = exception.IsLimit ? DiagnosticIds.LimitExceeded : DiagnosticIds.InvalidYaml;
            diagnostics.Add(DiagnosticSpec.Create(descriptor, document.Path, exception.Line, exception.Column, exception.Message));
            return new ParsedCrd(null, diagnostics.ToEquatableArray());
        }

        if (root is not YamlMap map)
        {
            var what = root is null ? "empty document" : root is YamlSequence ? "YAML list" : "YAML scalar";
            diagnostics.Add(DiagnosticSpec.Create(DiagnosticIds.NotACrd, document.Path, root?.Line ?? document.StartLine, root?.Column ?? 1, what));
            return new ParsedCrd(null, diagnostics.ToEquatableArray());
        }

        var kind = map.GetString("kind");
        var apiVersion = map.GetString("apiVersion");
        if (kind != "CustomResourceDefinition" || apiVersion != "apiextensions.k8s.io/v1")
        {
            var what = kind is null ? "document without 'kind'" : $"{kind} ({apiVersion ?? "no apiVersion"})";
            diagnostics.Add(DiagnosticSpec.Create(DiagnosticIds.NotACrd, document.Path, map.Line, map.Column, what));
            return new ParsedCrd(null, diagnostics.ToEquatableArray());
        }

        var crd = ReadCrd(document, map, diagnostics);
        return new ParsedCrd(crd, diagnostics.ToEquatableArray());
    }

    private static CrdSchema? ReadCrd(CrdDocumentText document, YamlMap map, List<DiagnosticSpec> diagnostics)
    {
        var spec = map.Get("spec") as YamlMap;
        var names = spec?.Get("names") as YamlMap;
        var group = spec?.GetString("group");
        var kind = names?.GetString("kind");
        var plural = names?.GetString("plural");
        var versions = spec?.Get("versions") as YamlSequence;
        var missing = spec is null ? "spec" : group is null ? "spec.group" : kind is null ? "spec.names.kind" : plural is null ? "spec.names.plural" : versions is null ? "spec.versions" : null;
        if (missing is not null)
        {
            // Point at the "spec:" key when there is one: the field that is missing belongs under it.
            var at = (YamlValue?)map.Entries.FirstOrDefault(e => e.Key.Value == "spec").Key ?? map;
            diagnostics.Add(DiagnosticSpec.Create(DiagnosticIds.IncompleteCrd, document.Path, at.Line, at.Column, missing));
            return null;
        }

        var versionSchemas = new List<CrdVersionSchema>();
        foreach (var item in versions!.Items.OfType<YamlMap>())
        {
            var name = item.GetString("name");
            if (name is null)
            {
                diagnostics.Add(DiagnosticSpec.Create(DiagnosticIds.IncompleteCrd, document.Path, item.Line, item.Column, "spec.versions[].name"));
                continue;
            }

            var served = (item.Get("served") as YamlScalar)?.IsTrue ?? false;
            var storage = (item.Get("storage") as YamlScalar)?.IsTrue ?? false;
            var schema = (item.Get("schema") as YamlMap)?.Get("openAPIV3Schema") as YamlMap;
            if (schema is null && served)
            {
                diagnostics.Add(DiagnosticSpec.Create(DiagnosticIds.MissingSchema, document.Path, item.Line, item.Column, name, kind!));
            }

            versionSchemas.Add(new CrdVersionSchema(name, served, storage, schema is null ? null : SchemaReader.Read(schema), item.Line));
        }

        return new CrdSchema(
            document.Path,
            map.Line,
            document.RootNamespace,
            group!,
            kind!,
            plural!,
            spec!.GetString("scope") != "Cluster",
            versionSchemas.ToEquatableArray());
    }
}

using System.Linq;
using MeshDsl.Generator.Assemble;
using MeshDsl.Generator.Common;
using MeshDsl.Generator.Map;

namespace MeshDsl.Generator.Emit;

/// <summary>Emits a model class (properties + ToDocument) and its builder into one file.</summary>
internal static class ModelEmitter
{
    public static string Emit(ObjectUnit unit)
    {
        var writer = new SourceWriter();
        writer.Line(CSharp.Header);
        using (writer.Block($"namespace {unit.Namespace}"))
        {
            WriteModel(writer, unit);
            writer.Line();
            BuilderEmitter.WriteBuilder(writer, unit);
        }

        return writer.ToString();
    }

    // produces:
    //   /// <summary>...</summary>
    //   [global::MeshDsl.MeshOneOf("exact", "prefix", "regex")]
    //   public sealed partial class StringMatch : global::MeshDsl.Documents.IDocumentObject
    //   {
    //       [global::MeshDsl.MeshField("exact", "spec.http[].match[].uri.exact")]
    //       public string? Exact { get; set; }
    //       public global::MeshDsl.Documents.DocumentMap ToDocument() { ... }
    //   }
    private static void WriteModel(SourceWriter writer, ObjectUnit unit)
    {
        foreach (var line in CSharp.Summary(unit.Description, $"The {unit.Name} object."))
        {
            writer.Line(line);
        }

        foreach (var group in unit.OneOfGroups)
        {
            var fields = string.Join(", ", group.Fields.Select(Identifiers.Literal));
            writer.Line(group.Required ? $"[global::MeshDsl.MeshOneOf({fields}, Required = true)]" : $"[global::MeshDsl.MeshOneOf({fields})]");
        }

        using (writer.Block($"public sealed partial class {unit.Name} : global::MeshDsl.Documents.IDocumentObject, global::MeshDsl.ISourceLocated"))
        {
            writer.Line("private global::MeshDsl.SourceLocations? _locations;");
            writer.Line();
            writer.Line("global::MeshDsl.SourceLocations global::MeshDsl.ISourceLocated.Locations => _locations ??= new global::MeshDsl.SourceLocations();");
            writer.Line();
            foreach (var field in unit.Fields)
            {
                foreach (var line in CSharp.Summary(field.Description, CSharp.FallbackSummary(field)))
                {
                    writer.Line(line);
                }

                writer.Line(CSharp.FieldAttribute(field));
                CSharp.WriteAliasAttribute(writer, field);
                if (field.Required)
                {
                    writer.Line("[global::MeshDsl.MeshRequired]");
                }

                writer.Line($"public {CSharp.PropertyType(field.Type)} {field.PropertyName} {{ get; set; }}");
                writer.Line();
            }

            writer.Line("/// <inheritdoc />");
            using (writer.Block("public global::MeshDsl.Documents.DocumentMap ToDocument()"))
            {
                writer.Line("var map = new global::MeshDsl.Documents.DocumentMap();");
                foreach (var field in unit.Fields)
                {
                    writer.Line(SetCall(field));
                }

                writer.Line("global::MeshDsl.SourceLocations.Apply(_locations, map);");
                writer.Line("return map;");
            }
        }
    }

    private static string SetCall(ResolvedField field)
    {
        var key = Identifiers.Literal(field.WireName);
        return field.Type.Kind switch
        {
            TypeRefKind.Enum => $"map.SetEnum({key}, {field.PropertyName});",
            TypeRefKind.List => $"map.SetList({key}, {field.PropertyName}, {CSharp.Converter(field.Type.Element!)});",
            TypeRefKind.Map => $"map.SetMap({key}, {field.PropertyName}, {CSharp.Converter(field.Type.Element!)});",
            _ => $"map.Set({key}, {field.PropertyName});",
        };
    }
}

using MeshDsl.Generator.Assemble;
using MeshDsl.Generator.Common;

namespace MeshDsl.Generator.Emit;

/// <summary>Emits an enum whose members carry their exact wire strings.</summary>
internal static class EnumEmitter
{
    // produces:
    //   public enum ServerTLSMode
    //   {
    //       /// <summary><c>SIMPLE</c></summary>
    //       [global::MeshDsl.MeshEnumValue("SIMPLE")]
    //       Simple,
    //   }
    public static string Emit(EnumUnit unit)
    {
        var writer = new SourceWriter();
        writer.Line(CSharp.Header);
        using (writer.Block($"namespace {unit.Namespace}"))
        {
            foreach (var line in CSharp.Summary(unit.Description, $"The {unit.Name} values."))
            {
                writer.Line(line);
            }

            using (writer.Block($"public enum {unit.Name}"))
            {
                for (var i = 0; i < unit.Members.Count; i++)
                {
                    var member = unit.Members[i];
                    if (i > 0)
                    {
                        writer.Line();
                    }

                    writer.Line($"/// <summary><c>{CSharp.Escape(member.WireName)}</c></summary>");
                    writer.Line($"[global::MeshDsl.MeshEnumValue({Identifiers.Literal(member.WireName)})]");
                    writer.Line(member.Name + ",");
                }
            }
        }

        return writer.ToString();
    }
}

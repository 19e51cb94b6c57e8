using System.Collections.Generic;
using System.Linq;
using MeshDsl.Generator.Common;
using MeshDsl.Generator.Diagnostics;
using MeshDsl.Generator.Input;
using MeshDsl.Generator.Parse;

namespace MeshDsl.Generator.Map;

internal sealed record NamingEntry(string Group, string Kind, string Path, string Name);

/// <summary>
/// Type names by schema path, from naming-table AdditionalFiles (for Istio: the message names of istio/api's
/// .proto files). A path with no entry gets a path-based name.
/// </summary>
internal sealed record NamingTable(EquatableArray<NamingEntry> Entries, EquatableArray<DiagnosticSpec> Diagnostics)
{
    public static NamingTable Empty { get; } = new(EquatableArray<NamingEntry>.Empty, EquatableArray<DiagnosticSpec>.Empty);

    public Dictionary<string, string> ForKind(string group, string kind) =>
        Entries.Where(e => e.Group == group && e.Kind == kind)
            .GroupBy(e => e.Path)
            .ToDictionary(g => g.Key, g => g.First().Name);

    public static NamingTable Read(IEnumerable<NamingTableFile> files)
    {
        var entries = new List<NamingEntry>();
        var diagnostics = new List<DiagnosticSpec>();
        foreach (var file in files)
        {
            try
            {
                ReadFile(file, entries, diagnostics);
            }
            catch (YamlReadException exception)
            {
                diagnostics.Add(DiagnosticSpec.Create(DiagnosticIds.InvalidNamingTable, file.Path, exception.Line, exception.Column, exception.Message));
            }
        }

        return new NamingTable(entries.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    // Shape: a list of { group, kind, names: { path: Name } }.
    private static void ReadFile(NamingTableFile file, List<NamingEntry> entries, List<DiagnosticSpec> diagnostics)
    {
        var root = YamlTreeReader.Read(file.Text, 1);
        if (root is null)
        {
            return;
        }

        if (root is not YamlSequence sequence)
        {
            diagnostics.Add(DiagnosticSpec.Create(DiagnosticIds.InvalidNamingTable, file.Path, root.Line, root.Column, "The naming table must be a list of { group, kind, names } entries"));
            return;
        }

        foreach (var item in sequence.Items)
        {
            var group = (item as YamlMap)?.GetString("group");
            var kind = (item as YamlMap)?.GetString("kind");
            if (group is null || kind is null || (item as YamlMap)?.Get("names") is not YamlMap names)
            {
                diagnostics.Add(DiagnosticSpec.Create(DiagnosticIds.InvalidNamingTable, file.Path, item.Line, item.Column, "An entry needs 'group', 'kind' and a 'names' map of schema path to type name"));
                continue;
            }

            foreach (var name in names.Entries)
            {
                if (name.Value is YamlScalar value && value.Value.Length > 0)
                {
                    entries.Add(new NamingEntry(group, kind, name.Key.Value, value.Value));
                }
            }
        }
    }
}

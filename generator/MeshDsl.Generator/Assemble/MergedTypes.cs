using System.Collections.Generic;
using System.Linq;
using MeshDsl.Generator.Common;
using MeshDsl.Generator.Map;

namespace MeshDsl.Generator.Assemble;

/// <summary>A final type: one or more occurrences (across kinds and paths) sharing a key and a name.</summary>
internal sealed class MergedType
{
    public MergedType(string @namespace, string name, TypeOccurrence first, KindModel kind, OccurrenceLocation firstLine)
    {
        Namespace = @namespace;
        Name = name;
        First = first;
        FirstLine = firstLine;
        Kinds.Add(kind);
        BuilderName = name + "Builder";
    }

    public string Namespace { get; }

    public string Name { get; private set; }

    public string BuilderName { get; private set; }

    public TypeOccurrence First { get; }

    public OccurrenceLocation FirstLine { get; }

    public bool IsEnum => First.IsEnum;

    public List<KindModel> Kinds { get; } = new();

    public SortedSet<string> Paths { get; } = new(System.StringComparer.Ordinal);

    public string FullName => "global::" + Namespace + "." + Name;

    public string BuilderFullName => "global::" + Namespace + "." + BuilderName;

    public void Rename(string name, string builderName)
    {
        Name = name;
        BuilderName = builderName;
    }
}

internal sealed record OccurrenceLocation(string FilePath, string Path, int Line, int Column);

/// <summary>The merged types, and the lookup from a (namespace, key, proposed name) reference to its type.</summary>
internal sealed class MergedTypes
{
    private readonly Dictionary<(string Namespace, string Key, string Name), MergedType> _byReference = new();
    private readonly Dictionary<(string Namespace, string Key, string Name), MergedType> _byFinal = new();

    public List<MergedType> Types { get; } = new();

    public void Add(string @namespace, KindMapping kind, TypeOccurrence occurrence, string name)
    {
        if (!_byFinal.TryGetValue((@namespace, occurrence.Key, name), out var type))
        {
            var line = kind.Lines.FirstOrDefault(l => l.Key == occurrence.Key && l.ProposedName == occurrence.ProposedName);
            var location = new OccurrenceLocation(kind.FilePath, line?.Path ?? occurrence.Paths.FirstOrDefault() ?? string.Empty, line?.Line ?? 1, line?.Column ?? 1);
            type = new MergedType(@namespace, name, occurrence, kind.Model!, location);
            _byFinal.Add((@namespace, occurrence.Key, name), type);
            Types.Add(type);
        }
        else if (!type.Kinds.Contains(kind.Model!))
        {
            type.Kinds.Add(kind.Model!);
        }

        foreach (var path in occurrence.Paths)
        {
            type.Paths.Add(path);
        }

        _byReference[(@namespace, occurrence.Key, occurrence.ProposedName)] = type;
    }

    public MergedType TypeOf(string @namespace, TypeRef reference) => _byReference[(@namespace, reference.TypeKey!, reference.ProposedName!)];

    public ResolvedType Resolve(string @namespace, TypeRef reference)
    {
        switch (reference.Kind)
        {
            case TypeRefKind.Scalar:
                return new ResolvedType(TypeRefKind.Scalar, reference.Scalar!, null, reference.Writer, null);
            case TypeRefKind.List:
            case TypeRefKind.Map:
                var element = Resolve(@namespace, reference.Element!);
                return new ResolvedType(reference.Kind, string.Empty, null, ScalarWriter.Plain, element);
            default:
                var type = TypeOf(@namespace, reference);
                return new ResolvedType(reference.Kind, type.FullName, type.IsEnum ? null : type.BuilderFullName, ScalarWriter.Plain, null);
        }
    }
}

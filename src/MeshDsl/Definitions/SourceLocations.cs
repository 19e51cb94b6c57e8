using System.Collections.Generic;
using MeshDsl.Documents;

namespace MeshDsl;

/// <summary>
/// Where an object and each of its fields were set in C#. Generated builders record it (the compiler fills in
/// the caller's file and line); <c>ToDocument()</c> copies it onto the document nodes, so an emit-time or
/// validation error can point at the line that set the bad value.
/// </summary>
public sealed class SourceLocations
{
    private Dictionary<string, SourceLocation>? _fields;

    /// <summary>Where the object itself was created, if recorded.</summary>
    public SourceLocation? Object { get; private set; }

    /// <summary>Where <paramref name="wireName"/> was last set, if recorded.</summary>
    public SourceLocation? Field(string wireName) => _fields is not null && _fields.TryGetValue(wireName, out var at) ? at : null;

    /// <summary>Records that <paramref name="target"/>'s field <paramref name="wireName"/> was set at <paramref name="sourceFile"/>:<paramref name="sourceLine"/>.</summary>
    public static void Record(ISourceLocated target, string wireName, int sourceLine, string sourceFile)
    {
        if (sourceFile.Length == 0)
        {
            return;
        }

        var locations = target.Locations;
        (locations._fields ??= new Dictionary<string, SourceLocation>())[wireName] = new SourceLocation(sourceFile, sourceLine);
    }

    /// <summary>Records where <paramref name="target"/> was created, unless already known.</summary>
    public static void RecordObject(ISourceLocated target, int sourceLine, string sourceFile)
    {
        if (sourceFile.Length > 0 && target.Locations.Object is null)
        {
            target.Locations.Object = new SourceLocation(sourceFile, sourceLine);
        }
    }

    /// <summary>Copies recorded locations onto <paramref name="map"/> (the object's) and its entries (the fields').</summary>
    public static void Apply(SourceLocations? locations, DocumentMap map)
    {
        if (locations is null)
        {
            return;
        }

        map.DeclaredAt ??= locations.Object;
        if (locations._fields is null)
        {
            return;
        }

        foreach (var entry in map)
        {
            if (locations._fields.TryGetValue(entry.Key, out var at))
            {
                entry.Value.DeclaredAt = at;
            }
        }
    }
}

/// <summary>A generated model that remembers where its fields were set (implemented explicitly, so it never clashes with a field).</summary>
public interface ISourceLocated
{
    /// <summary>The object's recorded locations.</summary>
    SourceLocations Locations { get; }
}

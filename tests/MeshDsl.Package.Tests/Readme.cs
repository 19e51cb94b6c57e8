using System;
using System.IO;
using System.Linq;
using MeshDsl.Testing;

namespace MeshDsl.Package.Tests;

/// <summary>The README's quickstart, read from README.md so the tests build exactly what a reader copies.</summary>
internal static class Readme
{
    public const string Section = "## Install";

    /// <summary>The first ```csharp block under the Install heading: a complete file for a new console project.</summary>
    public static string QuickstartFile()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md"));
        var section = Array.IndexOf(lines, Section);
        var start = section < 0 ? -1 : Array.FindIndex(lines, section, l => l.Trim() == "```csharp");
        var end = start < 0 ? -1 : Array.FindIndex(lines, start + 1, l => l.Trim() == "```");
        if (end < 0)
        {
            throw new InvalidOperationException($"README.md has no ```csharp block under '{Section}'; the package tests build that block as Mesh.cs of a new console project.");
        }

        return string.Join("\n", lines.Skip(start + 1).Take(end - start - 1)) + "\n";
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace MeshDsl.Emission;

/// <summary>What a write changed in the output folder.</summary>
public sealed record FolderWriteResult(IReadOnlyList<string> Written, IReadOnlyList<string> Unchanged, IReadOnlyList<string> Removed);

/// <summary>
/// Writes rendered manifests into a folder without ever leaving a half-written file: each file is written
/// to a temporary file in a staging folder and renamed into place; files this tool wrote before and no
/// longer produces are removed; files it did not write are never touched. The list of files it wrote is kept
/// in <c>.meshdsl-files</c>.
/// </summary>
public static class ManifestFolder
{
    /// <summary>The file listing what the last write produced.</summary>
    public const string StateFile = ".meshdsl-files";

    /// <summary>In the staging folder: what a run may write, recorded before it writes.</summary>
    public const string PendingFile = "pending";

    /// <summary>Where files are written before they are renamed into place.</summary>
    public const string StagingFolder = ".meshdsl-staging";

    /// <summary>Writes <paramref name="files"/> (name → content) into <paramref name="directory"/>.</summary>
    public static FolderWriteResult Write(string directory, IReadOnlyList<KeyValuePair<string, string>> files)
    {
        Directory.CreateDirectory(directory);
        var staging = Path.Combine(directory, StagingFolder);

        // What this tool wrote: the last complete run's list, plus what a run that stopped part-way meant to write.
        var previous = ReadList(Path.Combine(directory, StateFile)).Concat(ReadList(Path.Combine(staging, PendingFile))).Distinct(StringComparer.Ordinal).ToList();
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true); // what a killed run left behind
        }

        Directory.CreateDirectory(staging);
        var produced = files.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);

        // Before writing anything, record what may be written, so a run that stops part-way leaves no file unrecorded.
        // The state file itself is written only at the end: it marks a complete run for MSBuild's incremental check.
        File.WriteAllText(Path.Combine(staging, PendingFile), string.Join("\n", previous.Concat(produced).Distinct(StringComparer.Ordinal)) + "\n");
        var written = new List<string>();
        var unchanged = new List<string>();
        foreach (var (name, content) in files)
        {
            var target = Path.Combine(directory, name);
            var bytes = Encoding.UTF8.GetBytes(content);
            if (File.Exists(target) && File.ReadAllBytes(target).AsSpan().SequenceEqual(bytes))
            {
                unchanged.Add(name);
                continue;
            }

            var temporary = Path.Combine(staging, name);
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, target, overwrite: true);
            written.Add(name);
        }

        var removed = previous.Where(name => !produced.Contains(name) && File.Exists(Path.Combine(directory, name))).ToList();
        foreach (var name in removed)
        {
            File.Delete(Path.Combine(directory, name));
        }

        var state = Path.Combine(staging, StateFile);
        File.WriteAllText(state, string.Join("\n", produced.OrderBy(n => n, StringComparer.Ordinal)) + "\n");
        File.Move(state, Path.Combine(directory, StateFile), overwrite: true);
        Directory.Delete(staging, recursive: true);
        return new FolderWriteResult(written, unchanged, removed);
    }

    private static IReadOnlyList<string> ReadList(string path)
    {
        return File.Exists(path)
            ? File.ReadAllLines(path).Where(line => line.Length > 0 && !line.Contains('/') && !line.Contains('\\') && line != StateFile).ToList()
            : Array.Empty<string>();
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MeshDsl.Emission;
using Xunit;
using Xunit.Abstractions;

namespace MeshDsl.Tests;

public sealed class ManifestFolderTests : IDisposable
{
    private static readonly DateTime LongAgo = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "meshdsl-folder-tests-" + Guid.NewGuid().ToString("N"));
    private readonly ITestOutputHelper _output;

    public ManifestFolderTests(ITestOutputHelper output) => _output = output;

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void The_first_write_writes_every_file_and_records_them()
    {
        var files = Files(("a.yaml", "a: 1\n"), ("b.yaml", "b: 2\n"), ("kustomization.yaml", "resources:\n- a.yaml\n- b.yaml\n"));

        var result = ManifestFolder.Write(_folder, files);

        Assert.Equal(new[] { "a.yaml", "b.yaml", "kustomization.yaml" }, result.Written);
        Assert.Empty(result.Unchanged);
        Assert.Empty(result.Removed);
        foreach (var (name, content) in files)
        {
            Assert.Equal(content, File.ReadAllText(Path.Combine(_folder, name)));
        }

        Assert.Equal("a.yaml\nb.yaml\nkustomization.yaml\n", File.ReadAllText(Path.Combine(_folder, ManifestFolder.StateFile)));
        Assert.False(Directory.Exists(Path.Combine(_folder, ManifestFolder.StagingFolder)));
    }

    [Fact]
    public void Writing_the_same_files_again_writes_none_and_leaves_their_times_alone()
    {
        var files = Files(("a.yaml", "a: 1\n"), ("b.yaml", "b: 2\n"));
        ManifestFolder.Write(_folder, files);
        foreach (var (name, _) in files)
        {
            File.SetLastWriteTimeUtc(Path.Combine(_folder, name), LongAgo);
        }

        var result = ManifestFolder.Write(_folder, files);

        Assert.Empty(result.Written);
        Assert.Equal(new[] { "a.yaml", "b.yaml" }, result.Unchanged);
        Assert.Empty(result.Removed);
        foreach (var (name, _) in files)
        {
            Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(Path.Combine(_folder, name)));
        }
    }

    [Fact]
    public void Only_changed_files_are_rewritten()
    {
        ManifestFolder.Write(_folder, Files(("a.yaml", "a: 1\n"), ("b.yaml", "b: 2\n")));
        File.SetLastWriteTimeUtc(Path.Combine(_folder, "a.yaml"), LongAgo);

        var result = ManifestFolder.Write(_folder, Files(("a.yaml", "a: 1\n"), ("b.yaml", "b: 3\n")));

        Assert.Equal(new[] { "b.yaml" }, result.Written);
        Assert.Equal(new[] { "a.yaml" }, result.Unchanged);
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(Path.Combine(_folder, "a.yaml")));
        Assert.Equal("b: 3\n", File.ReadAllText(Path.Combine(_folder, "b.yaml")));
    }

    [Fact]
    public void A_file_no_longer_produced_is_removed()
    {
        ManifestFolder.Write(_folder, Files(("a.yaml", "a: 1\n"), ("b.yaml", "b: 2\n")));

        var result = ManifestFolder.Write(_folder, Files(("a.yaml", "a: 1\n")));

        Assert.Equal(new[] { "b.yaml" }, result.Removed);
        Assert.False(File.Exists(Path.Combine(_folder, "b.yaml")));
        Assert.True(File.Exists(Path.Combine(_folder, "a.yaml")));
        Assert.Equal("a.yaml\n", File.ReadAllText(Path.Combine(_folder, ManifestFolder.StateFile)));
    }

    [Fact]
    public void Foreign_files_are_never_removed_or_modified()
    {
        Directory.CreateDirectory(_folder);
        var notes = Path.Combine(_folder, "notes.yaml");
        var nested = Path.Combine(_folder, "hand-written", "extra.yaml");
        File.WriteAllText(notes, "hand: written\n");
        Directory.CreateDirectory(Path.GetDirectoryName(nested)!);
        File.WriteAllText(nested, "also: mine\n");
        File.SetLastWriteTimeUtc(notes, LongAgo);

        ManifestFolder.Write(_folder, Files(("a.yaml", "a: 1\n")));
        ManifestFolder.Write(_folder, Files(("b.yaml", "b: 1\n")));
        var result = ManifestFolder.Write(_folder, Files());

        Assert.Equal(new[] { "b.yaml" }, result.Removed);
        Assert.Equal("hand: written\n", File.ReadAllText(notes));
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(notes));
        Assert.Equal("also: mine\n", File.ReadAllText(nested));
        Assert.Equal(new[] { "hand-written", "notes.yaml" }, Directory.EnumerateFileSystemEntries(_folder).Select(Path.GetFileName).Where(n => n != ManifestFolder.StateFile).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void A_state_file_naming_paths_outside_the_folder_removes_nothing_outside_it()
    {
        var outside = Path.Combine(Path.GetTempPath(), "meshdsl-outside-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(outside, "keep: me\n");
        try
        {
            Directory.CreateDirectory(_folder);
            File.WriteAllText(Path.Combine(_folder, ManifestFolder.StateFile), $"../{Path.GetFileName(outside)}\n{outside}\n{ManifestFolder.StateFile}\n");

            var result = ManifestFolder.Write(_folder, Files(("a.yaml", "a: 1\n")));

            Assert.Empty(result.Removed);
            Assert.True(File.Exists(outside));
            Assert.True(File.Exists(Path.Combine(_folder, ManifestFolder.StateFile)));
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public void A_staging_folder_left_by_a_killed_run_is_cleaned_up()
    {
        var staging = Path.Combine(_folder, ManifestFolder.StagingFolder);
        Directory.CreateDirectory(Path.Combine(staging, "deeper"));
        File.WriteAllText(Path.Combine(staging, "a.yaml"), "half: wri");
        File.WriteAllText(Path.Combine(staging, "deeper", "x"), "x");

        var result = ManifestFolder.Write(_folder, Files(("a.yaml", "a: 1\n")));

        Assert.Equal(new[] { "a.yaml" }, result.Written);
        Assert.False(Directory.Exists(staging));
        Assert.Equal("a: 1\n", File.ReadAllText(Path.Combine(_folder, "a.yaml")));
    }

    // KNOWN SRC BUG (kept failing on purpose): the state file is written only after every file, so a run that stops
    // part-way (killed, disk full, a file it cannot replace) leaves files it wrote unrecorded; once they are no longer
    // produced they are never removed. Here a foreign folder named like the second file makes the run throw after it
    // wrote b.yaml.
    [Fact]
    public void Files_written_by_a_run_that_failed_part_way_are_still_removed_once_no_longer_produced()
    {
        ManifestFolder.Write(_folder, Files(("a.yaml", "a: 1\n")));
        var blocker = Path.Combine(_folder, "c.yaml");
        Directory.CreateDirectory(blocker);

        Assert.ThrowsAny<IOException>(() => ManifestFolder.Write(_folder, Files(("b.yaml", "b: 1\n"), ("c.yaml", "c: 1\n"))));
        Assert.True(File.Exists(Path.Combine(_folder, "b.yaml"))); // written before the failure
        Directory.Delete(blocker);

        var result = ManifestFolder.Write(_folder, Files(("d.yaml", "d: 1\n")));

        Assert.Contains("a.yaml", result.Removed);
        Assert.False(File.Exists(Path.Combine(_folder, "b.yaml")), "b.yaml was written by MeshDsl and is no longer produced, but it was never recorded, so it stays forever");
    }

    [Fact]
    public async Task Readers_never_see_a_partly_written_file_while_a_large_write_runs()
    {
        // 1,000 files of about 3 KB; the second write changes every one of them. (Creating a file costs 0.5-0.9 ms
        // on the 2-core CI machine's disk, so 3,000 files would take over 5 s for the two writes alone.)
        const int count = 1_000;
        var names = Enumerable.Range(0, count).Select(i => $"50-destinationrule.ns{i % 7}.svc-{i:D4}.yaml").ToList();
        var before = names.ToDictionary(n => n, n => Manifest(n, "v1", 60));
        var after = names.ToDictionary(n => n, n => Manifest(n, "v2", 75)); // longer, so a truncated 'after' is never a whole 'before'
        foreach (var name in names.Take(5))
        {
            YamlOracle.ParseSingle(before[name]);
            YamlOracle.ParseSingle(after[name]);
        }

        ManifestFolder.Write(_folder, names.Select(n => new KeyValuePair<string, string>(n, before[n])).ToList());

        var writer = Task.Factory.StartNew(
            () => ManifestFolder.Write(_folder, names.Select(n => new KeyValuePair<string, string>(n, after[n])).ToList()),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        var snapshots = 0;
        var mixed = 0;
        var problems = new List<string>();
        while (!writer.IsCompleted && problems.Count == 0)
        {
            snapshots++;
            int seenBefore = 0, seenAfter = 0;
            foreach (var name in names)
            {
                // Open by path: a rename swaps the whole file, so the reader gets the old or the new one.
                string text;
                try
                {
                    text = File.ReadAllText(Path.Combine(_folder, name));
                }
                catch (IOException e)
                {
                    problems.Add($"{name}: {e.GetType().Name}: {e.Message}");
                    break;
                }

                if (text == before[name])
                {
                    seenBefore++;
                }
                else if (text == after[name])
                {
                    seenAfter++;
                }
                else
                {
                    problems.Add($"{name}: neither the old nor the new content ({text.Length} chars)");
                    break;
                }

                if (seenAfter > 0 && (seenAfter + seenBefore) % 250 == 0)
                {
                    YamlOracle.ParseSingle(text); // complete YAML, not just equal text
                }
            }

            // No temporary file ever shows up among the manifests.
            foreach (var path in Directory.EnumerateFiles(_folder, "*.yaml"))
            {
                if (!before.ContainsKey(Path.GetFileName(path)))
                {
                    problems.Add($"unexpected file {Path.GetFileName(path)}");
                }
            }

            mixed += seenBefore > 0 && seenAfter > 0 ? 1 : 0;
        }

        var result = await writer;
        Assert.Empty(problems);
        Assert.Equal(count, result.Written.Count);
        Assert.True(snapshots >= 1, "no snapshot was taken while the write ran");
        Assert.All(names, n => Assert.Equal(after[n], File.ReadAllText(Path.Combine(_folder, n))));
        Assert.False(Directory.Exists(Path.Combine(_folder, ManifestFolder.StagingFolder)));
        // How many snapshots caught the write half-way is timing-dependent, so it is reported, not asserted.
        _output.WriteLine($"{snapshots} snapshots while the write ran, {mixed} of them saw old and new files side by side");
    }

    private static IReadOnlyList<KeyValuePair<string, string>> Files(params (string Name, string Content)[] files) =>
        files.Select(f => new KeyValuePair<string, string>(f.Name, f.Content)).ToList();

    private static string Manifest(string name, string version, int lines)
    {
        var text = new StringBuilder($"apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: {Path.GetFileNameWithoutExtension(name)}\n  labels:\n    revision: {version}\nspec:\n  subsets:\n");
        for (var i = 0; i < lines; i++)
        {
            text.Append($"  - name: subset-{version}-{i:D3}\n    labels:\n      v: \"{i}\"\n");
        }

        return text.ToString();
    }
}

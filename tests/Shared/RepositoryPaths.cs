using System;
using System.IO;

namespace MeshDsl.Testing;

/// <summary>
/// Where tests find the repository and the read-in-place inputs beside it (../shared). Linked into each
/// test project as source.
/// </summary>
internal static class RepositoryPaths
{
    /// <summary>The directory holding MeshDsl.sln, found by walking up from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path under ../shared, beside the repository.</summary>
    public static string Shared(params string[] parts) => Path.GetFullPath(Path.Combine(Root, "..", "shared", Path.Combine(parts)));

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MeshDsl.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("MeshDsl.sln not found above " + AppContext.BaseDirectory);
    }
}

using System;
using System.IO;

namespace MeshDsl.Validation.Tests;

internal static class Paths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Shared(params string[] parts) => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", Path.Combine(parts)));

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

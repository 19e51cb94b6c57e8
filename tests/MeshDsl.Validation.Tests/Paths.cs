using System;
using System.IO;

namespace MeshDsl.Validation.Tests;

internal static class Paths
{
    public static string RepositoryRoot => MeshDsl.Testing.RepositoryPaths.Root;

    public static string Shared(params string[] parts) => MeshDsl.Testing.RepositoryPaths.Shared(parts);
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using MeshDsl.Emission;

namespace MeshDsl.Cli;

/// <summary>
/// Loads a built assembly with its own dependencies (from its .deps.json, as dotnet-getdocument does) and
/// runs every <see cref="IMeshDefinition"/> in it. MeshDsl and the libraries its types expose are shared
/// with the tool, so the definitions and the tool agree on <see cref="IMeshDefinition"/>.
/// </summary>
internal static class DefinitionRunner
{
    private static readonly HashSet<string> Shared = new(StringComparer.OrdinalIgnoreCase) { "MeshDsl", "KubernetesClient", "YamlDotNet", "Fractions" };

    public static MeshSet Run(string assemblyPath)
    {
        var set = new MeshSet();
        var context = new DefinitionLoadContext(assemblyPath);
        Assembly assembly;
        Type[] types;
        try
        {
            assembly = context.LoadFromAssemblyPath(assemblyPath);
            types = assembly.GetTypes();
        }
        catch (Exception exception) when (exception is BadImageFormatException or FileLoadException or FileNotFoundException or ReflectionTypeLoadException)
        {
            set.Errors.Add(new EmitError("MESH0104", $"Cannot load '{assemblyPath}' and its dependencies: {exception.Message}", null));
            return set;
        }

        var definitions = types
            .Where(t => t.IsClass && !t.IsAbstract && t.IsPublic && typeof(IMeshDefinition).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in definitions)
        {
            try
            {
                var definition = (IMeshDefinition)Activator.CreateInstance(type)!;
                definition.Define(set);
            }
            catch (Exception exception)
            {
                var thrown = exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
                set.Errors.Add(new EmitError("MESH0103", $"{type.FullName}.Define threw {thrown.GetType().Name}: {thrown.Message}", UserFrame(thrown, assembly)));
            }
        }

        return set;
    }

    // The innermost frame of the user's own code, so the error points at their line, not ours.
    private static SourceLocation? UserFrame(Exception exception, Assembly user)
    {
        var frames = new StackTrace(exception, fNeedFileInfo: true).GetFrames();
        var frame = frames.FirstOrDefault(f => f.GetMethod()?.DeclaringType?.Assembly == user && f.GetFileName() is not null);
        return frame is null ? null : new SourceLocation(frame.GetFileName()!, frame.GetFileLineNumber());
    }

    private sealed class DefinitionLoadContext : AssemblyLoadContext
    {
        private readonly AssemblyDependencyResolver _resolver;

        public DefinitionLoadContext(string assemblyPath)
            : base("MeshDsl definitions", isCollectible: false) => _resolver = new AssemblyDependencyResolver(assemblyPath);

        protected override Assembly? Load(AssemblyName name)
        {
            if (name.Name is not null && Shared.Contains(name.Name))
            {
                return null; // the tool's copy
            }

            var path = _resolver.ResolveAssemblyToPath(name);
            return path is null ? null : LoadFromAssemblyPath(path);
        }

        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
        {
            var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
            return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
        }
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace MeshDsl.Cli.Import;

/// <summary>
/// A property of a KubernetesClient model: its wire name (<c>[JsonPropertyName]</c>), C# name, type, and place in the
/// model (the order the serializer writes, which imported initializers follow).
/// </summary>
internal sealed record ModelProperty(string WireName, string Name, Type Type, int Order)
{
    /// <summary>A value type that cannot be null (<c>int Port</c>): the serializer writes it even when never set.</summary>
    public bool AlwaysWritten => Type.IsValueType && Nullable.GetUnderlyingType(Type) is null;
}

/// <summary>
/// KubernetesClient's models (<c>k8s.Models</c>) indexed by reflection: (apiVersion, kind) → the model of an object
/// <c>mesh.Add</c> takes (an <c>IKubernetesObject&lt;V1ObjectMeta&gt;</c> with <c>KubeGroup</c>, <c>KubeApiVersion</c>
/// and <c>KubeKind</c>); model → wire name → property. Built on first use: importing Istio YAML alone never reads them.
/// </summary>
internal sealed class KubernetesModelCatalog
{
    private readonly Assembly _assembly;
    private readonly Lazy<Dictionary<(string ApiVersion, string Kind), Type>> _kinds;
    private readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, ModelProperty>> _properties = new();

    private KubernetesModelCatalog(Assembly assembly)
    {
        _assembly = assembly;
        _kinds = new Lazy<Dictionary<(string, string), Type>>(IndexKinds);
    }

    /// <summary>The models of the KubernetesClient MeshDsl is built with.</summary>
    public static KubernetesModelCatalog Client { get; } = new(typeof(V1Service).Assembly);

    /// <summary>The model of (apiVersion, kind), or null when KubernetesClient has none.</summary>
    public Type? Model(string apiVersion, string kind) => _kinds.Value.GetValueOrDefault((apiVersion, kind));

    /// <summary>A class of KubernetesClient's models whose properties carry wire names (not IntOrString or ResourceQuantity).</summary>
    public bool IsModel(Type type) => type.Assembly == _assembly && type.IsClass && Properties(type).Count > 0;

    /// <summary>The model's properties by wire name.</summary>
    public IReadOnlyDictionary<string, ModelProperty> Properties(Type model) => _properties.GetOrAdd(model, ReadProperties);

    private static IReadOnlyDictionary<string, ModelProperty> ReadProperties(Type model) =>
        model.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.MetadataToken)
            .Select((p, i) => (Property: p, Wire: p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name, Order: i))
            .Where(p => p.Wire is not null)
            .ToDictionary(p => p.Wire!, p => new ModelProperty(p.Wire!, p.Property.Name, p.Property.PropertyType, p.Order), StringComparer.Ordinal);

    private Dictionary<(string, string), Type> IndexKinds()
    {
        var kinds = new Dictionary<(string, string), Type>();
        foreach (var type in _assembly.GetExportedTypes().Where(t => t.IsClass && !t.IsAbstract && typeof(IKubernetesObject<V1ObjectMeta>).IsAssignableFrom(t)))
        {
            if (KubernetesTypeMeta.Of(type) is { } meta)
            {
                kinds.TryAdd(meta, type);
            }
        }

        return kinds;
    }
}

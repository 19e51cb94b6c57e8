using System;
using System.Collections.Generic;
using System.Reflection;
using MeshDsl.Documents;

namespace MeshDsl;

/// <summary>
/// The wire strings of a generated enum, read once from its <see cref="MeshEnumValueAttribute"/>s.
/// </summary>
public static class EnumWireNames<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> ToWireMap = new();
    private static readonly Dictionary<string, TEnum> FromWireMap = new(StringComparer.Ordinal);

    static EnumWireNames()
    {
        foreach (var field in typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var value = (TEnum)field.GetValue(null)!;
            var wire = field.GetCustomAttribute<MeshEnumValueAttribute>()?.Value ?? field.Name;
            ToWireMap[value] = wire;
            FromWireMap[wire] = value;
        }
    }

    /// <summary>The exact string Kubernetes expects for <paramref name="value"/>.</summary>
    public static string ToWire(TEnum value) =>
        ToWireMap.TryGetValue(value, out var wire) ? wire : throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(TEnum).Name} has no member with this value.");

    /// <summary>The member whose wire string is <paramref name="wire"/>, if any.</summary>
    public static bool TryFromWire(string wire, out TEnum value) => FromWireMap.TryGetValue(wire, out value);
}

using System;
using System.Reflection;

namespace MeshDsl;

/// <summary>
/// The apiVersion and kind of a KubernetesClient model type, from its <c>KubeGroup</c>, <c>KubeApiVersion</c> and
/// <c>KubeKind</c> constants (<c>V1Deployment</c>: <c>apps/v1</c>, <c>Deployment</c>). The models leave both empty on
/// their instances unless set; emission fills them in, and <c>meshdsl import</c> finds a model by them.
/// </summary>
internal static class KubernetesTypeMeta
{
    /// <summary>The model's apiVersion and kind; null for a type without the constants (a nested object's model).</summary>
    public static (string ApiVersion, string Kind)? Of(Type model)
    {
        if (Constant(model, "KubeKind") is not { } kind || Constant(model, "KubeApiVersion") is not { } version)
        {
            return null;
        }

        return (Constant(model, "KubeGroup") is { Length: > 0 } group ? group + "/" + version : version, kind);
    }

    private static string? Constant(Type type, string name) => type.GetField(name, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string;
}

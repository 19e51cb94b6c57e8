using System.Collections.Generic;
using System.Linq;
using MeshDsl.Documents;

namespace MeshDsl.Analysis.Rules;

/// <summary>
/// The pods a set declares, per namespace, and the ports they are sent traffic on: the container ports of the pod
/// templates (Deployments, StatefulSets, DaemonSets) and the target ports of the core Services whose selectors may
/// pick them. Nothing is told about a namespace where some template or Service is not wholly known.
/// </summary>
internal sealed class DeclaredWorkloads
{
    private const string AnyNamespace = "*";

    private readonly List<Template> _templates = new();
    private readonly List<Service> _services = new();
    private readonly HashSet<string> _notKnown = new(System.StringComparer.Ordinal);

    public static DeclaredWorkloads From(IReadOnlyList<AnalyzedResource> resources, AnalysisContext context)
    {
        var declared = new DeclaredWorkloads();
        foreach (var resource in resources)
        {
            var ns = KnownFields.Namespace(resource, context);
            if (PodTemplates.Of(resource, context) is { } pod)
            {
                var labels = Labels.Known(context, context.Map(context.Map(pod, "metadata"), "labels"));
                if (ns is not null && labels is not null && ContainerPorts(pod, context) is { } ports)
                {
                    declared._templates.Add(new Template(resource, ns, labels, ports));
                }
                else
                {
                    declared._notKnown.Add(ns ?? AnyNamespace);
                }
            }
            else if (resource.Kind == "Service" && resource.ApiVersion == "v1" && !context.IsAbsent(resource.Spec, "selector"))
            {
                // A Service without a selector picks no pods (its endpoints are written by hand).
                var selector = Labels.Known(context, context.Map(resource.Spec, "selector"));
                if (ns is not null && selector is not null && TargetPorts(resource.Spec, context) is { } ports)
                {
                    declared._services.Add(new Service(resource, ns, selector, ports));
                }
                else
                {
                    declared._notKnown.Add(ns ?? AnyNamespace);
                }
            }
        }

        return declared;
    }

    /// <summary>
    /// The ports the pods <paramref name="selector"/> picks in <paramref name="ns"/> are sent traffic on, and the
    /// resources that say so; null when the namespace holds something not known, or a Service targets a port by a name no
    /// container it selects declares. A Service counts when its selector may pick one of those pods, so the list errs long.
    /// </summary>
    public (HashSet<long> Ports, List<AnalyzedResource> Sources)? PortsOf(string ns, IReadOnlyDictionary<string, string> selector)
    {
        if (_notKnown.Contains(ns) || _notKnown.Contains(AnyNamespace))
        {
            return null;
        }

        var ports = new HashSet<long>();
        var sources = new List<AnalyzedResource>();
        foreach (var template in _templates.Where(t => t.Namespace == ns && Labels.Selects(selector, t.Labels)))
        {
            ports.UnionWith(template.Ports.Select(p => p.Number));
            sources.Add(template.Resource);
        }

        foreach (var service in _services.Where(s => s.Namespace == ns && Labels.Overlap(selector, s.Selector)))
        {
            foreach (var (name, number) in service.TargetPorts)
            {
                var resolved = number is { } known ? new List<long> { known } : NamedPort(service, name!);
                if (resolved.Count == 0)
                {
                    return null;
                }

                ports.UnionWith(resolved);
            }

            sources.Add(service.Resource);
        }

        return (ports, sources);
    }

    // The numbers the declared templates a Service selects give a port name.
    private List<long> NamedPort(Service service, string name) => _templates
        .Where(t => t.Namespace == service.Namespace && Labels.Selects(service.Selector, t.Labels))
        .SelectMany(t => t.Ports.Where(p => p.Name == name).Select(p => p.Number))
        .ToList();

    // Every container's ports (containerPort and name); null when a container or a port is not known.
    private static List<(string? Name, long Number)>? ContainerPorts(DocumentMap pod, AnalysisContext context)
    {
        if (KnownFields.ClosedMaps(context, context.Map(pod, "spec"), "containers") is not { } containers)
        {
            return null;
        }

        var ports = new List<(string?, long)>();
        foreach (var container in containers)
        {
            if (KnownFields.ClosedMaps(context, container, "ports") is not { } items)
            {
                return null;
            }

            foreach (var port in items)
            {
                if (context.Integer(port, "containerPort") is not { } number)
                {
                    return null;
                }

                ports.Add((context.Text(port, "name"), number));
            }
        }

        return ports;
    }

    // Each Service port's target: targetPort as a number or a name, its port when unset; null when one is not known.
    private static List<(string? Name, long? Number)>? TargetPorts(DocumentMap? spec, AnalysisContext context)
    {
        if (KnownFields.ClosedMaps(context, spec, "ports") is not { } items)
        {
            return null;
        }

        var ports = new List<(string?, long?)>();
        foreach (var port in items)
        {
            (string? Name, long? Number) target = context.IsAbsent(port, "targetPort")
                ? (null, context.Integer(port, "port"))
                : (context.Text(port, "targetPort"), context.Integer(port, "targetPort"));
            if (target.Name is null && target.Number is null)
            {
                return null;
            }

            ports.Add(target);
        }

        return ports;
    }

    private sealed record Template(AnalyzedResource Resource, string Namespace, Dictionary<string, string> Labels, List<(string? Name, long Number)> Ports);

    private sealed record Service(AnalyzedResource Resource, string Namespace, Dictionary<string, string> Selector, List<(string? Name, long? Number)> TargetPorts);
}

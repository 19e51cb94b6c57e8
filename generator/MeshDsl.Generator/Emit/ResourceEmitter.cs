using System.Collections.Generic;
using MeshDsl.Generator.Assemble;
using MeshDsl.Generator.Common;

namespace MeshDsl.Generator.Emit;

/// <summary>Emits a served version's resource class and a kind's resource builder.</summary>
internal static class ResourceEmitter
{
    private static readonly HashSet<string> MetadataMembers = new() { "Namespace", "Metadata" };

    // produces:
    //   [global::MeshDsl.MeshResource("networking.istio.io", "v1", "VirtualService", "virtualservices")]
    //   public sealed partial class VirtualService : global::MeshDsl.MeshResource<global::...VirtualServiceSpec>
    //   {
    //       public const string KubeGroup = "networking.istio.io"; ... KubeApiVersion, KubeKind, KubePluralName
    //       public static VirtualService Create(string name, global::System.Action<global::...VirtualServiceBuilder> build) { ... }
    //   }
    public static string EmitResource(ResourceUnit unit)
    {
        var writer = new SourceWriter();
        writer.Line(CSharp.Header);
        using (writer.Block($"namespace {unit.Namespace}"))
        {
            var scope = unit.Namespaced ? "namespaced" : "cluster-scoped";
            foreach (var line in CSharp.Summary(unit.Description, $"The {unit.Kind} resource."))
            {
                writer.Line(line);
            }

            writer.Line($"/// <remarks>Writes <c>apiVersion: {unit.Group}/{unit.Version}</c>, <c>kind: {unit.Kind}</c> ({scope}).</remarks>");

            writer.Line($"[global::MeshDsl.MeshResource({Identifiers.Literal(unit.Group)}, {Identifiers.Literal(unit.Version)}, {Identifiers.Literal(unit.Kind)}, {Identifiers.Literal(unit.Plural)})]");
            using (writer.Block($"public sealed partial class {unit.Kind} : global::MeshDsl.MeshResource<{unit.SpecFullName}>"))
            {
                writer.Line("/// <summary>The API group.</summary>");
                writer.Line($"public const string KubeGroup = {Identifiers.Literal(unit.Group)};");
                writer.Line();
                writer.Line("/// <summary>The served version this class writes.</summary>");
                writer.Line($"public const string KubeApiVersion = {Identifiers.Literal(unit.Version)};");
                writer.Line();
                writer.Line("/// <summary>The kind.</summary>");
                writer.Line($"public const string KubeKind = {Identifiers.Literal(unit.Kind)};");
                writer.Line();
                writer.Line("/// <summary>The plural resource name.</summary>");
                writer.Line($"public const string KubePluralName = {Identifiers.Literal(unit.Plural)};");
                writer.Line();
                writer.Line("/// <summary>Whether resources of this kind live in a namespace.</summary>");
                writer.Line($"public const bool KubeNamespaced = {(unit.Namespaced ? "true" : "false")};");
                writer.Line();
                writer.Line($"/// <summary>Creates an empty {unit.Kind} (<c>{unit.Group}/{unit.Version}</c>).</summary>");
                writer.Line($"public {unit.Kind}() : base({Identifiers.Literal(unit.Group + "/" + unit.Version)}, KubeKind) {{ }}");
                writer.Line();
                writer.Line($"/// <summary>Creates a {unit.Kind} named <paramref name=\"name\"/>, with its spec and metadata set by <paramref name=\"build\"/>.</summary>");
                writer.Line("/// <param name=\"name\">The resource's <c>metadata.name</c>.</param>");
                writer.Line("/// <param name=\"build\">Sets the namespace, labels and annotations, and the spec's fields.</param>");
                writer.Line("/// <param name=\"sourceLine\">Filled in by the compiler: where the resource is declared, for errors at emit time.</param>");
                writer.Line("/// <param name=\"sourceFile\">Filled in by the compiler.</param>");
                using (writer.Block($"public static {unit.Kind} Create(string name, {CSharp.Action}<{unit.BuilderFullName}> build, {CSharp.CallerParameters})"))
                {
                    writer.Line($"var resource = new {unit.Kind}();");
                    writer.Line("resource.DeclaredAt = sourceFile.Length == 0 ? null : new global::MeshDsl.SourceLocation(sourceFile, sourceLine);");
                    writer.Line("resource.Metadata.Name = name;");
                    writer.Line($"resource.Spec = new {unit.SpecFullName}();");
                    writer.Line("global::MeshDsl.SourceLocations.RecordObject(resource.Spec, sourceLine, sourceFile);");
                    writer.Line($"build(new {unit.BuilderFullName}(resource.Metadata, resource.Spec));");
                    writer.Line("return resource;");
                }
            }
        }

        return writer.ToString();
    }

    // produces: a builder with Namespace(...) and Metadata(...) for the resource's metadata, then the spec's
    // field methods (a spec field named like a metadata member gets a "Spec" prefix: SpecNamespace).
    public static string EmitResourceBuilder(ResourceBuilderUnit unit)
    {
        var writer = new SourceWriter();
        writer.Line(CSharp.Header);
        using (writer.Block($"namespace {unit.Namespace}"))
        {
            writer.Line($"/// <summary>Builds a {unit.Kind}: its metadata and its spec's fields.</summary>");
            writer.Line($"[global::MeshDsl.MeshBuilder(typeof({unit.SpecFullName}))]");
            writer.Line($"[global::MeshDsl.MeshResourceBuilder({Identifiers.Literal(unit.Group)}, {Identifiers.Literal(unit.Kind)})]");
            using (writer.Block($"public sealed partial class {unit.Name}"))
            {
                writer.Line("private readonly global::MeshDsl.ObjectMeta _metadata;");
                writer.Line($"private readonly {unit.SpecFullName} _target;");
                writer.Line();
                writer.Line("/// <summary>Builds into <paramref name=\"metadata\"/> and <paramref name=\"spec\"/>.</summary>");
                using (writer.Block($"public {unit.Name}(global::MeshDsl.ObjectMeta metadata, {unit.SpecFullName} spec)"))
                {
                    writer.Line("_metadata = metadata ?? throw new global::System.ArgumentNullException(nameof(metadata));");
                    writer.Line("_target = spec ?? throw new global::System.ArgumentNullException(nameof(spec));");
                }

                writer.Line();
                writer.Line("/// <summary>Sets <c>metadata.namespace</c>.</summary>");
                using (writer.Block($"public {unit.Name} Namespace(string value)"))
                {
                    writer.Line("_metadata.Namespace = value;");
                    writer.Line("return this;");
                }

                writer.Line();
                writer.Line("/// <summary>Sets <c>metadata</c> fields: labels, annotations, name, namespace.</summary>");
                using (writer.Block($"public {unit.Name} Metadata({CSharp.Action}<global::MeshDsl.ObjectMetaBuilder> build)"))
                {
                    writer.Line("build(new global::MeshDsl.ObjectMetaBuilder(_metadata));");
                    writer.Line("return this;");
                }

                BuilderEmitter.WriteFieldMethods(writer, unit.Name, unit.SpecFullName, unit.Fields, MetadataMembers);
            }
        }

        return writer.ToString();
    }
}

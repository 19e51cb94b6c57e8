using MeshDsl.Generator.Assemble;
using MeshDsl.Generator.Common;
using MeshDsl.Generator.Map;

namespace MeshDsl.Generator.Emit;

/// <summary>
/// Emits builders: one fluent method (or a lambda and an instance overload) per field, following the
/// vocabulary in docs/architecture.md. Every method returns the builder and carries the field's metadata.
/// </summary>
internal static class BuilderEmitter
{
    // Marks where a nested object is created; becomes a RecordObject call in methods that take caller information.
    private const string ItemCreated = "\u0001item-created";

    public static void WriteBuilder(SourceWriter writer, ObjectUnit unit)
    {
        var model = $"global::{unit.Namespace}.{unit.Name}";
        writer.Line($"/// <summary>Builds a <see cref=\"{model}\"/>.</summary>");
        writer.Line($"[global::MeshDsl.MeshBuilder(typeof({model}))]");
        using (writer.Block($"public sealed partial class {unit.BuilderName}"))
        {
            writer.Line($"private readonly {model} _target;");
            writer.Line();
            writer.Line($"/// <summary>Builds into a new <see cref=\"{model}\"/>.</summary>");
            writer.Line($"public {unit.BuilderName}() : this(new {model}()) {{ }}");
            writer.Line();
            writer.Line($"/// <summary>Builds into <paramref name=\"target\"/>.</summary>");
            writer.Line($"public {unit.BuilderName}({model} target) => _target = target ?? throw new global::System.ArgumentNullException(nameof(target));");
            writer.Line();
            writer.Line("/// <summary>The object built so far.</summary>");
            writer.Line($"public {model} Build() => _target;");
            WriteFieldMethods(writer, unit.BuilderName, model, unit.Fields, methodPrefix: null);
        }
    }

    public static void WriteFieldMethods(SourceWriter writer, string builder, string model, Common.EquatableArray<ResolvedField> fields, System.Collections.Generic.ISet<string>? methodPrefix)
    {
        foreach (var field in fields)
        {
            var method = methodPrefix is not null && methodPrefix.Contains(field.PropertyName) ? "Spec" + field.PropertyName : field.PropertyName;
            var context = new MethodContext(writer, builder, method, $"_target.{field.PropertyName}", $"{model}.{field.PropertyName}", CSharp.FieldAttribute(field), field.AliasOf is not null, field.WireName);
            switch (field.Type.Kind)
            {
                case TypeRefKind.Object:
                    WriteObject(context, field.Type);
                    break;
                case TypeRefKind.List:
                    WriteList(context, field.Type);
                    break;
                case TypeRefKind.Map:
                    WriteMap(context, field.Type);
                    break;
                default:
                    context.Method($"{field.Type.FullName} value", $"{context.Target} = value;");
                    break;
            }
        }
    }

    private static void WriteObject(MethodContext context, ResolvedType type)
    {
        context.Method(
            $"{CSharp.Action}<{type.BuilderFullName}> build",
            $"var item = {context.Target} ??= new {type.FullName}();",
            ItemCreated,
            $"build(new {type.BuilderFullName}(item));");
        context.Method($"{type.FullName} value", $"{context.Target} = value;");
    }

    private static void WriteList(MethodContext context, ResolvedType type)
    {
        var element = type.Element!;
        var list = $"({context.Target} ??= {CSharp.NewCollection(type)})";
        switch (element.Kind)
        {
            case TypeRefKind.Object:
                context.Method(
                    $"{CSharp.Action}<{element.BuilderFullName}> build",
                    $"var item = new {element.FullName}();",
                    ItemCreated,
                    $"build(new {element.BuilderFullName}(item));",
                    $"{list}.Add(item);");
                context.Method($"{element.FullName} item", $"{list}.Add(item);");
                break;
            case TypeRefKind.List:
                // One call adds one inner list.
                context.Method($"params {CSharp.ValueType(element.Element!)}[] item", $"{list}.Add(new {CSharp.List}<{CSharp.ValueType(element.Element!)}>(item));");
                break;
            case TypeRefKind.Map:
                context.Method($"{CSharp.ValueType(element)} item", $"{list}.Add(item);");
                break;
            default:
                context.Method($"params {element.FullName}[] values", $"var list = {list};", "foreach (var value in values) list.Add(value);");
                context.Method($"{CSharp.IEnumerable}<{element.FullName}> values", $"var list = {list};", "foreach (var value in values) list.Add(value);");
                break;
        }
    }

    private static void WriteMap(MethodContext context, ResolvedType type)
    {
        var element = type.Element!;
        var map = $"({context.Target} ??= {CSharp.NewCollection(type)})";
        switch (element.Kind)
        {
            case TypeRefKind.Object:
                context.Method(
                    $"string key, {CSharp.Action}<{element.BuilderFullName}> build",
                    $"var map = {map};",
                    $"if (!map.TryGetValue(key, out var item)) map[key] = item = new {element.FullName}();",
                    ItemCreated,
                    $"build(new {element.BuilderFullName}(item));");
                context.Method($"string key, {element.FullName} value", $"{map}[key] = value;");
                break;
            case TypeRefKind.List:
                context.Method($"string key, params {CSharp.ValueType(element.Element!)}[] values", $"{map}[key] = new {CSharp.List}<{CSharp.ValueType(element.Element!)}>(values);");
                break;
            case TypeRefKind.Map:
                context.Method($"string key, {CSharp.ValueType(element)} value", $"{map}[key] = value;");
                break;
            default:
                context.Method($"string key, {element.FullName} value", $"{map}[key] = value;");
                context.Method(
                    $"{CSharp.IEnumerable}<{CSharp.KeyValuePair}<string, {element.FullName}>> entries",
                    $"var map = {map};",
                    "foreach (var entry in entries) map[entry.Key] = entry.Value;");
                break;
        }
    }

    private sealed class MethodContext
    {
        private readonly SourceWriter _writer;
        private readonly string _builder;
        private readonly string _method;
        private readonly string _docTarget;
        private readonly string _attribute;
        private readonly bool _hidden;
        private readonly string _wireName;

        public MethodContext(SourceWriter writer, string builder, string method, string target, string docTarget, string attribute, bool hidden, string wireName)
        {
            _hidden = hidden;
            _wireName = Identifiers.Literal(wireName);
            _writer = writer;
            _builder = builder;
            _method = method;
            Target = target;
            _docTarget = docTarget;
            _attribute = attribute;
        }

        public string Target { get; }

        // produces:
        //   /// <inheritdoc cref="global::Ns.Model.Field"/>
        //   [global::MeshDsl.MeshField("field", "spec.path.field")]
        //   public ModelBuilder Field(string value)
        //   {
        //       _target.Field = value;
        //       return this;
        //   }
        public void Method(string parameters, params string[] body)
        {
            // A params array must come last, so those overloads cannot take caller information.
            var located = !parameters.StartsWith("params ", System.StringComparison.Ordinal) && !parameters.Contains(", params ");
            if (located)
            {
                parameters += ", " + CSharp.CallerParameters;
            }

            _writer.Line();
            _writer.Line($"/// <inheritdoc cref=\"{_docTarget}\"/>");
            _writer.Line(_attribute);
            if (_hidden)
            {
                _writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            }

            using (_writer.Block($"public {_builder} {_method}({parameters})"))
            {
                foreach (var statement in body)
                {
                    if (statement != ItemCreated)
                    {
                        _writer.Line(statement);
                    }
                    else if (located)
                    {
                        _writer.Line("global::MeshDsl.SourceLocations.RecordObject(item, sourceLine, sourceFile);");
                    }
                }

                if (located)
                {
                    _writer.Line($"global::MeshDsl.SourceLocations.Record(_target, {_wireName}, sourceLine, sourceFile);");
                }

                _writer.Line("return this;");
            }
        }
    }
}

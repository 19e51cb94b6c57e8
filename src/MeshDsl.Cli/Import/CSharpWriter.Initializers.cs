using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace MeshDsl.Cli.Import;

// The object, dictionary and list initializers of KubernetesClient's models, and raw string literals.
internal sealed partial class CSharpWriter
{
    // produces: new V1ServicePort { Name = "http", Port = 80 }, new V1EmptyDirVolumeSource(), or when long:
    //   new V1Service
    //   {
    //       Metadata = new V1ObjectMeta { Name = "api" },
    //   }
    private string ObjectInitializer(ObjectInitializerExpression initializer, int level, List<string> scope) =>
        Initializer("new " + TypeName(initializer.Type), initializer.Properties.Select(p => (p.Name + " = ", p.Value)).ToList(), level, scope);

    // produces: new Dictionary<string, string> { ["app"] = "api" }, new Dictionary<string, string>(), or one entry per line.
    private string Dictionary(DictionaryExpression dictionary, int level, List<string> scope) =>
        Initializer("new " + TypeName(dictionary.Type), dictionary.Entries.Select(e => ($"[{CSharpLiterals.Escaped(e.Key).Text}] = ", e.Value)).ToList(), level, scope);

    // produces: [80, 443], [], or one item per line:
    //   [
    //       new V1Container { Name = "api" },
    //   ]
    // and new List<object> { "a", 1 } where the target is object (a collection expression has no type of its own).
    private string Collection(CollectionExpression collection, int level, List<string> scope)
    {
        var items = collection.Items.Select(item => (string.Empty, item)).ToList();
        if (collection.ListType is { } type)
        {
            return Initializer("new " + TypeName(type), items, level, scope);
        }

        var rendered = Entries(items, level + 1, scope);
        return rendered.Count == 0 ? "[]"
            : Inline(rendered) is { } inline ? $"[{inline}]"
            : $"[\n{Lines(rendered, level + 1)}{Indent(level)}]";
    }

    private string Initializer(string head, List<(string Prefix, CSharpExpression Value)> entries, int level, List<string> scope)
    {
        var rendered = Entries(entries, level + 1, scope);
        return rendered.Count == 0 ? head + "()"
            : Inline(rendered) is { } inline ? $"{head} {{ {inline} }}"
            : $"{head}\n{Indent(level)}{{\n{Lines(rendered, level + 1)}{Indent(level)}}}";
    }

    private List<(string Prefix, string Text)> Entries(List<(string Prefix, CSharpExpression Value)> entries, int level, List<string> scope) =>
        entries.Select(e => (e.Prefix, Render(e.Value, level, scope))).ToList();

    // The entries on one line, when none spans lines and the line stays short.
    private static string? Inline(List<(string Prefix, string Text)> entries)
    {
        var inline = string.Join(", ", entries.Select(e => e.Prefix + e.Text));
        return inline.Length <= InlineLimit && !inline.Contains('\n') ? inline : null;
    }

    // One entry per line, each ending with a comma; a list that spans lines opens on its own line ("Ports =", then "[").
    private static string Lines(List<(string Prefix, string Text)> entries, int level)
    {
        var text = new StringBuilder();
        foreach (var (prefix, value) in entries)
        {
            text.Append(Indent(level));
            if (prefix.Length > 0 && value.StartsWith("[\n", StringComparison.Ordinal))
            {
                text.Append(prefix.TrimEnd()).Append('\n').Append(Indent(level));
            }
            else
            {
                text.Append(prefix);
            }

            text.Append(value).Append(",\n");
        }

        return text.ToString();
    }

    // produces (the lines one level deeper than the line the literal starts on; an empty line stays empty):
    //   """
    //       function envoy_on_request(handle)
    //       end
    //       """
    private static string RawString(string value, int level)
    {
        var quotes = new string('"', Math.Max(3, LongestQuoteRun(value) + 1));
        var indent = Indent(level + 1);
        var text = new StringBuilder(quotes);
        foreach (var line in value.Split('\n'))
        {
            text.Append('\n').Append(line.Length == 0 ? string.Empty : indent + line);
        }

        return text.Append('\n').Append(indent).Append(quotes).ToString();
    }

    // The delimiter must be longer than any run of quotes in the text.
    private static int LongestQuoteRun(string value)
    {
        int longest = 0, run = 0;
        foreach (var c in value)
        {
            run = c == '"' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    private static string Indent(int level) => new(' ', level * 4);
}

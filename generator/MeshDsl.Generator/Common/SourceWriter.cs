using System;
using System.Text;

namespace MeshDsl.Generator.Common;

/// <summary>Writes C# with indentation; <see cref="Block"/> opens a brace and closes it when disposed.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4);
            _text.Append(line);
        }

        _text.Append('\n');
        return this;
    }

    public IDisposable Block(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return new BlockCloser(this);
    }

    public override string ToString() => _text.ToString();

    private sealed class BlockCloser : IDisposable
    {
        private readonly SourceWriter _writer;

        public BlockCloser(SourceWriter writer) => _writer = writer;

        public void Dispose()
        {
            _writer._indent--;
            _writer.Line("}");
        }
    }
}

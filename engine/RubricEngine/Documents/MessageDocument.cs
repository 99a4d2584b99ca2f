using RubricEngine.Text;

namespace RubricEngine.Documents;

/// <summary>A message's content parsed into blocks, with a line map for locations.</summary>
public sealed class MessageDocument
{
    public MessageDocument(string text, IReadOnlyList<Block> blocks)
    {
        Text = text;
        Blocks = blocks;
        Lines = LineMap.Build(text);
    }

    /// <summary>The message content exactly as in the trace.</summary>
    public string Text { get; }

    /// <summary>The blocks in document order.</summary>
    public IReadOnlyList<Block> Blocks { get; }

    /// <summary>Offset → line:column within this message.</summary>
    public LineMap Lines { get; }

    /// <summary>The characters of <paramref name="span"/>.</summary>
    public string Slice(TextSpan span) => Text.Substring(span.Start, span.Length);
}

using RubricEngine.Text;

namespace RubricEngine.Documents;

/// <summary>A message's content parsed into blocks, with a line map for locations.</summary>
public sealed class MessageDocument
{
    private LineMap? _lines;

    public MessageDocument(string text, IReadOnlyList<Block> blocks)
    {
        Text = text;
        Blocks = blocks;
    }

    /// <summary>The message content exactly as in the trace.</summary>
    public string Text { get; }

    /// <summary>The blocks in document order.</summary>
    public IReadOnlyList<Block> Blocks { get; }

    /// <summary>Offset → line:column within this message.</summary>
    /// <remarks>
    /// Built on first use: most messages of a trace are never located (a finding points into a few answers). Threads
    /// racing here build equal maps and keep one of them, so the result never depends on timing.
    /// </remarks>
    public LineMap Lines => _lines ?? Interlocked.CompareExchange(ref _lines, LineMap.Build(Text), null) ?? _lines;

    /// <summary>The characters of <paramref name="span"/>.</summary>
    public string Slice(TextSpan span) => Text.Substring(span.Start, span.Length);
}

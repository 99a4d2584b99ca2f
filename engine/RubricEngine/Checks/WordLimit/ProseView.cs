using System.Text;
using RubricEngine.Documents;
using RubricEngine.Text;

namespace RubricEngine.Checks;

/// <summary>
/// The prose of some blocks as one string, with each character mapped back to the message span it came from.
/// Markup is already gone (the parser keeps literal characters only); math and code inlines are rendered by the
/// caller (a placeholder, their TeX, or nothing). Blocks are separated by a newline.
/// </summary>
internal sealed class ProseView
{
    private readonly int[] _starts;
    private readonly int[] _ends;

    private ProseView(string text, int[] starts, int[] ends)
    {
        Text = text;
        _starts = starts;
        _ends = ends;
    }

    public string Text { get; }

    /// <summary>The message span covering characters [start, end) of <see cref="Text"/>.</summary>
    public TextSpan SpanOf(int start, int end)
    {
        if (Text.Length == 0) return new TextSpan(0, 0);
        start = Math.Clamp(start, 0, Text.Length - 1);
        end = Math.Clamp(end, start + 1, Text.Length);
        var s = _starts[start];
        var e = Math.Max(s, _ends[end - 1]);
        return TextSpan.FromBounds(s, e);
    }

    /// <param name="blocks">The blocks to render, in order.</param>
    /// <param name="render">Text for a math or code inline (or a display math / code block's inline); null drops it.</param>
    public static ProseView Build(IEnumerable<Block> blocks, Func<Block, Inline, string?> render)
    {
        var text = new StringBuilder();
        var starts = new List<int>();
        var ends = new List<int>();
        foreach (var block in blocks)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
                starts.Add(block.Span.Start);
                ends.Add(block.Span.Start);
            }
            var previousEnd = -1;
            foreach (var inline in block.Inlines)
            {
                var span = inline.Span;
                // Table cells are separate inlines with pipes between them: keep their words apart.
                if (block.Kind == BlockKind.Table && previousEnd >= 0 && span.Start > previousEnd)
                {
                    text.Append(' ');
                    starts.Add(previousEnd);
                    ends.Add(previousEnd);
                }
                previousEnd = span.End;
                if (inline.Kind == InlineKind.Text)
                {
                    for (var i = 0; i < inline.Text.Length; i++)
                    {
                        // Entities ("&amp;") render shorter or longer than their source: clamp into the inline's span.
                        var s = span.Length == 0 ? span.Start : Math.Min(span.Start + i, span.End - 1);
                        text.Append(inline.Text[i]);
                        starts.Add(s);
                        ends.Add(Math.Min(s + 1, Math.Max(span.End, s)));
                    }
                    continue;
                }
                var rendered = render(block, inline);
                if (string.IsNullOrEmpty(rendered)) continue;
                foreach (var c in rendered)
                {
                    text.Append(c);
                    starts.Add(span.Start);
                    ends.Add(span.End);
                }
            }
        }
        return new ProseView(text.ToString(), starts.ToArray(), ends.ToArray());
    }
}

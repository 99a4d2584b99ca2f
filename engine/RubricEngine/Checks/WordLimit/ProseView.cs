using System.Text;
using RubricEngine.Documents;
using RubricEngine.Text;

namespace RubricEngine.Checks;

/// <summary>
/// The prose of some blocks as one string, with each character mapped back to the message span it came from.
/// Markup is already gone (the parser keeps literal characters only); math and code inlines are rendered by the
/// caller (a placeholder, their TeX, or nothing). Blocks are separated by a newline.
/// </summary>
/// <remarks>
/// The map is kept as runs, not per character: a run of literal prose maps its i-th character to the i-th character
/// of its inline's span; any other run (a rendered inline, a separator) maps every character to one span. That is one
/// small struct per inline instead of two ints per character, which made this the largest allocator of grading.
/// </remarks>
internal sealed class ProseView
{
    private readonly Run[] _runs;
    private readonly int _runCount;

    private ProseView(string text, Run[] runs, int runCount)
    {
        Text = text;
        _runs = runs;
        _runCount = runCount;
    }

    public string Text { get; }

    /// <summary>The message span covering characters [start, end) of <see cref="Text"/>.</summary>
    public TextSpan SpanOf(int start, int end)
    {
        if (Text.Length == 0) return new TextSpan(0, 0);
        start = Math.Clamp(start, 0, Text.Length - 1);
        end = Math.Clamp(end, start + 1, Text.Length);
        var s = StartOf(start);
        var e = Math.Max(s, EndOf(end - 1));
        return TextSpan.FromBounds(s, e);
    }

    private int StartOf(int index)
    {
        ref readonly var run = ref RunAt(index);
        return run.StartOf(index);
    }

    private int EndOf(int index)
    {
        ref readonly var run = ref RunAt(index);
        var s = run.StartOf(index);
        return run.Literal ? Math.Min(s + 1, Math.Max(run.SpanEnd, s)) : run.SpanEnd;
    }

    /// <summary>The run holding character <paramref name="index"/> (runs are contiguous, non-empty and in order).</summary>
    private ref readonly Run RunAt(int index)
    {
        int low = 0, high = _runCount - 1;
        while (low < high)
        {
            var mid = (low + high + 1) >> 1;
            if (_runs[mid].TextStart <= index) low = mid;
            else high = mid - 1;
        }
        return ref _runs[low];
    }

    /// <param name="blocks">The blocks to render, in order.</param>
    /// <param name="render">Text for a math or code inline (or a display math / code block's inline); null drops it.</param>
    public static ProseView Build(IEnumerable<Block> blocks, Func<Block, Inline, string?> render)
    {
        var text = new StringBuilder();
        var runs = new Run[8];
        var count = 0;
        foreach (var block in blocks)
        {
            if (text.Length > 0)
            {
                Add(ref runs, ref count, new Run(text.Length, block.Span.Start, block.Span.Start, false));
                text.Append('\n');
            }
            var previousEnd = -1;
            foreach (var inline in block.Inlines)
            {
                var span = inline.Span;
                // Table cells are separate inlines with pipes between them: keep their words apart.
                if (block.Kind == BlockKind.Table && previousEnd >= 0 && span.Start > previousEnd)
                {
                    Add(ref runs, ref count, new Run(text.Length, previousEnd, previousEnd, false));
                    text.Append(' ');
                }
                previousEnd = span.End;
                if (inline.Kind == InlineKind.Text)
                {
                    if (inline.Text.Length == 0) continue;
                    Add(ref runs, ref count, new Run(text.Length, span.Start, span.End, true));
                    text.Append(inline.Text);
                    continue;
                }
                var rendered = render(block, inline);
                if (string.IsNullOrEmpty(rendered)) continue;
                Add(ref runs, ref count, new Run(text.Length, span.Start, span.End, false));
                text.Append(rendered);
            }
        }
        return new ProseView(text.ToString(), runs, count);
    }

    private static void Add(ref Run[] runs, ref int count, Run run)
    {
        if (count == runs.Length) Array.Resize(ref runs, runs.Length * 2);
        runs[count++] = run;
    }

    /// <summary>
    /// Characters from <c>TextStart</c> up to the next run, from one inline or separator. A literal run is prose copied
    /// from the message: its character i maps to <c>SpanStart + i</c>, clamped into the span (entities such as
    /// "&amp;amp;" render shorter or longer than their source); any other run maps to [SpanStart, SpanEnd).
    /// </summary>
    private readonly record struct Run(int TextStart, int SpanStart, int SpanEnd, bool Literal)
    {
        public int StartOf(int index)
        {
            if (!Literal || SpanEnd == SpanStart) return SpanStart;
            return Math.Min(SpanStart + (index - TextStart), SpanEnd - 1);
        }
    }
}

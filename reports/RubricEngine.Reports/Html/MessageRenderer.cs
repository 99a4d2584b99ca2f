using System.Text;
using RubricEngine.Documents;
using RubricEngine.Rubrics;
using RubricEngine.Text;
using MarkdigBlock = Markdig.Syntax.Block;

namespace RubricEngine.Reports.Html;

/// <summary>
/// Renders one message: Markdown through <see cref="SafeMarkdown"/>, block by block, except the blocks a finding
/// touches, which are shown as written (escaped, whitespace kept) with a <c>&lt;mark&gt;</c> on the exact characters
/// of each finding's span — so a highlight never drifts, whatever the Markdown does to the text. Lists and quotes
/// that hold a finding keep their structure: only the items (paragraphs) with the finding are shown as written.
/// A message Markdig should not parse (see the engine's input guard) is shown as written, whole.
/// Not thread-safe (it keeps one Markdig renderer): one instance per thread.
/// </summary>
public sealed class MessageRenderer(SafeMarkdown markdown)
{
    // Set up once and reused for every message: a Markdig renderer costs more to build than a page's blocks to
    // render. This makes an instance single-threaded: the review site has one per page worker.
    private SafeMarkdown.BlockRenderer? _renderer;

    /// <summary>Longest message rendered as Markdown; longer ones are shown as written.</summary>
    public const int MaxMarkdownLength = 200_000;

    /// <summary>Deepest list or quote nesting opened to keep a highlighted item's structure.</summary>
    private const int MaxDepth = 6;

    /// <summary>Appends the message's HTML to <paramref name="html"/>.</summary>
    /// <param name="html">The page being written.</param>
    /// <param name="text">The message content exactly as in the trace (finding spans index into it).</param>
    /// <param name="document">The engine's reading of the message; a lone paragraph identical to the text means the engine read it as plain text.</param>
    /// <param name="findings">The findings located in this message.</param>
    /// <param name="labels">Segment labels, shown before the block where each segment starts.</param>
    public void Render(StringBuilder html, string text, MessageDocument? document, IReadOnlyList<PageFinding> findings, IReadOnlyList<SegmentLabel> labels)
    {
        _renderer?.StartMessage();
        var state = new State(html, text, findings, labels.OrderBy(l => l.Start).ToList());
        var units = Units(text, document, state);
        RenderUnits(state, units, 0, text.Length, depth: 0);
        state.LabelsBefore(int.MaxValue);
        if (units.Count == 0 && findings.Count > 0) WriteSource(html, text, 0, text.Length, findings, state.Anchored);
    }

    /// <summary>What one message's rendering shares: output, text, findings, labels still to place, anchors placed.</summary>
    private sealed class State(StringBuilder html, string text, IReadOnlyList<PageFinding> findings, List<SegmentLabel> labels)
    {
        private int _label;

        public StringBuilder Html { get; } = html;
        public string Text { get; } = text;
        public IReadOnlyList<PageFinding> Findings { get; } = findings;
        public HashSet<int> Anchored { get; } = [];

        public void LabelsBefore(int end)
        {
            while (_label < labels.Count && labels[_label].Start < end) Html.Append(labels[_label++].Html);
        }
    }

    /// <summary>
    /// A block's range in the message and the block (null: show the range as written, or, for a message that is one
    /// plain line, as the paragraph Markdig would write).
    /// </summary>
    private readonly record struct Unit(int Start, int End, MarkdigBlock? Block, bool PlainLine = false);

    private void RenderUnits(State state, List<Unit> units, int from, int to, int depth)
    {
        var text = state.Text;
        var marked = new bool[units.Count];
        foreach (var f in state.Findings)
        {
            var (s, e) = Clip(f.Finding.Location!.Span, text.Length);
            if (e < from || s > to || s == to && to < text.Length) continue;
            var any = false;
            for (var i = 0; i < units.Count; i++)
                if (units[i].Start < Math.Max(e, s + 1) && s < units[i].End) marked[i] = any = true;
            if (!any && units.Count > 0 && s >= from && s <= to)
            {
                // A span in the blank space between blocks: show it with the next block (or the last).
                var next = units.FindIndex(u => u.Start >= s);
                marked[next < 0 ? units.Count - 1 : next] = true;
            }
        }

        for (var i = 0; i < units.Count;)
        {
            if (!marked[i])
            {
                state.LabelsBefore(units[i].End);
                if (depth == 0)
                {
                    state.Html.Append("<div class=\"md\">");
                    WriteRendered(state, units[i]);
                    state.Html.Append("</div>\n");
                }
                else if (units[i].Block is Markdig.Syntax.ListItemBlock item)
                {
                    // Markdig writes <li> only around items of a list it renders whole.
                    state.Html.Append("<li>");
                    foreach (var child in Ranges(text, item)) WriteRendered(state, child);
                    state.Html.Append("</li>\n");
                }
                else
                    WriteRendered(state, units[i]);
                i++;
                continue;
            }
            if (depth < MaxDepth && Container(units[i].Block) is { } container && Children(state, container) is { Count: > 0 } children)
            {
                // Keep the list or quote; open it and show only the items with findings as written.
                state.LabelsBefore(units[i].Start + 1);
                state.Html.Append(container.Open);
                RenderUnits(state, children, units[i].Start, units[i].End, depth + 1);
                state.Html.Append(container.Close);
                i++;
                continue;
            }
            var j = i;
            while (j + 1 < units.Count && marked[j + 1] && Container(units[j + 1].Block) is null) j++;
            // Inside a list item or quote, the text before its first block is its marker ("- ", "> "): never shown twice.
            var prevEnd = i > 0 ? units[i - 1].End : depth == 0 ? from : units[0].Start;
            var nextStart = j + 1 < units.Count ? units[j + 1].Start : to;
            var last = j + 1 == units.Count;
            // The findings shown here: those over these blocks or in the blank space just before them (or after, at the end).
            var inside = state.Findings.Where(f =>
            {
                var (s, e) = Clip(f.Finding.Location!.Span, text.Length);
                return s < e ? s < nextStart && e > prevEnd || last && s >= prevEnd && s < to : s >= (i == 0 ? from : prevEnd) && (s < nextStart || last && s <= to);
            }).ToList();
            var region = (Start: units[i].Start, End: units[j].End);
            foreach (var f in inside)
            {
                var (s, e) = Clip(f.Finding.Location!.Span, text.Length);
                region = (Math.Min(region.Start, Math.Max(s, prevEnd)), Math.Max(region.End, Math.Min(e, last ? to : nextStart)));
            }
            state.LabelsBefore(region.End);
            WriteSource(state.Html, text, region.Start, region.End, inside, state.Anchored);
            i = j + 1;
        }
    }

    /// <summary>Appends the block's HTML straight to the page; a block Markdig cannot render is shown as written.</summary>
    private void WriteRendered(State state, Unit unit)
    {
        if (unit.PlainLine)
        {
            WriteParagraph(state.Html, state.Text);
            return;
        }
        if (unit.Block is null)
        {
            WritePlain(state.Html, state.Text, unit);
            return;
        }
        var mark = state.Html.Length;
        try
        {
            _renderer ??= markdown.NewRenderer();
            _renderer.RenderTo(state.Html, unit.Block);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or InsufficientExecutionStackException or IndexOutOfRangeException)
        {
            state.Html.Length = mark; // drop what the failed block wrote
            _renderer = null; // and the renderer it may have left half-way through a block
            WritePlain(state.Html, state.Text, unit);
        }
    }

    /// <summary>The tags around a list, a list item or a quote; null for blocks that are shown whole.</summary>
    private static (Markdig.Syntax.ContainerBlock Block, string Open, string Close)? Container(MarkdigBlock? block) => block switch
    {
        Markdig.Syntax.ListBlock { IsOrdered: true } l => (l, l.OrderedStart is { } n && n != "1" && n.All(char.IsAsciiDigit) && n.Length < 10 ? $"<ol start=\"{n}\">\n" : "<ol>\n", "</ol>\n"),
        Markdig.Syntax.ListBlock l => (l, "<ul>\n", "</ul>\n"),
        Markdig.Syntax.ListItemBlock li => (li, "<li>", "</li>\n"),
        Markdig.Syntax.QuoteBlock q => (q, "<blockquote>\n", "</blockquote>\n"),
        _ => null,
    };

    private static List<Unit> Children(State state, (Markdig.Syntax.ContainerBlock Block, string Open, string Close) container) =>
        Ranges(state.Text, container.Block);

    private List<Unit> Units(string text, MessageDocument? document, State state)
    {
        if (text.Length == 0) return [];
        // Nearly half the messages (prompts): Markdig would give one paragraph of literal text; no need to parse.
        if (text.Length <= MaxMarkdownLength && MarkdownDocumentParser.IsPlainLine(text)) return [new Unit(0, text.Length, null, PlainLine: true)];
        if (text.Length > MaxMarkdownLength || ReadAsPlainText(text, document) || markdown.Parse(text) is not { } parsed)
            return [new Unit(0, text.Length, null)];
        return Ranges(text, parsed);
    }

    /// <summary>The children of <paramref name="container"/> with their ranges in the message, in order, not overlapping.</summary>
    private static List<Unit> Ranges(string text, Markdig.Syntax.ContainerBlock container)
    {
        var units = new List<Unit>();
        foreach (var block in container)
        {
            if (block.Span.IsEmpty || block.Span.Start < 0) continue;
            var start = Math.Clamp(block.Span.Start, 0, text.Length);
            var end = Math.Clamp(block.Span.End + 1, start, text.Length); // Markdig's End is inclusive
            if (units.Count > 0 && start < units[^1].End) start = units[^1].End;
            if (end <= start) continue;
            units.Add(new Unit(start, end, block));
        }
        return units;
    }

    /// <summary>
    /// True when the engine read the message as one plain paragraph although the text is more than that: its input
    /// guard refused it (deep nesting, delimiter storms), so Markdig must not see it here either.
    /// </summary>
    private static bool ReadAsPlainText(string text, MessageDocument? document) =>
        document is { Blocks: [{ Kind: BlockKind.Paragraph, Inlines: [{ Kind: InlineKind.Text } inline] } block] }
        && inline.Span == block.Span
        && block.Span.Length == text.AsSpan().Trim().Length
        && block.Span.Length > 0
        && text.AsSpan(block.Span.Start, block.Span.Length).IndexOfAny('\n', '*', '`') >= 0;

    /// <summary>What Markdig writes for a one-line message of literal text (its escaping: &lt; &gt; &amp; &quot;).</summary>
    private static void WriteParagraph(StringBuilder html, string text)
    {
        html.Append("<p>");
        var span = text.AsSpan();
        while (span.Length > 0)
        {
            var i = span.IndexOfAny(MarkdigEscaped);
            if (i < 0) { html.Append(span); break; }
            html.Append(span[..i]).Append(span[i] switch { '<' => "&lt;", '>' => "&gt;", '&' => "&amp;", _ => "&quot;" });
            span = span[(i + 1)..];
        }
        html.Append("</p>\n");
    }

    private static readonly System.Buffers.SearchValues<char> MarkdigEscaped = System.Buffers.SearchValues.Create("<>&\"");

    private static void WritePlain(StringBuilder html, string text, Unit unit)
    {
        html.Append("<div class=\"src\">");
        HtmlText.Append(html, text.AsSpan(unit.Start, unit.End - unit.Start));
        html.Append("</div>");
    }

    private static (int Start, int End) Clip(TextSpan span, int length)
    {
        var s = Math.Clamp(span.Start, 0, length);
        return (s, Math.Clamp(span.End, s, length));
    }

    /// <summary>
    /// Writes text[start, end) escaped, with a <c>mark</c> over every piece some finding covers and an anchor
    /// (<c>id="f-N"</c>) where each finding starts, then the findings' notes.
    /// </summary>
    internal static void WriteSource(StringBuilder html, string text, int start, int end, IReadOnlyList<PageFinding> findings, HashSet<int> anchored)
    {
        var spans = findings.Select(f => (F: f, Range: Clip(f.Finding.Location!.Span, text.Length))).ToList();
        var cuts = new SortedSet<int> { start, end };
        foreach (var (_, r) in spans)
        {
            if (r.Start > start && r.Start < end) cuts.Add(r.Start);
            if (r.End > start && r.End < end) cuts.Add(r.End);
        }
        html.Append("<div class=\"src\">");
        var bounds = cuts.ToList();
        for (var k = 0; k < bounds.Count; k++)
        {
            var a = bounds[k];
            foreach (var (f, r) in spans)
            {
                if (Math.Max(r.Start, start) != a || !anchored.Add(f.Number)) continue;
                html.Append("<span class=\"anchor\" id=\"f-").Append(f.Number).Append("\"></span>");
                if (r.Start == r.End)
                    html.Append("<mark class=\"").Append(f.Classes).Append(" empty\" data-f=\"").Append(f.Number)
                        .Append("\" title=\"").AppendEscaped(f.Label + ": " + f.Finding.Message).Append("\">▸</mark>");
            }
            if (k + 1 >= bounds.Count) break;
            var b = bounds[k + 1];
            var active = spans.Where(s => s.Range.Start <= a && s.Range.End >= b && s.Range.Start < s.Range.End).Select(s => s.F).ToList();
            if (active.Count == 0)
            {
                HtmlText.Append(html, text.AsSpan(a, b - a));
                continue;
            }
            var first = active[0];
            html.Append("<mark class=\"").Append(first.Classes).Append("\" data-f=\"").AppendJoin(' ', active.Select(f => f.Number))
                .Append("\" title=\"").AppendEscaped(string.Join("\n", active.Select(f => f.Label + ": " + f.Finding.Message))).Append("\">");
            HtmlText.Append(html, text.AsSpan(a, b - a));
            html.Append("</mark>");
        }
        html.Append("</div>\n<ul class=\"notes\">");
        foreach (var f in findings)
        {
            html.Append("<li class=\"").Append(f.Classes).Append("\"><a href=\"#p-").Append(f.Number).Append("\" data-f=\"").Append(f.Number).Append("\">")
                .AppendEscaped(f.Label).Append("</a> ").AppendEscaped(f.Finding.Message);
            if (f.Finding.Suppression is { } why) html.Append(" <span class=\"badge override\">suppressed: ").AppendEscaped(why).Append("</span>");
            html.Append("</li>");
        }
        html.Append("</ul>\n");
    }
}

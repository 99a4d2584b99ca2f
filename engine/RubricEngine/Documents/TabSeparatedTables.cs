using RubricEngine.Text;

namespace RubricEngine.Documents;

/// <summary>
/// Tables copied from a rendered page arrive as tab-separated lines ("Question\tAnswer", "(a)\tBaseline: 18 hours"),
/// which Markdown reads as one paragraph. Two or more consecutive such lines become a <see cref="BlockKind.Table"/>
/// block (first line the header row, as in Markdown), and the lines before or after them stay paragraphs.
/// </summary>
internal static class TabSeparatedTables
{
    private const int MinRows = 2;

    /// <summary>Adds <paramref name="paragraph"/> to <paramref name="blocks"/>, split around its tab-separated rows if it has any.</summary>
    public static void Add(Block paragraph, string text, List<Block> blocks)
    {
        var span = paragraph.Span;
        if (paragraph.Kind != BlockKind.Paragraph || text.AsSpan(span.Start, span.Length).IndexOf('\t') < 0)
        {
            blocks.Add(paragraph);
            return;
        }

        // Lines of the paragraph as [start, end) offsets in the message, and whether each holds two cells or more.
        var lines = new List<(int Start, int End, bool Tabbed)>();
        for (var at = span.Start; at < span.End;)
        {
            var newline = text.IndexOf('\n', at, span.End - at);
            var end = newline < 0 ? span.End : newline;
            lines.Add((at, end, IsRow(text, at, end)));
            at = end + 1;
        }
        var first = -1;
        for (var i = 0; i + MinRows <= lines.Count && first < 0; i++)
            if (lines[i].Tabbed && lines[i + 1].Tabbed) first = i;
        if (first < 0)
        {
            blocks.Add(paragraph);
            return;
        }
        var last = first;
        while (last + 1 < lines.Count && lines[last + 1].Tabbed) last++;

        if (first > 0) blocks.Add(BlockParts.Slice(paragraph, TextSpan.FromBounds(span.Start, TrimEnd(text, span.Start, lines[first - 1].End))));
        blocks.Add(Table(text, lines.GetRange(first, last - first + 1)));
        if (last + 1 < lines.Count)
            Add(BlockParts.Slice(paragraph, TextSpan.FromBounds(lines[last + 1].Start, span.End)), text, blocks);
    }

    private static bool IsRow(string text, int start, int end)
    {
        var tab = text.IndexOf('\t', start, end - start);
        if (tab < 0) return false;
        return !string.IsNullOrWhiteSpace(text[start..tab]) && !string.IsNullOrWhiteSpace(text[(tab + 1)..end]);
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return end;
    }

    private static Block Table(string text, List<(int Start, int End, bool Tabbed)> lines)
    {
        var inlines = new List<Inline>();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (start, end, _) in lines)
        {
            var cells = new List<string>();
            for (var at = start; at <= end;)
            {
                var tab = text.IndexOf('\t', at, end - at);
                var cellEnd = tab < 0 ? end : tab;
                var s = at;
                var e = cellEnd;
                while (s < e && char.IsWhiteSpace(text[s])) s++;
                while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
                if (e > s) inlines.Add(new Inline(InlineKind.Text, TextSpan.FromBounds(s, e), text[s..e]));
                cells.Add(text[s..e]);
                if (tab < 0) break;
                at = tab + 1;
            }
            rows.Add(cells);
        }
        return new Block(BlockKind.Table, TextSpan.FromBounds(lines[0].Start, TrimEnd(text, lines[0].Start, lines[^1].End)), 0, inlines) { Cells = rows };
    }
}

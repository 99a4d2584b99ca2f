using RubricEngine.Text;

namespace RubricEngine.Documents;

/// <summary>Pieces of a paragraph: a copied page's lines that Markdown joined into one paragraph, read apart again.</summary>
internal static class BlockParts
{
    /// <summary>The paragraph's inlines inside <paramref name="range"/> (prose clipped to it), as a paragraph of its own.</summary>
    public static Block Slice(Block paragraph, TextSpan range)
    {
        var inlines = new List<Inline>();
        foreach (var inline in paragraph.Inlines)
        {
            var s = Math.Max(inline.Span.Start, range.Start);
            var e = Math.Min(inline.Span.End, range.End);
            if (e <= s && !(inline.Span.Length == 0 && inline.Span.Start >= range.Start && inline.Span.Start < range.End)) continue;
            if (inline.Kind == InlineKind.Text && inline.Text.Length == inline.Span.Length)
                inlines.Add(new Inline(InlineKind.Text, TextSpan.FromBounds(s, e), inline.Text.Substring(s - inline.Span.Start, e - s)));
            else if (inline.Span.Start >= range.Start)
                inlines.Add(inline);
        }
        return paragraph with { Span = range, Inlines = inlines };
    }
}

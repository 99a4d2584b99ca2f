using RubricEngine.Documents;
using RubricEngine.Text;

namespace RubricEngine.Checks.Latex;

/// <summary>
/// Finds math in an answer's blocks by scanning their source text: <c>$$…$$</c>, <c>\[…\]</c>, <c>\(…\)</c>,
/// <c>$…$</c> and <c>\begin{equation}…\end{equation}</c>-style environments. Scans the source rather than the
/// Markdown inlines because Markdown eats the backslashes of <c>\[</c> and <c>\|</c>. Linear, no regexes.
/// </summary>
internal static class MathExtractor
{
    private static readonly string[] Environments = ["equation", "equation*", "align", "align*", "aligned", "gather", "gather*", "multline", "multline*", "eqnarray", "eqnarray*"];

    public static List<MathSegment> Extract(string messageText, IReadOnlyList<Block> blocks)
    {
        var result = new List<MathSegment>();
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            if (block.Kind is BlockKind.Code or BlockKind.Html or BlockKind.ThematicBreak) continue;
            var start = Math.Clamp(block.Span.Start, 0, messageText.Length);
            var end = Math.Clamp(block.Span.End, start, messageText.Length);
            Scan(messageText, start, end, b, result);
        }
        return result;
    }

    private static void Scan(string text, int start, int end, int blockIndex, List<MathSegment> result)
    {
        var first = result.Count;
        var i = start;
        var proseStart = start;
        while (i < end)
        {
            var c = text[i];
            string? close = null;
            int open = 0;
            var display = true;
            if (c == '\\' && i + 1 < end)
            {
                var n = text[i + 1];
                if (n == '[') { close = "\\]"; open = 2; }
                else if (n == '(') { close = "\\)"; open = 2; display = false; }
                else if (n == '$') { i += 2; continue; } // an escaped dollar is money, not math
                else if (string.CompareOrdinal(text, i, "\\begin{", 0, 7) == 0)
                {
                    var nameEnd = text.IndexOf('}', i + 7, Math.Min(40, end - (i + 7)));
                    var name = nameEnd > 0 ? text[(i + 7)..nameEnd] : "";
                    if (Environments.Contains(name)) { close = "\\end{" + name + "}"; open = 0; }
                }
            }
            else if (c == '$')
            {
                if (i + 1 < end && text[i + 1] == '$') { close = "$$"; open = 2; }
                else { close = "$"; open = 1; display = false; }
            }
            if (close is null) { i++; continue; }
            var contentStart = i + open;
            var closeAt = close == "$" ? FindInlineDollar(text, contentStart, end) : IndexOf(text, close, contentStart, end);
            if (closeAt < 0) { i += Math.Max(open, 1); continue; }
            var segmentEnd = closeAt + close.Length;
            var tex = open == 0 ? text[i..segmentEnd] : text[contentStart..closeAt];
            result.Add(new MathSegment(tex, TextSpan.FromBounds(i, segmentEnd), display, blockIndex, text[proseStart..i], ""));
            i = segmentEnd;
            proseStart = i;
        }
        // Prose after each segment: up to the next segment or the end of the block.
        for (var k = first; k < result.Count; k++)
        {
            var afterStart = result[k].Span.End;
            var afterEnd = k + 1 < result.Count ? result[k + 1].Span.Start : end;
            result[k] = result[k] with { ProseAfter = text[afterStart..Math.Max(afterStart, afterEnd)] };
        }
    }

    private static int IndexOf(string text, string value, int from, int end)
    {
        if (from >= end) return -1;
        var at = text.IndexOf(value, from, end - from, StringComparison.Ordinal);
        return at;
    }

    /// <summary>A closing single dollar on the same paragraph, not followed by a digit ("$5 and $6" is money).</summary>
    private static int FindInlineDollar(string text, int from, int end)
    {
        if (from < end && char.IsWhiteSpace(text[from])) return -1;
        for (var i = from; i < end; i++)
        {
            if (text[i] == '\\') { i++; continue; }
            if (text[i] == '\n' && i + 1 < end && text[i + 1] == '\n') return -1;
            if (text[i] == '$') return i > from && !(i + 1 < end && char.IsAsciiDigit(text[i + 1])) ? i : -1;
        }
        return -1;
    }
}

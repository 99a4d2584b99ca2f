namespace RubricEngine.Documents;

/// <summary>
/// Decides, in one linear scan, whether a message is safe to hand to Markdig. Markdig throws on deep nesting
/// (after seconds of work: 1,000 nested list items take ≈4 s) and its emphasis/link matching grows
/// quadratically with delimiters in one paragraph (8,000 <c>*</c>/<c>_</c> ≈ 3 s). Real LLM replies stay far below
/// these limits; a message over them is read as one plain paragraph instead.
/// </summary>
internal static class MarkdownInputGuard
{
    private static readonly System.Buffers.SearchValues<char> Counted = System.Buffers.SearchValues.Create("*_[]`<~|");

    /// <summary>Longest message parsed as Markdown.</summary>
    public const int MaxLength = 200_000;

    /// <summary>Deepest container nesting (quotes, list items, two columns of indent each) on one line.</summary>
    public const int MaxNesting = 32;

    /// <summary>Most emphasis, link and code delimiters in one blank-line-separated chunk.</summary>
    public const int MaxDelimitersPerChunk = 2_000;

    /// <summary>Most table cell separators on one line (long tables are fine; 10,000 columns take ≈1 s).</summary>
    public const int MaxPipesPerLine = 2_000;

    /// <summary>Why <paramref name="text"/> should not be parsed as Markdown, or null when it is fine.</summary>
    public static string? Reject(string text)
    {
        if (text.Length > MaxLength) return $"longer than {MaxLength} characters";
        var delimiters = 0;
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.Length;
            var (depth, blank) = Prefix(text, lineStart, lineEnd);
            if (depth > MaxNesting) return $"nested deeper than {MaxNesting} levels";
            if (blank)
            {
                delimiters = 0;
            }
            else
            {
                var pipes = 0;
                // Jump between counted characters (vectorised): most of a line is prose.
                for (var i = lineStart; i < lineEnd; i++)
                {
                    var next = text.AsSpan(i, lineEnd - i).IndexOfAny(Counted);
                    if (next < 0) break;
                    i += next;
                    switch (text[i])
                    {
                        case '*' or '_' or '[' or ']' or '`' or '<' or '~':
                            if (++delimiters > MaxDelimitersPerChunk) return $"more than {MaxDelimitersPerChunk} Markdown delimiters in one paragraph";
                            break;
                        case '|':
                            if (++pipes > MaxPipesPerLine) return $"more than {MaxPipesPerLine} table cells on one line";
                            break;
                    }
                }
            }
            lineStart = lineEnd + 1;
        }
        return null;
    }

    /// <summary>An estimate of the container depth a line opens: quote and list markers plus indentation.</summary>
    private static (int Depth, bool Blank) Prefix(string text, int start, int end)
    {
        var markers = 0;
        var columns = 0;
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (c == ' ') { columns++; i++; }
            else if (c == '\t') { columns += 4; i++; }
            else if (c == '>') { markers++; i++; }
            else if ((c is '-' or '*' or '+') && i + 1 < end && text[i + 1] is ' ' or '\t') { markers++; i += 2; }
            else if (char.IsAsciiDigit(c))
            {
                var j = i;
                while (j < end && j - i < 9 && char.IsAsciiDigit(text[j])) j++;
                if (j + 1 < end && text[j] is '.' or ')' && text[j + 1] is ' ' or '\t') { markers++; i = j + 2; }
                else break;
            }
            else break;
            if (markers + columns / 2 > MaxNesting) return (markers + columns / 2, false);
        }
        var blank = i >= end || (i == end - 1 && text[i] == '\r');
        return (markers + columns / 2, blank && markers == 0);
    }
}

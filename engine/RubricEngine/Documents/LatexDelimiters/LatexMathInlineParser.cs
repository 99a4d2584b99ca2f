using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace RubricEngine.Documents.LatexDelimiters;

/// <summary>
/// Parses <c>\( … \)</c> and in-line <c>\[ … \]</c> into <see cref="LatexMathInline"/>. Registered ahead of the
/// backslash-escape parser, which would otherwise read <c>\(</c> as an escaped parenthesis. Math longer than
/// <see cref="MaxLength"/> characters is not math (the opener stays an escaped bracket).
/// </summary>
public sealed class LatexMathInlineParser : InlineParser
{
    /// <summary>Longest inline math accepted, delimiters included.</summary>
    public const int MaxLength = 4096;

    private static readonly object ParenKey = new();
    private static readonly object BracketKey = new();

    public LatexMathInlineParser()
    {
        OpeningCharacters = ['\\'];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var open = slice.PeekChar();
        if (open != '(' && open != '[') return false;
        var closer = open == '(' ? "\\)" : "\\]";
        var text = slice.Text;
        var start = slice.Start;
        // The block being parsed owns the cache: its inline text is one string for the whole paragraph.
        MarkdownObject owner = (MarkdownObject?)processor.Block ?? processor.Document;
        var close = CloserSearch.Next(owner, open == '(' ? ParenKey : BracketKey, text, closer, start + 2);
        if (close < 0 || close > slice.End - 1 || close + 2 - start > MaxLength) return false;

        var content = text.Substring(start + 2, close - start - 2);
        if (content.Trim().Length == 0) return false;
        processor.Inline = new LatexMathInline
        {
            Span = new SourceSpan(processor.GetSourcePosition(start, out var line, out var column), processor.GetSourcePosition(close + 1)),
            Line = line,
            Column = column,
            Content = content.Trim(),
            IsDisplay = open == '[',
        };
        slice.Start = close + 2;
        return true;
    }
}

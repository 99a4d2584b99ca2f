using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace RubricEngine.Documents.LatexDelimiters;

/// <summary>
/// Opens a <see cref="LatexDisplayMathBlock"/> on a line starting with <c>\[</c> and closes it on the line holding
/// <c>\]</c>. A <c>\[</c> with no <c>\]</c> anywhere after it opens nothing (the text stays prose), so a stray
/// delimiter never swallows the rest of a message.
/// </summary>
public sealed class LatexDisplayMathParser : BlockParser
{
    private static readonly object CloserCacheKey = new();

    public LatexDisplayMathParser()
    {
        OpeningCharacters = ['\\'];
    }

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent) return BlockState.None;
        var line = processor.Line;
        if (line.CurrentChar != '\\' || line.PeekChar() != '[') return BlockState.None;

        var text = line.Text;
        var open = line.Start;
        var close = IndexOfCloser(text, open + 2, line.End + 1);
        if (close >= 0)
        {
            // One line: only a block when nothing but blank space follows the closer.
            if (!IsBlank(text, close + 2, line.End + 1)) return BlockState.None;
            var single = new LatexDisplayMathBlock(this)
            {
                Column = processor.Column,
                Line = processor.LineIndex,
                Span = new SourceSpan(open, close + 1),
                Content = text.Substring(open + 2, close - open - 2).Trim(),
            };
            processor.NewBlocks.Push(single);
            return BlockState.BreakDiscard;
        }

        if (!HasCloserAhead(processor.Document, text, line.End + 1)) return BlockState.None;
        var block = new LatexDisplayMathBlock(this)
        {
            Column = processor.Column,
            Line = processor.LineIndex,
            Span = new SourceSpan(open, line.End),
            Builder = new System.Text.StringBuilder().Append(text, open + 2, line.End + 1 - open - 2),
        };
        processor.NewBlocks.Push(block);
        return BlockState.ContinueDiscard;
    }

    public override BlockState TryContinue(BlockProcessor processor, Markdig.Syntax.Block block)
    {
        var math = (LatexDisplayMathBlock)block;
        var line = processor.Line;
        var text = line.Text;
        var builder = math.Builder ??= new System.Text.StringBuilder();
        var close = IndexOfCloser(text, line.Start, line.End + 1);
        builder.Append('\n');
        if (close < 0)
        {
            if (line.End >= line.Start) builder.Append(text, line.Start, line.End + 1 - line.Start);
            math.Span = new SourceSpan(math.Span.Start, Math.Max(math.Span.End, line.End));
            return BlockState.ContinueDiscard;
        }
        builder.Append(text, line.Start, close - line.Start);
        math.Span = new SourceSpan(math.Span.Start, close + 1);
        return BlockState.BreakDiscard;
    }

    public override bool Close(BlockProcessor processor, Markdig.Syntax.Block block)
    {
        var math = (LatexDisplayMathBlock)block;
        if (math.Builder is { } builder)
        {
            math.Content = builder.ToString().Trim();
            math.Builder = null;
        }
        return true;
    }

    private static bool IsBlank(string text, int from, int to)
    {
        for (var i = from; i < to && i < text.Length; i++)
            if (!char.IsWhiteSpace(text[i])) return false;
        return true;
    }

    private static int IndexOfCloser(string text, int from, int to) => CloserSearch.IndexOf(text, "\\]", from, to);

    /// <summary>Whether a closer exists at or after <paramref name="from"/> anywhere in the message.</summary>
    private static bool HasCloserAhead(MarkdownDocument document, string text, int from) =>
        CloserSearch.Next(document, CloserCacheKey, text, "\\]", from) >= 0;
}

using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using RubricEngine.Documents.LatexDelimiters;
using RubricEngine.Text;

namespace RubricEngine.Documents;

/// <summary>
/// Parses a message's Markdown (with LaTeX math: <c>$…$</c>, <c>$$…$$</c>, <c>\(…\)</c>, <c>\[…\]</c>) into flat
/// <see cref="Block"/>s with exact spans. Thread-safe: the Markdig pipeline is built once and shared.
/// Hostile input never crashes or stalls it: a message too long, too deeply nested or too dense with delimiters
/// for Markdig (see <see cref="MarkdownInputGuard"/>), or one Markdig fails on, is read as one plain paragraph.
/// </summary>
internal sealed class MarkdownDocumentParser
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().UseChatMarkdown().Build();

    /// <summary>The Markdig pipeline (for benchmarks and tests comparing against Markdig itself).</summary>
    internal MarkdownPipeline Pipeline => _pipeline;

    /// <summary>A shared instance.</summary>
    public static MarkdownDocumentParser Default { get; } = new();

    /// <summary>Parses <paramref name="text"/>; never throws for any string.</summary>
    public MessageDocument Parse(string text) =>
        // A plain line is never rejected by the guard except for length, and then it reads the same either way.
        PlainLineFastPath.TryParse(text) ?? ParseMarkdown(text);

    /// <summary>
    /// True when Markdig reads <paramref name="text"/> as exactly one paragraph holding the whole text as literal
    /// text (one line that nothing in our dialect reacts to, with or without raw HTML): a renderer may write it as a
    /// paragraph of escaped text without parsing it.
    /// </summary>
    internal static bool IsPlainLine(string text) => PlainLineFastPath.IsPlain(text);

    /// <summary>The reading through the guard and Markdig, without the plain-line fast path.</summary>
    internal MessageDocument ParseMarkdown(string text)
    {
        if (MarkdownInputGuard.Reject(text) is not null) return PlainParagraph(text);
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(text, _pipeline);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or InsufficientExecutionStackException or IndexOutOfRangeException)
        {
            // Markdig gives up on some inputs (e.g. "too deeply nested"): keep the text, lose only the structure.
            return PlainParagraph(text);
        }
        var blocks = new List<Block>();
        Flatten(document, text, blocks, listDepth: 0, inQuote: false);
        return new MessageDocument(text, blocks);
    }

    /// <summary>The fallback reading: the whole message (blank space trimmed) as one paragraph of prose.</summary>
    internal static MessageDocument PlainParagraph(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (start == end) return new MessageDocument(text, []);
        var span = TextSpan.FromBounds(start, end);
        return new MessageDocument(text, [new Block(BlockKind.Paragraph, span, 0, [new Inline(InlineKind.Text, span, text[start..end])])]);
    }

    private static void Flatten(ContainerBlock container, string text, List<Block> blocks, int listDepth, bool inQuote)
    {
        foreach (var child in container)
        {
            switch (child)
            {
                case HeadingBlock h:
                    blocks.Add(new Block(BlockKind.Heading, SpanOf(h, text), h.Level, Inlines(h.Inline, text)));
                    break;
                case LatexDisplayMathBlock lm:
                    blocks.Add(new Block(BlockKind.DisplayMath, SpanOf(lm, text), listDepth, [new Inline(InlineKind.Math, SpanOf(lm, text), lm.Content)]));
                    break;
                case MathBlock m:
                    blocks.Add(new Block(BlockKind.DisplayMath, SpanOf(m, text), listDepth, [new Inline(InlineKind.Math, SpanOf(m, text), m.Lines.ToString())]));
                    break;
                case FencedCodeBlock or CodeBlock:
                    var code = (LeafBlock)child;
                    blocks.Add(new Block(BlockKind.Code, SpanOf(code, text), listDepth, [new Inline(InlineKind.Code, SpanOf(code, text), code.Lines.ToString())]));
                    break;
                case ParagraphBlock p:
                    var kind = inQuote ? BlockKind.Quote : listDepth > 0 && p.Parent is ListItemBlock ? BlockKind.ListItem : BlockKind.Paragraph;
                    TabSeparatedTables.Add(new Block(kind, SpanOf(p, text), kind == BlockKind.Quote ? 1 : listDepth, Inlines(p.Inline, text))
                    {
                        Marker = p.Parent is ListItemBlock { Parent: ListBlock { IsOrdered: true } } li && li.IndexOf(p) == 0 ? li.Order.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                    }, text, blocks);
                    break;
                case Table t:
                    blocks.Add(TableBlock(t, text));
                    break;
                case ListBlock list:
                    Flatten(list, text, blocks, listDepth + 1, inQuote);
                    break;
                case ListItemBlock item:
                    Flatten(item, text, blocks, listDepth, inQuote);
                    break;
                case QuoteBlock q:
                    Flatten(q, text, blocks, listDepth, inQuote: true);
                    break;
                case ThematicBreakBlock tb:
                    blocks.Add(new Block(BlockKind.ThematicBreak, SpanOf(tb, text), 0, []));
                    break;
                case HtmlBlock html:
                    blocks.Add(new Block(BlockKind.Html, SpanOf(html, text), 0, []));
                    break;
                case ContainerBlock other:
                    Flatten(other, text, blocks, listDepth, inQuote);
                    break;
            }
        }
    }

    private static Block TableBlock(Table table, string text)
    {
        var inlines = new List<Inline>();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var row in table.OfType<TableRow>())
        {
            var cells = new List<string>();
            foreach (var cell in row.OfType<TableCell>())
            {
                var cellInlines = cell.OfType<ParagraphBlock>().SelectMany(p => Inlines(p.Inline, text)).ToList();
                inlines.AddRange(cellInlines);
                cells.Add(string.Concat(cellInlines.Select(i => i.Kind == InlineKind.Math ? $"${i.Text}$" : i.Text)).Trim());
            }
            rows.Add(cells);
        }
        return new Block(BlockKind.Table, SpanOf(table, text), 0, inlines) { Cells = rows };
    }

    private static List<Inline> Inlines(ContainerInline? container, string text)
    {
        var result = new List<Inline>();
        if (container is not null) Collect(container, text, result);
        return result;
    }

    private static void Collect(ContainerInline container, string text, List<Inline> result)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case MathInline math:
                    result.Add(new Inline(InlineKind.Math, SpanOf(math, text), math.Content.ToString()));
                    break;
                case LatexMathInline latex:
                    result.Add(new Inline(InlineKind.Math, SpanOf(latex, text), latex.Content));
                    break;
                case CodeInline code:
                    result.Add(new Inline(InlineKind.Code, SpanOf(code, text), code.Content));
                    break;
                case LiteralInline literal:
                    result.Add(new Inline(InlineKind.Text, SpanOf(literal, text), literal.Content.ToString()));
                    break;
                case LineBreakInline br:
                    result.Add(new Inline(InlineKind.Text, SpanOf(br, text), " "));
                    break;
                case HtmlEntityInline entity:
                    result.Add(new Inline(InlineKind.Text, SpanOf(entity, text), entity.Transcoded.ToString()));
                    break;
                case AutolinkInline auto:
                    result.Add(new Inline(InlineKind.Text, SpanOf(auto, text), auto.Url));
                    break;
                case ContainerInline nested:
                    Collect(nested, text, result);
                    break;
            }
        }
    }

    private static TextSpan SpanOf(MarkdownObject node, string text)
    {
        var start = Math.Clamp(node.Span.Start, 0, text.Length);
        var end = Math.Clamp(node.Span.End + 1, start, text.Length);
        return TextSpan.FromBounds(start, end);
    }
}

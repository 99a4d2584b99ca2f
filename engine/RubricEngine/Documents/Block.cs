using RubricEngine.Text;

namespace RubricEngine.Documents;

/// <summary>The kind of a Markdown block of a message.</summary>
public enum BlockKind
{
    Heading,
    Paragraph,
    ListItem,
    Table,
    Code,
    DisplayMath,
    Quote,
    ThematicBreak,
    Html,
}

/// <summary>The kind of an inline run inside a block.</summary>
public enum InlineKind
{
    /// <summary>Prose: Markdown markup (emphasis stars, link brackets, list markers) already removed.</summary>
    Text,

    /// <summary>Inline math (<c>$…$</c> or <c>\(…\)</c>); <see cref="Inline.Text"/> is the TeX without delimiters.</summary>
    Math,

    /// <summary>Inline code; <see cref="Inline.Text"/> is the code without backticks.</summary>
    Code,
}

/// <summary>
/// A run of inline content. <see cref="Span"/> is where it stands in the message (for prose: the span of the
/// literal characters, so offsets inside <see cref="Text"/> map to <c>Span.Start + i</c>).
/// </summary>
public sealed record Inline(InlineKind Kind, TextSpan Span, string Text);

/// <summary>
/// A block of a message's Markdown with its exact span in the message. Lists are flattened: each item is one
/// <see cref="BlockKind.ListItem"/> block whose <see cref="Level"/> is its nesting depth (1 = top level).
/// Headings carry their level (1–6). Display math and code blocks carry one inline with their content.
/// </summary>
public sealed record Block(BlockKind Kind, TextSpan Span, int Level, IReadOnlyList<Inline> Inlines)
{
    /// <summary>For tables: the cells' prose, row by row (header row first). Empty for other blocks.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cells { get; init; } = [];

    /// <summary>For ordered list items: the item's number ("3" in "3. Expand"); null otherwise.</summary>
    public string? Marker { get; init; }

    /// <summary>The block's prose with math written as TeX between dollars: handy for matching and display.</summary>
    public string PlainText
    {
        get
        {
            // Read for every block by the segmenter: a lone prose inline (most paragraphs) is returned as is, and
            // otherwise the string is built once at its final length.
            var inlines = Inlines;
            if (inlines.Count == 0) return "";
            if (inlines.Count == 1 && inlines[0].Kind != InlineKind.Math) return inlines[0].Text;
            var length = 0;
            for (var i = 0; i < inlines.Count; i++) length += inlines[i].Text.Length + (inlines[i].Kind == InlineKind.Math ? 2 : 0);
            return string.Create(length, inlines, static (chars, inlines) =>
            {
                var at = 0;
                for (var i = 0; i < inlines.Count; i++)
                {
                    var inline = inlines[i];
                    var math = inline.Kind == InlineKind.Math;
                    if (math) chars[at++] = '$';
                    inline.Text.CopyTo(chars[at..]);
                    at += inline.Text.Length;
                    if (math) chars[at++] = '$';
                }
            });
        }
    }
}

using RubricEngine.Text;

namespace RubricEngine.Documents;

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

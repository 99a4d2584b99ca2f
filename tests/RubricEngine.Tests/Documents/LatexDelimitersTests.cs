using RubricEngine.Documents;

namespace RubricEngine.Tests.Documents;

public sealed class LatexDelimitersTests
{
    private static MessageDocument Parse(string text) => MarkdownDocumentParser.Default.Parse(text);

    [Test]
    public void Bracket_display_math_on_its_own_lines_is_one_display_math_block()
    {
        const string text = "The loss is\n\\[\nL = \\|X - W_2 W_1 X\\|_F^2\n\\]\nwhich we expand.";
        var doc = Parse(text);

        Assert.That(doc.Blocks.Select(b => b.Kind), Is.EqualTo(new[] { BlockKind.Paragraph, BlockKind.DisplayMath, BlockKind.Paragraph }));
        var math = doc.Blocks[1];
        Assert.That(doc.Slice(math.Span), Is.EqualTo("\\[\nL = \\|X - W_2 W_1 X\\|_F^2\n\\]"));
        Assert.That(math.Inlines.Single().Kind, Is.EqualTo(InlineKind.Math));
        Assert.That(math.Inlines.Single().Text, Is.EqualTo("L = \\|X - W_2 W_1 X\\|_F^2"));
        Assert.That(doc.Slice(doc.Blocks[2].Span), Is.EqualTo("which we expand."));
    }

    [Test]
    public void Bracket_display_math_on_one_line_keeps_its_span()
    {
        const string text = "Step 2:\n\n\\[ W_2^\\top (X - W_2 W_1 X) X^\\top = 0 \\]\n\nDone.";
        var doc = Parse(text);

        var math = doc.Blocks.Single(b => b.Kind == BlockKind.DisplayMath);
        Assert.That(doc.Slice(math.Span), Is.EqualTo("\\[ W_2^\\top (X - W_2 W_1 X) X^\\top = 0 \\]"));
        Assert.That(math.Inlines[0].Text, Is.EqualTo("W_2^\\top (X - W_2 W_1 X) X^\\top = 0"));
    }

    [Test]
    public void Paren_math_inside_prose_is_a_math_inline_with_exact_span()
    {
        const string text = "Substitute \\(W_1 = U_k^\\top\\) and \\( W_2 = U_k \\) into (1).";
        var doc = Parse(text);

        var maths = doc.Blocks.Single().Inlines.Where(i => i.Kind == InlineKind.Math).ToList();
        Assert.That(maths.Select(m => m.Text), Is.EqualTo(new[] { "W_1 = U_k^\\top", "W_2 = U_k" }));
        Assert.That(maths.Select(m => doc.Slice(m.Span)), Is.EqualTo(new[] { "\\(W_1 = U_k^\\top\\)", "\\( W_2 = U_k \\)" }));
        Assert.That(doc.Blocks[0].PlainText, Is.EqualTo("Substitute $W_1 = U_k^\\top$ and $W_2 = U_k$ into (1)."));
    }

    [Test]
    public void Bracket_math_inside_a_line_of_prose_is_inline_math()
    {
        const string text = "so \\[ U_k^\\top U_k = I \\] holds.";
        var doc = Parse(text);

        var math = doc.Blocks.Single().Inlines.Single(i => i.Kind == InlineKind.Math);
        Assert.That(doc.Slice(math.Span), Is.EqualTo("\\[ U_k^\\top U_k = I \\]"));
    }

    [Test]
    public void Latex_math_in_list_items_and_quotes_keeps_exact_spans()
    {
        const string text = "- first \\(a^2\\)\n- second:\n\n  \\[\n  b = c\n  \\]\n\n> quoted \\(d\\)\n";
        var doc = Parse(text);

        Assert.That(doc.Blocks.Select(b => b.Kind), Is.EqualTo(new[] { BlockKind.ListItem, BlockKind.ListItem, BlockKind.DisplayMath, BlockKind.Quote }));
        Assert.That(doc.Slice(doc.Blocks[0].Inlines.Single(i => i.Kind == InlineKind.Math).Span), Is.EqualTo("\\(a^2\\)"));
        Assert.That(doc.Slice(doc.Blocks[2].Span), Is.EqualTo("\\[\n  b = c\n  \\]"));
        Assert.That(doc.Blocks[2].Inlines[0].Text, Is.EqualTo("b = c"));
        Assert.That(doc.Slice(doc.Blocks[3].Inlines.Single(i => i.Kind == InlineKind.Math).Span), Is.EqualTo("\\(d\\)"));
    }

    [Test]
    public void Unclosed_bracket_does_not_swallow_the_rest_of_the_message()
    {
        const string text = "\\[ x = 1\n\n**(b)** The decoder inputs are shifted.";
        var doc = Parse(text);

        Assert.That(doc.Blocks.Select(b => b.Kind), Is.EqualTo(new[] { BlockKind.Paragraph, BlockKind.Paragraph }));
        Assert.That(doc.Slice(doc.Blocks[1].Span), Is.EqualTo("**(b)** The decoder inputs are shifted."));
    }

    [Test]
    public void Escaped_backslash_before_a_paren_is_not_math()
    {
        const string text = "a \\\\(b\\\\) c";
        var doc = Parse(text);

        Assert.That(doc.Blocks.Single().Inlines.Any(i => i.Kind == InlineKind.Math), Is.False);
    }

    [Test]
    public void Dollar_math_still_works_next_to_latex_delimiters()
    {
        const string text = "Both $a$ and \\(b\\).\n\n$$\nc\n$$\n";
        var doc = Parse(text);

        Assert.That(doc.Blocks[0].Inlines.Where(i => i.Kind == InlineKind.Math).Select(i => i.Text), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(doc.Blocks[1].Kind, Is.EqualTo(BlockKind.DisplayMath));
    }
}

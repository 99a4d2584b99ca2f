using RubricEngine.Documents;

namespace RubricEngine.Tests.Documents;

public sealed class MarkdownDocumentParserTests
{
    [Test]
    public void Blocks_carry_exact_spans_and_math_inlines()
    {
        const string text = "## Problem 3\n\nWe expand $\\|X\\|_F^2$ first.\n\n$$\nA = B\n$$\n\n- one\n- two\n";
        var doc = MarkdownDocumentParser.Default.Parse(text);

        Assert.That(doc.Blocks.Select(b => b.Kind), Is.EqualTo(new[]
        {
            BlockKind.Heading, BlockKind.Paragraph, BlockKind.DisplayMath, BlockKind.ListItem, BlockKind.ListItem,
        }));
        Assert.That(doc.Slice(doc.Blocks[0].Span), Is.EqualTo("## Problem 3"));
        var math = doc.Blocks[1].Inlines.Single(i => i.Kind == InlineKind.Math);
        Assert.That(math.Text, Is.EqualTo("\\|X\\|_F^2"));
        Assert.That(doc.Slice(math.Span), Is.EqualTo("$\\|X\\|_F^2$"));
        Assert.That(doc.Blocks[2].Inlines[0].Text.Trim(), Is.EqualTo("A = B"));
        Assert.That(doc.Slice(doc.Blocks[4].Span), Is.EqualTo("two"));
        Assert.That(doc.Lines.GetPosition(doc.Blocks[4].Span.Start).Line, Is.EqualTo(10));
    }
}

public sealed class TabSeparatedTableTests
{
    [Test]
    public void Tab_separated_lines_copied_from_a_page_become_a_table_after_their_heading_line()
    {
        const string text = "Problem 4 Summary\nQuestion\tAnswer\n(a)\tBaseline: 18 hours, 68%; final: 26 s\n(b)\tSmall fixes add up\nThat is all.";
        var doc = MarkdownDocumentParser.Default.Parse(text);

        Assert.That(doc.Blocks.Select(b => b.Kind), Is.EqualTo(new[] { BlockKind.Paragraph, BlockKind.Table, BlockKind.Paragraph }));
        Assert.That(doc.Slice(doc.Blocks[0].Span), Is.EqualTo("Problem 4 Summary"));
        Assert.That(doc.Blocks[0].PlainText, Is.EqualTo("Problem 4 Summary"));
        var table = doc.Blocks[1];
        Assert.That(table.Cells.Select(r => string.Join("|", r)), Is.EqualTo(new[] { "Question|Answer", "(a)|Baseline: 18 hours, 68%; final: 26 s", "(b)|Small fixes add up" }));
        Assert.That(table.Inlines.Select(i => doc.Slice(i.Span)), Has.Member("Baseline: 18 hours, 68%; final: 26 s"));
        Assert.That(doc.Slice(doc.Blocks[2].Span), Is.EqualTo("That is all."));
    }

    [Test]
    public void A_single_line_with_a_tab_stays_a_paragraph()
    {
        var doc = MarkdownDocumentParser.Default.Parse("Answer:\tB\nbecause residual connections help.");

        Assert.That(doc.Blocks.Single().Kind, Is.EqualTo(BlockKind.Paragraph));
    }
}

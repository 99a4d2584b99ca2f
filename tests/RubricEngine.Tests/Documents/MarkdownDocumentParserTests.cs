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

using System.Diagnostics;
using RubricEngine.Documents;

namespace RubricEngine.Tests.Documents;

/// <summary>Hostile messages parse quickly and without crashing; over the guard's limits they become one paragraph.</summary>
public sealed class PathologicalMarkdownTests
{
    private static MessageDocument ParseWithin(string text, int milliseconds = 3000)
    {
        var watch = Stopwatch.StartNew();
        var doc = MarkdownDocumentParser.Default.Parse(text);
        Assert.That(watch.ElapsedMilliseconds, Is.LessThan(milliseconds), "parsing took too long");
        return doc;
    }

    private static void AssertOnePlainParagraph(MessageDocument doc)
    {
        var block = doc.Blocks.Single();
        Assert.That(block.Kind, Is.EqualTo(BlockKind.Paragraph));
        Assert.That(doc.Slice(block.Span), Is.EqualTo(doc.Text.Trim()));
    }

    [Test]
    public void Ten_thousand_nested_quotes_fall_back_to_one_paragraph()
    {
        AssertOnePlainParagraph(ParseWithin(new string('>', 10_000) + " deep"));
    }

    [Test]
    public void Ten_thousand_nested_list_items_fall_back_to_one_paragraph()
    {
        var text = string.Concat(Enumerable.Range(0, 10_000).Select(i => "- ")) + "x";
        AssertOnePlainParagraph(ParseWithin(text));
    }

    [Test]
    public void Deeply_indented_nested_lists_fall_back_to_one_paragraph()
    {
        var text = string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', 2 * i) + "- item\n"));
        AssertOnePlainParagraph(ParseWithin(text));
    }

    [Test]
    public void Ordinary_nesting_is_parsed_as_markdown()
    {
        var text = string.Concat(Enumerable.Range(0, 6).Select(i => new string(' ', 2 * i) + "- item\n"));
        var doc = ParseWithin(text);
        Assert.That(doc.Blocks.Select(b => b.Level), Is.EqualTo(new[] { 1, 2, 3, 4, 5, 6 }));
    }

    [Test]
    public void One_hundred_thousand_backticks_parse_quickly()
    {
        var doc = ParseWithin(new string('`', 100_000));
        Assert.That(doc.Blocks, Is.Not.Empty);
    }

    [Test]
    public void Dense_emphasis_delimiters_fall_back_to_one_paragraph()
    {
        var text = string.Concat(Enumerable.Range(0, 5_000).Select(_ => "*a _b "));
        AssertOnePlainParagraph(ParseWithin(text));
    }

    [Test]
    public void Many_unclosed_latex_openers_parse_in_linear_time()
    {
        var text = string.Concat(Enumerable.Range(0, 50_000).Select(_ => "\\( \\[ ")) + "\n" + string.Concat(Enumerable.Range(0, 20_000).Select(_ => "\\[\n"));
        var doc = ParseWithin(text);
        Assert.That(doc.Blocks.Any(b => b.Kind == BlockKind.DisplayMath), Is.False);
    }

    [Test]
    public void Over_long_messages_fall_back_to_one_paragraph()
    {
        var text = "# Title\n\n" + new string('a', 250_000);
        AssertOnePlainParagraph(ParseWithin(text));
    }

    [Test]
    public void Blank_message_has_no_blocks()
    {
        Assert.That(MarkdownDocumentParser.PlainParagraph("  \n ").Blocks, Is.Empty);
        Assert.That(MarkdownDocumentParser.Default.Parse("").Blocks, Is.Empty);
    }
}

public sealed class LargeButOrdinaryMarkdownTests
{
    [Test]
    public void A_long_table_is_still_a_table()
    {
        var text = "| n | square |\n|---|---|\n" + string.Concat(Enumerable.Range(0, 3_000).Select(i => $"| {i} | {i * i} |\n"));
        var doc = MarkdownDocumentParser.Default.Parse(text);
        Assert.That(doc.Blocks.Single().Kind, Is.EqualTo(BlockKind.Table));
        Assert.That(doc.Blocks[0].Cells, Has.Count.EqualTo(3_001));
    }

    [Test]
    public void A_table_ten_thousand_columns_wide_falls_back_to_one_paragraph()
    {
        var text = "|" + string.Concat(Enumerable.Repeat("a|", 10_000)) + "\n|" + string.Concat(Enumerable.Repeat("-|", 10_000)) + "\n";
        var doc = MarkdownDocumentParser.Default.Parse(text);
        Assert.That(doc.Blocks.Single().Kind, Is.EqualTo(BlockKind.Paragraph));
    }
}

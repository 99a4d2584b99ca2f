using RubricEngine.Checks;
using RubricEngine.Documents;
using RubricEngine.Text;

namespace RubricEngine.Tests.Checks.WordLimit;

public sealed class ProseViewTests
{
    private static readonly string[] Pieces =
    [
        "The net reaches **94%** in 341 s.", "| a | b |\n|---|---|\n| 1 | $x^2$ |\n", "$$\nL = \\|X\\|_F^2\n$$", "Fish &amp; chips &lt;3",
        "- item *one*\n- item `two`", "", "\n\n", "## Heading $\\alpha$", "plain", "> quoted _text_", "1. first\n2. second",
        "```\ncode here\n```", "Inline \\(a+b\\) and $c$.", "&copy;&nbsp;x", "a\\\nb",
    ];

    [Test]
    public void Maps_every_range_of_the_text_as_a_per_character_map_would()
    {
        var random = new Random(182);
        for (var round = 0; round < 300; round++)
        {
            var markdown = string.Join("\n\n", Enumerable.Range(0, random.Next(1, 6)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            var blocks = MarkdownDocumentParser.Default.Parse(markdown).Blocks;
            Func<Block, Inline, string?> render = (_, inline) => inline.Kind switch
            {
                InlineKind.Math => inline.Text.Length % 3 == 0 ? null : "<" + inline.Text + ">",
                _ => inline.Text.Length % 2 == 0 ? "" : "#",
            };

            var view = ProseView.Build(blocks, render);
            var (text, starts, ends) = Reference(blocks, render);

            Assert.That(view.Text, Is.EqualTo(text), markdown);
            for (var start = -1; start <= text.Length + 1; start++)
                for (var end = start - 1; end <= text.Length + 2; end++)
                    Assert.That(view.SpanOf(start, end), Is.EqualTo(ReferenceSpanOf(text, starts, ends, start, end)), $"{markdown} [{start}, {end})");
        }
    }

    [Test]
    public void A_word_in_a_list_item_maps_back_to_its_characters_in_the_message()
    {
        const string markdown = "Intro line.\n\n- the **decoder** inputs";
        var blocks = MarkdownDocumentParser.Default.Parse(markdown).Blocks;

        var view = ProseView.Build(blocks, (_, _) => null);
        var at = view.Text.IndexOf("decoder", StringComparison.Ordinal);

        Assert.That(markdown.Substring(view.SpanOf(at, at + 7).Start, view.SpanOf(at, at + 7).Length), Is.EqualTo("decoder"));
    }

    /// <summary>The map as it was first written: two ints per character.</summary>
    private static (string Text, List<int> Starts, List<int> Ends) Reference(IEnumerable<Block> blocks, Func<Block, Inline, string?> render)
    {
        var text = new System.Text.StringBuilder();
        var starts = new List<int>();
        var ends = new List<int>();
        foreach (var block in blocks)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
                starts.Add(block.Span.Start);
                ends.Add(block.Span.Start);
            }
            var previousEnd = -1;
            foreach (var inline in block.Inlines)
            {
                var span = inline.Span;
                if (block.Kind == BlockKind.Table && previousEnd >= 0 && span.Start > previousEnd)
                {
                    text.Append(' ');
                    starts.Add(previousEnd);
                    ends.Add(previousEnd);
                }
                previousEnd = span.End;
                if (inline.Kind == InlineKind.Text)
                {
                    for (var i = 0; i < inline.Text.Length; i++)
                    {
                        var s = span.Length == 0 ? span.Start : Math.Min(span.Start + i, span.End - 1);
                        text.Append(inline.Text[i]);
                        starts.Add(s);
                        ends.Add(Math.Min(s + 1, Math.Max(span.End, s)));
                    }
                    continue;
                }
                var rendered = render(block, inline);
                if (string.IsNullOrEmpty(rendered)) continue;
                foreach (var c in rendered)
                {
                    text.Append(c);
                    starts.Add(span.Start);
                    ends.Add(span.End);
                }
            }
        }
        return (text.ToString(), starts, ends);
    }

    private static TextSpan ReferenceSpanOf(string text, List<int> starts, List<int> ends, int start, int end)
    {
        if (text.Length == 0) return new TextSpan(0, 0);
        start = Math.Clamp(start, 0, text.Length - 1);
        end = Math.Clamp(end, start + 1, text.Length);
        var s = starts[start];
        return TextSpan.FromBounds(s, Math.Max(s, ends[end - 1]));
    }
}

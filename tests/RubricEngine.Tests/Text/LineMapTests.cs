using RubricEngine.Documents;
using RubricEngine.Text;

namespace RubricEngine.Tests.Text;

public sealed class LineMapTests
{
    [Test]
    public void Lines_break_at_lf_crlf_and_a_lone_cr()
    {
        var map = LineMap.Build("ab\ncd\r\nef\rgh");

        Assert.That(map.LineCount, Is.EqualTo(4));
        Assert.That(Enumerable.Range(1, 4).Select(map.GetLineStart), Is.EqualTo(new[] { 0, 3, 7, 10 }));
        Assert.That(map.GetPosition(8), Is.EqualTo(new LinePosition(3, 2)));
        Assert.That(map.GetPosition(5), Is.EqualTo(new LinePosition(2, 3)), "the \\r of \\r\\n ends line 2");
    }

    [TestCase("")]
    [TestCase("one line")]
    public void A_text_without_breaks_is_one_line(string text)
    {
        var map = LineMap.Build(text);

        Assert.That(map.LineCount, Is.EqualTo(1));
        Assert.That(map.GetPosition(text.Length), Is.EqualTo(new LinePosition(1, text.Length + 1)));
    }

    [Test]
    public void Trailing_breaks_open_empty_last_lines()
    {
        Assert.That(LineMap.Build("a\n").LineCount, Is.EqualTo(2));
        Assert.That(LineMap.Build("a\r\n\r\n").LineCount, Is.EqualTo(3));
        Assert.That(LineMap.Build("\r").GetLineStart(2), Is.EqualTo(1));
    }

    [Test]
    public void A_documents_line_map_is_built_once_and_shared_by_threads()
    {
        var document = MarkdownDocumentParser.Default.Parse("# Title\n\nBody text\nsecond line");

        var maps = new LineMap[8];
        Parallel.For(0, maps.Length, i => maps[i] = document.Lines);

        Assert.That(maps, Is.All.SameAs(document.Lines));
        Assert.That(document.Lines.GetPosition(document.Text.IndexOf("second", StringComparison.Ordinal)), Is.EqualTo(new LinePosition(4, 1)));
    }
}

using RubricEngine.Reports.Feedback;

namespace RubricEngine.Tests.Reports.Feedback;

public sealed class MarkdownTextTests
{
    [TestCase("# title", "\\# title")]
    [TestCase("- item", "\\- item")]
    [TestCase("+ item", "\\+ item")]
    [TestCase("=====", "\\=====")]
    [TestCase("12. item", "12\\. item")]
    [TestCase("3) item", "3\\) item")]
    [TestCase("4.a and HW7-03", "4.a and HW7-03")]
    [TestCase("<b>&</b>", "&lt;b&gt;&amp;&lt;/b&gt;")]
    [TestCase("`x` *y* _z_ [l](u)", "\\`x\\` \\*y\\* \\_z\\_ \\[l\\](u)")]
    [TestCase("a\n# b", "a \\# b")]
    public void Inline_text_is_inert(string text, string expected) => Assert.That(MarkdownText.Inline(text), Is.EqualTo(expected));
}

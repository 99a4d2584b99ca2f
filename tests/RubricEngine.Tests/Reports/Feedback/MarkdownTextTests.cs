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
    [TestCase("a\n# b", "a # b")]
    [TestCase(@"$W_1 = U_k^\top$ and \Theta(n)", @"$W_1 = U_k^\top$ and \Theta(n)")]
    [TestCase("~18 hours, not ~~20~~", "~18 hours, not \\~\\~20\\~\\~")]
    [TestCase(@"a \* b", @"a \\\* b")]
    public void Inline_text_is_inert(string text, string expected) => Assert.That(MarkdownText.Inline(text), Is.EqualTo(expected));

    [TestCase(@"**(b)** The bound is $\Theta(n \log n)$ for *merge sort*.", @"> (b) The bound is $\Theta(n \log n)$ for merge sort.")]
    [TestCase("### 2. Summary", "> 2\\. Summary")]
    [TestCase("Answer: **B**", "> Answer: B")]
    public void A_quote_reads_as_the_student_wrote_it_without_markup_or_backslashes(string excerpt, string expected) =>
        Assert.That(MarkdownText.Quote(excerpt), Is.EqualTo(expected));
}

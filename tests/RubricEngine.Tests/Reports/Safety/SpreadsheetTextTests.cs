using RubricEngine.Reports.Safety;

namespace RubricEngine.Tests.Reports.Safety;

public sealed class SpreadsheetTextTests
{
    [TestCase("=HYPERLINK(\"http://x\",\"y\")")]
    [TestCase("+1")]
    [TestCase("-2+3")]
    [TestCase("@SUM(A1)")]
    [TestCase("\t=1")]
    [TestCase("\r=1")]
    [TestCase("\uFF1D1+1")]
    public void Formula_starts_get_a_leading_quote(string hostile) =>
        Assert.That(SpreadsheetText.EscapeForCsv(hostile), Is.EqualTo("'" + hostile));

    [TestCase("Ana Lopez")]
    [TestCase("1.5")]
    [TestCase("a=b")]
    [TestCase(" =1")]
    [TestCase("")]
    public void Ordinary_text_is_unchanged(string text) =>
        Assert.That(SpreadsheetText.EscapeForCsv(text), Is.EqualTo(text));

    [Test]
    public void Null_becomes_empty() => Assert.That(SpreadsheetText.EscapeForCsv(null), Is.EqualTo(""));
}

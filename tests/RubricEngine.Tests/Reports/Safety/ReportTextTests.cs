using RubricEngine.Reports.Safety;

namespace RubricEngine.Tests.Reports.Safety;

public sealed class ReportTextTests
{
    [Test]
    public void Lone_surrogates_become_replacement_characters_and_pairs_survive() =>
        Assert.That(ReportText.ScrubSurrogates("a\uD800b\uDC00c😀"), Is.EqualTo("a\uFFFDb\uFFFDc😀"));

    [Test]
    public void One_safe_line_removes_breaks_escapes_and_bidi_overrides() =>
        Assert.That(ReportText.OneSafeLine("x\r\n\ty\u001b[31mz\u202Eq"), Is.EqualTo("x y\uFFFD[31mz\uFFFDq"));
}

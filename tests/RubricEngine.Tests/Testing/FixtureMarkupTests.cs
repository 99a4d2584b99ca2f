using RubricEngine.Testing;
using RubricEngine.Text;

namespace RubricEngine.Tests.Testing;

public sealed class FixtureMarkupTests
{
    [Test]
    public void Marks_are_stripped_and_their_spans_are_in_the_stripped_text()
    {
        var (text, marks) = FixtureMarkup.Parse("It took {|HW7-03:~18 hours|} and {|HW7-03:68%|}.");

        Assert.That(text, Is.EqualTo("It took ~18 hours and 68%."));
        Assert.That(marks, Is.EqualTo(new[] { new MarkedSpan("HW7-03", new TextSpan(8, 9)), new MarkedSpan("HW7-03", new TextSpan(22, 3)) }));
        Assert.That(text.Substring(8, 9), Is.EqualTo("~18 hours"));
    }

    [Test]
    public void Marks_nest()
    {
        var (text, marks) = FixtureMarkup.Parse("{|A-1:outer {|B-2:inner|} end|}");

        Assert.That(text, Is.EqualTo("outer inner end"));
        Assert.That(marks, Is.EqualTo(new[] { new MarkedSpan("A-1", new TextSpan(0, 15)), new MarkedSpan("B-2", new TextSpan(6, 5)) }));
    }

    [Test]
    public void TeX_that_looks_like_markup_is_left_alone()
    {
        const string tex = @"$\{|x|\}$ and a|} stray closer";

        var (text, marks) = FixtureMarkup.Parse(tex);

        Assert.That(text, Is.EqualTo(tex));
        Assert.That(marks, Is.Empty);
    }

    [Test]
    public void An_unclosed_mark_is_an_error() =>
        Assert.That(() => FixtureMarkup.Parse("{|HW7-03:never closed"), Throws.InstanceOf<FormatException>().With.Message.Contains("HW7-03"));

    [Test]
    public void A_line_renders_with_its_mark()
    {
        const string text = "first line\nIt took ~18 hours.\nlast";

        Assert.That(FixtureMarkup.RenderLine(text, new TextSpan(19, 9), "HW7-03"), Is.EqualTo("It took {|HW7-03:~18 hours|}."));
    }
}

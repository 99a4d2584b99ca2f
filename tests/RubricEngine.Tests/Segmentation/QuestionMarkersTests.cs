using RubricEngine.Segmentation;

namespace RubricEngine.Tests.Segmentation;

public sealed class QuestionMarkersTests
{
    private static readonly QuestionMarkers Hw7 = new(new SegmenterOptions
    {
        Questions = ["3.b.i", "3.b.ii", "4.a", "4.b", "mt.b", "mt.c", "5.a", "5.b"],
        Aliases = new Dictionary<string, QuestionPath>(StringComparer.OrdinalIgnoreCase) { ["Machine Translation"] = "mt.b" },
    });

    [TestCase("Problem 3b (ii)", "3.b.ii")]
    [TestCase("Problem 3.b.ii", "3.b.ii")]
    [TestCase("Problem 3(b)(ii): show that", "3.b.ii")]
    [TestCase("Q4(a)", "4.a")]
    [TestCase("Q 4", "4")]
    [TestCase("4(a)", "4.a")]
    [TestCase("3(b)(i)", "3.b.i")]
    [TestCase("3.b.ii", "3.b.ii")]
    [TestCase("Question 5", "5")]
    [TestCase("Problem 4, part (b)", "4.b")]
    [TestCase("Problem 4 part B", "4.b")]
    [TestCase("Problem #3", "3")]
    [TestCase("Problem 3.2", "3.2")]
    [TestCase("MT (b)", "mt.b")]
    [TestCase("mt.c", "mt.c")]
    public void Absolute_markers_normalize_to_dotted_paths(string text, string expected)
    {
        var marker = Hw7.ReadLeadIn(text);
        Assert.That(marker, Is.Not.Null);
        Assert.That(marker!.Path?.Value, Is.EqualTo(expected));
    }

    [TestCase("(b)", "b", MarkerPartKind.Letter)]
    [TestCase("Part (b)", "b", MarkerPartKind.Letter)]
    [TestCase("Part b:", "b", MarkerPartKind.Letter)]
    [TestCase("(ii) Show that the principal components satisfy them", "ii", MarkerPartKind.Roman)]
    [TestCase("(i)", "i", MarkerPartKind.LetterOrRoman)]
    [TestCase("b) Decoder inputs", "b", MarkerPartKind.Letter)]
    public void Relative_markers_keep_their_part_and_kind(string text, string part, MarkerPartKind kind)
    {
        var marker = Hw7.ReadLeadIn(text);
        Assert.That(marker, Is.Not.Null);
        Assert.That(marker!.IsRelative, Is.True);
        Assert.That(marker.Parts[0], Is.EqualTo(new MarkerPart(part, kind)));
    }

    [Test]
    public void Paren_pair_reads_as_part_then_subpart()
    {
        var marker = Hw7.ReadLeadIn("(a)(i)")!;
        Assert.That(marker.Parts, Is.EqualTo(new[] { new MarkerPart("a", MarkerPartKind.Letter), new MarkerPart("i", MarkerPartKind.Roman) }));
        Assert.That(marker.Span.Length, Is.EqualTo(6));
    }

    [TestCase("Step 1: expand the norm")]
    [TestCase("4 Figures")]
    [TestCase("(1) and (2) hold")]
    [TestCase("(B) is correct")]
    [TestCase("Problems arise")]
    [TestCase("Summary")]
    [TestCase("3.5 seconds")]
    [TestCase("3D convolutions")]
    [TestCase("Part of the answer")]
    [TestCase("Final answer: B")]
    [TestCase("")]
    public void Non_markers_are_not_read(string text)
    {
        Assert.That(Hw7.ReadLeadIn(text), Is.Null);
    }

    [Test]
    public void Alias_title_names_its_question_and_parts_after_it_its_problem()
    {
        Assert.That(Hw7.ReadLeadIn("Machine Translation")!.Alias, Is.EqualTo(new QuestionPath("mt.b")));
        Assert.That(Hw7.ReadLeadIn("machine translation (c)")!.Path, Is.EqualTo(new QuestionPath("mt.c")));
    }

    [Test]
    public void Heading_with_number_and_alias_records_both()
    {
        var marker = Hw7.ReadHeading("Problem 6: Machine Translation")!;
        Assert.That(marker.Problem, Is.EqualTo("mt"));
        Assert.That(marker.NumberedAs, Is.EqualTo("6"));
    }

    [Test]
    public void Heading_marker_may_follow_words_when_it_has_a_keyword()
    {
        Assert.That(Hw7.ReadHeading("Solution to Problem 3(b)(i)")!.Path, Is.EqualTo(new QuestionPath("3.b.i")));
        Assert.That(Hw7.ReadHeading("Why condition (b) fails"), Is.Null);
    }

    [Test]
    public void FindAll_reads_markers_in_a_prompt()
    {
        var markers = Hw7.FindAll("Solve problem 3(b). For (i), show the steps; f(x) and (x) are not parts, nor (1).");
        Assert.That(markers.Select(m => m.ToString()), Is.EqualTo(new[] { "3.b", "(i)" }));
    }

    [Test]
    public void FindAll_reads_aliases_case_insensitively()
    {
        var markers = Hw7.FindAll("Now the machine translation problem, part (c) please");
        Assert.That(markers[0].Alias, Is.EqualTo(new QuestionPath("mt.b")));
        Assert.That(markers[1].ToString(), Is.EqualTo("(c)"));
    }

    [Test]
    public void FindAll_is_linear_on_hostile_text()
    {
        var text = string.Concat(Enumerable.Repeat("Problem (((( Q Part 4(", 20_000));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Hw7.FindAll(text);
        Assert.That(watch.ElapsedMilliseconds, Is.LessThan(1000));
    }
}

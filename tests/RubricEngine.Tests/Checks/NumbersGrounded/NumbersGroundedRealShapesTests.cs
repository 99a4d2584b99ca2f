using RubricEngine.Checks;
using RubricEngine.Rubrics;
using RubricEngine.Traces;
using static RubricEngine.Tests.Checks.TextAnswerFactory;

namespace RubricEngine.Tests.Checks.NumbersGrounded;

/// <summary>Issue 12, points 4, 6 and 10: terms, citation markers and repeats in answers shaped like real replies.</summary>
public sealed class NumbersGroundedRealShapesTests
{
    private static readonly IReadOnlyList<SourceText> Blog =
        [new SourceText("resnet-blog.md", "ResNet blog", File.ReadAllText(Path.Combine(Hw7Example.Folder, "sources", "resnet-blog.md")))];

    private static (Answer Answer, CheckResult Result) Run(string markdown)
    {
        var answer = Answer(markdown, rubricSources: Blog);
        return (answer, new NumbersGroundedCheck().Evaluate(answer));
    }

    private static List<string> Charged(Answer answer, CheckResult result) =>
        result.Evidence.Where(e => e.Severity is null).Select(answer.TextOf).ToList();

    [Test]
    public void Numbers_that_are_part_of_a_standard_term_are_not_claims()
    {
        const string md = """
            **Mixed precision.** Instead of storing everything in 32-bit floating point (FP32), the post uses 16-bit
            floating point (FP16) arithmetic with FP32 master weights, which gave a 3x speedup. The network is a
            ResNet-18-style model built from 3×3 convolutions; its top-5 accuracy is not reported, and the 2-way
            split between FP16 and FP32 tensors is what the tensor cores need. See **Answer 2(b)** for the schedule.
            """;
        var (answer, result) = Run(md);
        Assert.That(Charged(answer, result), Is.Empty, result.Message);
        Assert.That(result.Message, Is.EqualTo("The one number stated is in the sources."));
    }

    [Test]
    public void A_speedup_and_an_invented_duration_are_still_claims()
    {
        var (answer, result) = Run("With FP16 the run got a 3x speedup, down from ~18 hours with 32-bit floats.");
        Assert.That(Charged(answer, result), Is.EqualTo(new[] { "~18 hours" }));
        Assert.That(result.Score, Is.EqualTo(0.5));
    }

    [TestCase("The post reaches 94% in 341 seconds 【11†source】, beating the old record 【12†source】.")]
    [TestCase("The post reaches 94% in 341 seconds 【4:0†resnet-blog.md】.")]
    [TestCase("The post reaches 94% in 341 seconds \ue200cite\ue202turn0search1\ue201 on one V100.")]
    [TestCase("The post reaches 94% in 341 seconds \ue200cite\ue202turn0search1\ue202turn0search7\ue201.")]
    [TestCase("The post reaches 94% in 341 seconds citeturn0search1 on one V100.")]
    public void Citation_markers_are_never_numbers(string md)
    {
        var (answer, result) = Run(md);
        Assert.That(result.Passed, Is.True, result.Message);
        Assert.That(result.Message, Is.EqualTo("All 2 numbers stated are in the sources."));
        Assert.That(result.Evidence, Is.Empty, "no RE0003 note for turn0search1 either");
    }

    [Test]
    public void One_invented_figure_said_twice_is_judged_once_and_both_places_are_shown()
    {
        const string md = """
            **(a)** The baseline took ~18 hours to train. With mixed precision and a batch size of 512, the authors cut
            that to 341 s.

            In other words, going from ~18 hours to under 6 minutes is a dramatic improvement, at 94% accuracy.
            """;
        var (answer, result) = Run(md);
        Assert.That(result.Score, Is.EqualTo(4.0 / 5).Within(1e-9), "5 distinct claims (~18 hours, 512, 341 s, 6 minutes, 94%), one ungrounded");
        Assert.That(result.Message, Is.EqualTo("1 number is not in the sources: ~18 hours (said twice)."));
        Assert.That(Charged(answer, result), Is.EqualTo(new[] { "~18 hours" }));
        var repeat = result.Evidence.Single(e => e.Severity == Severity.Info);
        Assert.That(answer.TextOf(repeat), Is.EqualTo("~18 hours"));
        Assert.That(repeat.Span.Start, Is.GreaterThan(result.Evidence.First(e => e.Severity is null).Span.Start));
        Assert.That(repeat.Message, Does.Contain("counted once"));
    }
}

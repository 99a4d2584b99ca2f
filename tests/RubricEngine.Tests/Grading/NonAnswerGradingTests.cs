using RubricEngine.Checks;
using RubricEngine.Grading;
using RubricEngine.Rubrics;
using RubricEngine.Traces;

namespace RubricEngine.Tests.Grading;

/// <summary>Issue 12, point 9: a refusal or a near-empty reply is not a compliant answer on any criterion of its question.</summary>
public sealed class NonAnswerGradingTests
{
    private static Trace Chat(string reply) => new("t1", "hw7", new Student("s1"), null, [],
    [
        new Message(0, Role.User, "Problem 4(a): list the figures the blog reports.", null, [], [], null),
        new Message(1, Role.Assistant, reply, null, [], [], null),
    ]) { File = "t1.json" };

    private static RubricDefinition Rubric()
    {
        var globals = new RubricGlobals(".");
        globals.Rubric("test", r => r.Question("4.a", "Figures")
            .Criterion("C-01", "Numbers grounded", 2).NumbersGrounded()
            .Criterion("C-02", "About 100 words", 1).WordLimit(100, tolerance: 10));
        return globals.BuildRubric();
    }

    [TestCase("**4(a)** I can't browse the web, so I can't open the blog post. Typically, though, mixed precision gives a 2-3x speedup.")]
    [TestCase("**4(a)** I'm sorry, but I don't have access to the blog post you mentioned. If you paste it here, I can list its figures.")]
    [TestCase("**4(a)**\n\n…")]
    public void A_non_answer_fails_every_criterion_of_its_question_with_a_clear_comment(string reply)
    {
        var grade = new Grader(Rubric()).Grade(Chat(reply));
        Assert.That(grade.Criteria.Select(c => c.Points), Is.EqualTo(new[] { 0.0, 0.0 }));
        foreach (var c in grade.Criteria)
            Assert.That(c.Comment, Does.Contain("not an answer to 4.a").And.Contain("no points"), c.Comment);
    }

    [Test]
    public void A_real_answer_that_mentions_browsing_is_graded_normally()
    {
        const string reply = "**4(a)** I can't browse the web, but the post you pasted reports 94% accuracy in 341 seconds on one V100, "
            + "against a previous record of 35 minutes on eight V100s, with a 3x speedup from mixed precision.";
        var grade = new Grader(Rubric()).Grade(Chat(reply));
        Assert.That(grade.Criteria.Single(c => c.Rule.Id == "C-02").Points, Is.EqualTo(1));
    }
}

using RubricEngine.Checks;
using RubricEngine.Grading;
using RubricEngine.Rubrics;
using RubricEngine.Traces;

namespace RubricEngine.Tests.Grading;

/// <summary>How the grader treats follow-ups and restatements the segmenter found.</summary>
public sealed class FollowUpGradingTests
{
    private static Trace Conversation(params string[] turns) =>
        new("t1", "hw", new Student("s1"), null, [], turns.Select((c, i) => new Message(i, i % 2 == 0 ? Role.User : Role.Assistant, c, null, [], [], null)).ToList()) { File = "t1.json" };

    [Test]
    public void A_short_reply_to_a_side_question_never_replaces_the_answer_under_Attempt_Last()
    {
        var globals = new RubricGlobals(".");
        globals.Rubric("test", r => r.Grade(Attempt.Last).Question("3.b.ii", "Principal components satisfy the conditions")
            .Criterion("C-01", "Substitutes U_k", 2).Custom(a => a.Text.Contains("U_k") ? CheckResult.Pass() : CheckResult.Fail("No substitution of U_k.")));
        var grade = new Grader(globals.BuildRubric()).Grade(Conversation(
            "Solve 3(b)(ii)",
            "Substitute $W_1 = U_k^\\top$ and $W_2 = U_k$ into both conditions; each gradient vanishes.",
            "Is it a global minimum?",
            "Yes, by Eckart–Young."));
        var c = grade.Criteria.Single();

        Assert.That(c.Points, Is.EqualTo(2));
        Assert.That((c.Attempts, c.AttemptUsed), Is.EqualTo((1, 1)));
    }

    [Test]
    public void NumbersGrounded_does_not_charge_figures_restated_in_a_tab_separated_summary_table()
    {
        var globals = new RubricGlobals(".");
        globals.Rubric("test", r =>
        {
            r.SourceText("blog", "The baseline took 341 seconds to reach 94% accuracy; the final run took 26 seconds.");
            r.Question("4.a").Criterion("C-01", "Figures", 2).NumbersGrounded();
            r.Question("4.b").Criterion("C-02", "Learned", 2).NumbersGrounded();
        });
        var grade = new Grader(globals.BuildRubric()).Grade(Conversation(
            "Problem 4, both parts please.",
            "(a) The baseline took 341 s at 94%; the final run took 26 s.\n\n(b) Small engineering fixes add up.\n\nProblem 4 Summary\nQuestion\tAnswer\n(a)\tBaseline: 18 hours, 68%\n(b)\tFixes add up"));

        Assert.That(grade.Criteria.Select(c => c.Points), Is.EqualTo(new[] { 2.0, 2.0 }), string.Join("; ", grade.Findings.Select(f => f.Message)));
    }
}

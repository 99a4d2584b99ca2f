using RubricEngine.Grading;
using RubricEngine.Rubrics;
using RubricEngine.Text;
using RubricEngine.Traces;

namespace RubricEngine.Tests.Grading;

public sealed class GraderTests
{
    private static Trace Chat(params string[] replies)
    {
        var messages = new List<Message>();
        foreach (var reply in replies)
        {
            messages.Add(new Message(messages.Count, Role.User, "Problem 1, please.", null, [], [], null));
            messages.Add(new Message(messages.Count, Role.Assistant, reply, null, [], [], null));
        }
        return new Trace("t1", "hw", new Student("s1"), null, [], messages) { File = "t1.json" };
    }

    private static RubricDefinition Rubric(Attempt policy, Func<Answer, CheckResult> check, double points = 2)
    {
        var globals = new RubricGlobals(".");
        globals.Rubric("test", r => r.Grade(policy).Question("1").Criterion("C-01", "Criterion", points).Custom(check));
        return globals.BuildRubric();
    }

    // Scores 1 when the answer says "good", else 0: lets each attempt pass or fail on purpose.
    private static CheckResult GoodOrBad(Answer a) => a.Text.Contains("good") ? CheckResult.Pass() : CheckResult.Fail("Not good.");

    [TestCase(Attempt.First, 0, 1)]
    [TestCase(Attempt.Last, 2, 3)]
    [TestCase(Attempt.Best, 2, 2)]
    public void The_attempt_policy_picks_the_points(Attempt policy, double points, int attemptUsed)
    {
        var grade = new Grader(Rubric(policy, GoodOrBad)).Grade(Chat("**Problem 1.** bad", "**Problem 1.** good", "**Problem 1.** good again"));
        var c = grade.Criteria.Single();

        Assert.That(c.Points, Is.EqualTo(points));
        Assert.That(c.AttemptUsed, Is.EqualTo(attemptUsed));
        Assert.That(c.Attempts, Is.EqualTo(3));
        Assert.That(c.RepromptsBeforePass, Is.EqualTo(1));
    }

    [Test]
    public void Findings_of_ungraded_attempts_are_reported_but_cost_nothing()
    {
        var grade = new Grader(Rubric(Attempt.Last, GoodOrBad)).Grade(Chat("**Problem 1.** bad", "**Problem 1.** good"));
        var finding = grade.Findings.Single();

        Assert.That(finding.Attempt, Is.EqualTo(1));
        Assert.That(finding.IsGradedAttempt, Is.False);
        Assert.That(finding.PointsLost, Is.EqualTo(0));
    }

    [Test]
    public void A_missing_answer_costs_all_points_and_says_which_question()
    {
        var grade = new Grader(Rubric(Attempt.First, GoodOrBad)).Grade(Chat());
        var c = grade.Criteria.Single();

        Assert.That(c.Points, Is.EqualTo(0));
        Assert.That(c.Comment, Is.EqualTo("No answer to question 1 was found in the conversation."));
    }

    [Test]
    public void Lost_points_with_only_informational_evidence_still_point_at_the_answer()
    {
        var rubric = Rubric(Attempt.First, a => CheckResult.Partial(0.5, "Half done.", new Evidence(new TextSpan(a.Span.Start, 3), "A note.", Severity.Info)));
        var grade = new Grader(rubric).Grade(Chat("**Problem 1.** some work"));
        var findings = grade.Findings.ToList();

        Assert.That(grade.Total, Is.EqualTo(1));
        var costly = findings.Single(f => f.Severity == Severity.Warning);
        Assert.That(costly.Message, Is.EqualTo("Half done."));
        Assert.That(costly.PointsLost, Is.EqualTo(1));
        Assert.That(costly.Location, Is.Not.Null);
        Assert.That(findings.Single(f => f.Severity == Severity.Info).PointsLost, Is.EqualTo(0));
    }

    [Test]
    public void A_check_that_throws_is_an_error_for_that_criterion_only()
    {
        var globals = new RubricGlobals(".");
        globals.Rubric("test", r => r.Question("1")
            .Criterion("C-01", "Throws", 2).Custom(_ => throw new InvalidOperationException("boom"))
            .Criterion("C-02", "Passes", 1).Custom(_ => CheckResult.Pass()));
        var grade = new Grader(globals.BuildRubric()).Grade(Chat("**Problem 1.** anything"));

        var broken = grade.Criteria.Single(c => c.Rule.Id == "C-01");
        Assert.That(broken.IsError, Is.True);
        Assert.That(broken.Points, Is.EqualTo(0));
        Assert.That(broken.Comment, Does.Contain("InvalidOperationException: boom"));
        Assert.That(grade.Criteria.Single(c => c.Rule.Id == "C-02").Points, Is.EqualTo(1));
    }

    [Test]
    public void Scores_outside_zero_to_one_are_clamped()
    {
        var grade = new Grader(Rubric(Attempt.First, _ => new CheckResult(7, "", []))).Grade(Chat("**Problem 1.** x"));
        Assert.That(grade.Total, Is.EqualTo(2));
        grade = new Grader(Rubric(Attempt.First, _ => new CheckResult(double.NaN, "odd", []))).Grade(Chat("**Problem 1.** x"));
        Assert.That(grade.Total, Is.EqualTo(0));
    }
}

using RubricEngine.Grading;
using RubricEngine.Hosting;
using RubricEngine.Rubrics;
using RubricEngine.Scripting;
using RubricEngine.Segmentation;
using RubricEngine.Traces;

namespace RubricEngine.Tests.Grading;

/// <summary>A library user grades through <see cref="GradingSession"/>, the way <c>rubric grade</c> does.</summary>
public sealed class GradingSessionTests
{
    private static ReadyRubric LoadHw7() =>
        ReadyRubric.Load(Hw7Example.RubricPath, new RubricLoadOptions { CacheFolder = Path.Combine(Path.GetTempPath(), "rubricengine-tests-cache") });

    private static ManualOverride Row(string student, string rule, double? points) => new(student, rule, points, "seen on paper", "TA Kim", "overrides.csv", 2);

    [Test]
    public void Overrides_are_applied_before_the_caller_sees_a_grade_and_unmatched_rows_are_reported()
    {
        using var rubric = LoadHw7();
        var session = new GradingSession(rubric, new TraceReaderOptions { Roster = StudentRoster.Load(Path.Combine(Hw7Example.Folder, "students.csv")) }, parallelism: 2);
        var invalid = session.UseOverrides([Row("3031002", "HW7-01", null), Row("3031001", "HW7-03", 1), Row("nobody", "HW7-01", 1), Row("3031001", "HW7-99", 1)]);

        var results = session.Grade(session.Open([Hw7Example.Traces])).ToList();

        Assert.That(invalid.Single().Message, Does.Contain("'HW7-99' is not in the rubric"));
        var bob = results.Single(r => r.Grade?.Student.Id == "3031002").Grade!.Criteria.Single(c => c.Rule.Id == "HW7-01");
        Assert.That((bob.Points, bob.Override), Is.EqualTo((bob.MaxPoints, "seen on paper (TA Kim)")));
        Assert.That(bob.Findings, Is.Not.Empty.And.All.Matches<Finding>(f => f.Suppression == "seen on paper (TA Kim)" && f.PointsLost == 0));
        var alice = results.Single(r => r.Grade?.Student.Id == "3031001").Grade!.Criteria.Single(c => c.Rule.Id == "HW7-03");
        Assert.That((alice.Points, alice.Override), Is.EqualTo((1.0, "seen on paper (TA Kim)")));
        Assert.That(session.UnusedOverrides().Select(d => d.Message), Has.Some.Contains("student 'nobody'").And.Some.Contains("'HW7-99'"));
    }

    [Test]
    public void Attribution_fixes_reach_both_the_grades_and_the_analysis()
    {
        using var rubric = LoadHw7();
        var session = new GradingSession(rubric, parallelism: 1);
        var file = Path.Combine(Hw7Example.Traces, "01-alice-all-in-one.json");
        var trace = session.Reader.Read([file]).Traces.Single();
        var before = session.Grader.Analyze(trace).Segmentation.Answers.Count(a => a.MessageIndex == 1);

        session.UseAttribution(new AttributionFixSet([(trace.Id, new AttributionFix(1, null))]));
        var after = session.Grader.Analyze(trace).Segmentation.Answers.Count(a => a.MessageIndex == 1);
        var graded = session.Grade(session.Open([file])).Single().Grade!;

        Assert.That(before, Is.GreaterThan(0), "message 1 holds answers before the fix");
        Assert.That(after, Is.Zero, "a fix to 'none' removes every answer of the message");
        Assert.That(graded.Criteria.Sum(c => c.Points), Is.LessThan(rubric.Definition.MaxPoints), "the graded trace lost the fixed-away answers");
    }
}

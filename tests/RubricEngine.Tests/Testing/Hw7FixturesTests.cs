using RubricEngine.Testing;
using RubricEngine.Traces;

namespace RubricEngine.Tests.Testing;

/// <summary>
/// What <c>rubric test rubrics/hw7</c> does, in the suite: every hw7 fixture passes with the real reader and the
/// real rubric, and the fixtures prove both full and lost points for every criterion.
/// </summary>
public sealed class Hw7FixturesTests
{
    private static RubricTestReport Run() =>
        new RubricTestRunner(Hw7Example.Rubric, ReadOne).RunAll(Hw7Example.RubricPath);

    private static Trace ReadOne(string file) => new TraceReader().Read([file]).Traces.Single();

    [Test]
    public void Every_hw7_fixture_passes()
    {
        var report = Run();
        Assert.That(report.Results, Has.Count.GreaterThanOrEqualTo(5));
        Assert.That(report.Passed, Is.True, report.ToString());
    }

    [Test]
    public void The_fixtures_show_every_criterion_both_passing_and_losing_points()
    {
        var grades = Run().Results.Select(r => r.Grade!).ToList();
        foreach (var rule in Hw7Example.Rubric.Rules)
        {
            var results = grades.SelectMany(g => g.Criteria).Where(c => c.Rule.Id == rule.Id).ToList();
            Assert.That(results, Has.Some.Matches<RubricEngine.Grading.CriterionResult>(c => !c.LostPoints), $"{rule.Id} never passes in a fixture");
            Assert.That(results, Has.Some.Matches<RubricEngine.Grading.CriterionResult>(c => c.LostPoints && (c.AttemptUsed is not null || c.Question is null)), $"{rule.Id} never fails in a fixture");
        }
    }

    [Test]
    public void The_first_attempt_counts_and_the_reprompt_that_fixed_it_is_recorded()
    {
        var retry = Run().Results.Single(r => r.File.EndsWith("retry-first-attempt-counts.fixture.json", StringComparison.Ordinal)).Grade!;
        var numbers = retry.Criteria.Single(c => c.Rule.Id == "HW7-03");

        Assert.That(numbers.AttemptUsed, Is.EqualTo(1));
        Assert.That(numbers.Attempts, Is.EqualTo(2));
        Assert.That(numbers.RepromptsBeforePass, Is.EqualTo(1));
        Assert.That(numbers.Comment, Does.Contain("~18 hours"));
    }
}

using System.Text.RegularExpressions;
using RubricEngine.Rubrics;
using RubricEngine.Testing;
using RubricEngine.Text;

namespace RubricEngine.Tests.Testing;

public sealed class RubricTestRunnerTests
{
    private string _folder = null!;

    [SetUp]
    public void MakeFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "rubric-fixtures-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(_folder, "fixtures"));
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    /// <summary>One question (the placeholder segmenter gives it every answer); G-01 flags durations, S-01 counts words.</summary>
    private static RubricDefinition Rubric()
    {
        var globals = new RubricGlobals(Path.GetTempPath());
        globals.Rubric("Fixtures", r => r
            .Question("4.a")
                .Criterion("G-01", "Numbers grounded", points: 2).Custom(a =>
                {
                    var evidence = Regex.Matches(a.Text, @"~?\d+ hours", RegexOptions.NonBacktracking)
                        .Select(m => new Evidence(new TextSpan(a.Span.Start + m.Index, m.Length), $"{m.Value} is not in the blog.")).ToArray();
                    var notes = Regex.Matches(a.Text, @"\d+%", RegexOptions.NonBacktracking)
                        .Select(m => new Evidence(new TextSpan(a.Span.Start + m.Index, m.Length), "A percentage; check it.", Severity.Info));
                    return evidence.Length == 0 ? CheckResult.Pass() : CheckResult.Fail("Some numbers are not in the blog.", [.. evidence, .. notes]);
                })
                .Criterion("S-01", "Short", points: 1).Custom(a => a.Text.Split(' ').Length <= 12 ? CheckResult.Pass() : CheckResult.Fail("Too long.")));
        return globals.BuildRubric();
    }

    private FixtureResult RunFixture(string name, Dictionary<string, double> expect, params string[] answers)
    {
        var path = FixtureTraceJson.Write(Path.Combine(_folder, "fixtures", name + RubricFixture.Suffix), expect, answers);
        return new RubricTestRunner(Rubric(), FixtureTraceJson.Read).Run(path);
    }

    [Test]
    public void A_fixture_whose_marks_and_points_match_passes()
    {
        var result = RunFixture("ok", new() { ["G-01"] = 0, ["S-01"] = 1 }, "It took {|G-01:~18 hours|} to reach 68% accuracy.");

        Assert.That(result.Failures, Is.Empty, result.ToString());
        Assert.That(result.ToString(), Does.StartWith("PASS "));
    }

    [Test]
    public void Info_findings_may_be_left_unmarked_or_marked()
    {
        var unmarked = RunFixture("a", new(), "It took {|G-01:~18 hours|} to reach 68% accuracy.");
        var marked = RunFixture("b", new(), "It took {|G-01:~18 hours|} to reach {|G-01:68%|} accuracy.");

        Assert.That(unmarked.Passed && marked.Passed, Is.True, unmarked + "\n" + marked);
    }

    [Test]
    public void A_marked_finding_that_does_not_appear_fails_with_the_expected_line()
    {
        var result = RunFixture("missing", new(), "It took {|G-01:eighteen hours|} to train.");

        Assert.That(result.ToString(), Is.EqualTo($"""
            FAIL {result.File}
              G-01: missing finding at message 1 (1:9) "eighteen hours"
                  expected: It took {"{|"}G-01:eighteen hours|{"}"} to train.
            """));
    }

    [Test]
    public void A_finding_at_another_span_shows_expected_and_actual_markup()
    {
        var result = RunFixture("span", new(), "Intro.\nIt took ~{|G-01:18 hours|} to train.");

        var failure = result.Failures.Single();
        Assert.That(failure.Kind, Is.EqualTo(FailureKind.WrongSpan));
        Assert.That(failure.ToString(), Is.EqualTo("""
            G-01: finding at another span: expected message 1 (2:10) "18 hours", actual (2:9) "~18 hours": ~18 hours is not in the blog.
                expected: It took ~{|G-01:18 hours|} to train.
                actual:   It took {|G-01:~18 hours|} to train.
            """));
    }

    [Test]
    public void An_unmarked_warning_finding_is_unexpected()
    {
        var result = RunFixture("extra", new(), "It took 3 hours and {|G-01:~18 hours|}.");

        Assert.That(result.Failures.Select(f => f.ToString()), Is.EqualTo(new[]
        {
            "G-01: unexpected finding at message 1 (1:9) \"3 hours\": 3 hours is not in the blog.\n    actual:   It took {|G-01:3 hours|} and ~18 hours.",
        }));
    }

    [Test]
    public void Points_that_differ_fail_with_the_comment()
    {
        var result = RunFixture("points", new() { ["S-01"] = 1, ["G-01"] = 2, ["X-99"] = 1 }, "It took {|G-01:~18 hours|} to train.");

        Assert.That(result.Failures.Select(f => f.ToString()), Is.EqualTo(new[]
        {
            "G-01: points: expected 2, actual 0 of 2 — Some numbers are not in the blog.",
            "X-99: expect names X-99, which the rubric does not grade (unknown or disabled)",
        }));
    }

    [Test]
    public void Only_the_graded_attempt_must_be_marked()
    {
        // Attempt policy First: the second answer's finding is optional.
        var result = RunFixture("attempts", new() { ["G-01"] = 2 }, "It trained fast.", "It took ~18 hours.");

        Assert.That(result.Failures, Is.Empty, result.ToString());
    }

    [Test]
    public void RunAll_finds_every_fixture_and_counts_them()
    {
        FixtureTraceJson.Write(Path.Combine(_folder, "fixtures", "good" + RubricFixture.Suffix), new Dictionary<string, double> { ["S-01"] = 1 }, "Fine.");
        FixtureTraceJson.Write(Path.Combine(_folder, "fixtures", "sub", "bad" + RubricFixture.Suffix), new Dictionary<string, double> { ["S-01"] = 0 }, "Fine.");
        File.WriteAllText(Path.Combine(_folder, "fixtures", "broken" + RubricFixture.Suffix), "{ not json");
        File.WriteAllText(Path.Combine(_folder, "fixtures", "notes.json"), "{}");

        var report = new RubricTestRunner(Rubric(), FixtureTraceJson.Read).RunAll(Path.Combine(_folder, "r.rubric.csx"));

        Assert.That(report.Results.Select(r => Path.GetFileName(r.File)), Is.EqualTo(new[] { "broken.fixture.json", "good.fixture.json", "bad.fixture.json" }));
        Assert.That(report.Results.Select(r => r.Passed), Is.EqualTo(new[] { false, true, false }));
        Assert.That(report.ToString(), Does.EndWith("1 passed, 2 failed"));
        Assert.That(report.Results[0].Failures.Single().Kind, Is.EqualTo(FailureKind.Unreadable));
    }
}

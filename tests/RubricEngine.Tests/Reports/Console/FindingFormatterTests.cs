using RubricEngine.Reports.ConsoleOutput;
using RubricEngine.Rubrics;
using RubricEngine.Tests.Reports.Csv;

namespace RubricEngine.Tests.Reports.ConsoleOutput;

public sealed class FindingFormatterTests
{
    private static ReportFilesGradeBuilder Ana() => new(ReportFilesGradeBuilder.Rubric(), "ana", "Ana");

    [Test]
    public void Findings_use_msbuild_canonical_format_with_question_attempt_and_message()
    {
        var grade = Ana().Finding("HW7-03", "~18 hours is not in the sources", message: 4, line: 12, column: 5).Build();
        Assert.That(FindingFormatter.Format(grade, grade.Findings.Single()),
            Is.EqualTo("traces/ana.json(12,5): warning HW7-03: ~18 hours is not in the sources [4.a attempt 1, message 4]"));
    }

    [Test]
    public void Findings_without_location_or_question_drop_those_parts()
    {
        var grade = Ana().Finding("HW7-90", "no annotations", located: false, severity: Severity.Error).Build();
        Assert.That(FindingFormatter.Format(grade, grade.Findings.Single()), Is.EqualTo("traces/ana.json: error HW7-90: no annotations"));
    }

    [TestCase(ConsoleVerbosity.Quiet, new[] { "e" })]
    [TestCase(ConsoleVerbosity.Normal, new[] { "e", "w" })]
    [TestCase(ConsoleVerbosity.Detailed, new[] { "e", "w", "i", "s" })]
    public void Verbosity_filters_by_severity(ConsoleVerbosity verbosity, string[] expected)
    {
        var grade = Ana()
            .Finding("HW7-01", "e", severity: Severity.Error)
            .Finding("HW7-03", "w", severity: Severity.Warning)
            .Finding("HW7-04", "i", severity: Severity.Info)
            .Finding("HW7-04", "n", severity: Severity.None)
            .Build();
        var suppressed = grade with
        {
            Criteria = [.. grade.Criteria, grade.Criteria[0] with { Findings = [grade.Findings.First() with { Message = "s", Suppression = "ok (TA)" }] }],
        };
        var lines = FindingFormatter.FormatAll(suppressed, verbosity).ToList();
        Assert.That(lines.Select(l => l.Split(": ")[2].Split(' ')[0]), Is.EqualTo(expected));
        if (verbosity == ConsoleVerbosity.Detailed) Assert.That(lines[^1], Does.EndWith("(suppressed: ok (TA))"));
    }

    [Test]
    public void Terminal_escapes_and_line_breaks_in_trace_text_are_neutralized()
    {
        var grade = Ana().Finding("HW7-03", "line1\nline2\u001b[2J\u202Eevil").Build();
        var line = FindingFormatter.Format(grade, grade.Findings.Single());
        Assert.That(line, Does.Not.Contain("\n").And.Not.Contain("\u001b").And.Not.Contain("\u202E"));
        Assert.That(line, Does.Contain("line1 line2\uFFFD[2J\uFFFDevil"));
    }
}

public sealed class FindingFormatterCommentTests
{
    [Test]
    public void The_first_finding_that_cost_points_carries_the_criterion_comment_the_student_reads()
    {
        var rule = GradeBuilder.Derivation;
        var steps = GradeBuilder.Finding(rule, "The result, after 0 steps.", lost: 2);
        var other = GradeBuilder.Finding(rule, "Another place.", lost: 0);
        var grade = GradeBuilder.Grade("ana", "Ana", null,
            GradeBuilder.Lost(rule, 0, "States the gradient directly after the objective; the expansion of the norm as a trace is not shown.", "3.b.i", steps, other));

        var lines = FindingFormatter.FormatAll(grade, ConsoleVerbosity.Normal).ToList();

        Assert.That(lines[0], Does.Contain("error HW7-01: The result, after 0 steps. — States the gradient directly after the objective; the expansion of the norm as a trace is not shown. [3.b.i attempt 1"));
        Assert.That(lines[1], Does.Not.Contain("States the gradient"), "said once per criterion");
    }

    [Test]
    public void A_finding_on_an_attempt_that_does_not_count_prints_only_at_detailed_and_says_not_graded()
    {
        var rule = GradeBuilder.Derivation;
        var old = GradeBuilder.Finding(rule, "The result, after 0 steps.", lost: 0, attempt: 1, graded: false);
        var grade = GradeBuilder.Grade("ana", "Ana", null, GradeBuilder.Full(rule, "3.b.i") with { Findings = [old] });

        Assert.That(FindingFormatter.FormatAll(grade, ConsoleVerbosity.Normal), Is.Empty);
        Assert.That(FindingFormatter.FormatAll(grade, ConsoleVerbosity.Detailed).Single(), Does.Contain("[3.b.i attempt 1, not graded, message"));
    }
}

using System.Text.Json;
using ClosedXML.Excel;

namespace RubricEngine.Tests.Cli;

/// <summary>
/// Mistakes a TA makes while writing a rubric are the TA's errors, with the line to fix — never a zero for every
/// student — and the console says which attempt counted (issue 15).
/// </summary>
public sealed class RubricValidationTests : CliTestBase
{
    private string WriteRubric(string body, string name = "hw9.rubric.csx")
    {
        var path = At(name);
        File.WriteAllText(path, body.Replace("\r\n", "\n"));
        return path;
    }

    [Test]
    public async Task ConditionsUsed_from_an_undeclared_question_is_a_rubric_error_at_its_line_with_a_suggestion()
    {
        var rubric = WriteRubric("""
            Rubric("HW9", r =>
            {
                r.Question("1.a", "Recurrence").Criterion("HW9-01", "Derivation", points: 2).DerivationShown(minSteps: 2);
                r.Question("1.b", "Solve it")
                 .Criterion("HW9-02", "Uses the recurrence", points: 2)
                 .ConditionsUsed(from: "1.c");
            });
            """);

        var result = await CliRun.Rubric("check", rubric);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.All, Does.Contain("hw9.rubric.csx(5,6): error"));
        Assert.That(result.All, Does.Contain("no question 1.c").And.Contain("declared: 1.a, 1.b"));
        Assert.That(result.All, Does.Match("Did you mean '1\\.[ab]'\\?"));
        Assert.That(CliRun.HasStackTrace(result.All), Is.False, result.ToString());
    }

    [Test]
    public async Task A_duplicate_criterion_id_points_at_the_second_declaration()
    {
        var rubric = WriteRubric("""
            Rubric("HW9", r =>
            {
                r.Question("1", "Summary").Criterion("HW9-01", "Short", points: 1).WordLimit(100);

                r.Question("2", "Figures").Criterion("HW9-01", "Grounded", points: 1).NumbersGrounded();
            });
            """);

        var result = await CliRun.Rubric("check", rubric);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.All, Does.Contain("hw9.rubric.csx(5,5): error: Rule id 'HW9-01' is declared twice (first declared at line 3)"));
    }

    [Test]
    public async Task A_criterion_without_a_check_points_at_its_line()
    {
        var rubric = WriteRubric("""
            Rubric("HW9", r =>
            {
                r.Question("1", "Summary").Criterion("HW9-01", "Short", points: 1).WordLimit(100);
                r.Question("2", "Figures").Criterion("HW9-02", "Grounded", points: 1);
            });
            """);

        var result = await CliRun.Rubric("check", rubric);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.All, Does.Contain("hw9.rubric.csx(4,5): error: Criterion HW9-02 (Grounded) has no check"));
    }

    [Test]
    public async Task A_misspelt_named_argument_gets_did_you_mean()
    {
        var rubric = WriteRubric("""
            Rubric("HW9", r =>
            {
                r.Question("1", "Summary").Criterion("HW9-01", "Short", points: 1).WordLimit(100, tolerence: 10);
            });
            """);

        var result = await CliRun.Rubric("check", rubric);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.All, Does.Contain("error CS1739").And.Contain("did you mean 'tolerance'?"));
    }

    [Test]
    public async Task A_question_no_trace_answers_is_a_run_warning_in_the_console_and_the_run_sheet()
    {
        var rubric = WriteRubric("""
            Rubric("HW7 with a typo", r =>
            {
                r.Question("4.b", "Summary").Criterion("T-01", "About 100 words", points: 1).WordLimit(100, tolerance: 10);
                r.Question("44.b", "Summary again").Criterion("T-02", "About 100 words", points: 1).WordLimit(100, tolerance: 10);
            });
            """);
        var book = At("grades.xlsx");

        var result = await CliRun.Rubric("grade", rubric, Hw7Traces, "--students", Path.Combine(Hw7Example.Folder, "students.csv"), "-o", book, "-v", "quiet");

        Assert.That(result.Out, Does.Contain("warning: question 44.b: answered in 0 of 13 traces — is the id right?"), result.ToString());
        Assert.That(result.Out, Does.Not.Contain("question 4.b:"), "4.b is answered by most traces");
        using var workbook = new XLWorkbook(book);
        var run = workbook.Worksheet("Run");
        var warnings = run.RowsUsed().Where(r => r.Cell(1).GetString().StartsWith("warning", StringComparison.Ordinal)).Select(r => r.Cell(2).GetString()).ToList();
        Assert.That(warnings, Has.Count.EqualTo(1));
        Assert.That(warnings[0], Does.StartWith("question 44.b: answered in 0 of 13 traces"));
    }

    [Test]
    public async Task Quiet_prints_no_summary_table()
    {
        var result = await CliRun.Rubric("grade", Hw7Rubric, Hw7Traces, "--students", Path.Combine(Hw7Example.Folder, "students.csv"), "--csv", At("g.csv"), "-v", "quiet");

        Assert.That(result.Console, Does.Not.Contain("Pass rate"), result.ToString());
        Assert.That(result.Console, Does.Contain("13 traces graded"));
    }

    private const string RetryTrace = """
        {
          "format": "rubric-trace/1",
          "id": "retry-summary",
          "student": { "id": "s1", "name": "Sam Lee" },
          "messages": [
            { "role": "user", "content": "Problem 1: summarize the reading in at most 30 words." },
            { "role": "assistant", "content": "**Problem 1 — Summary**\n\nThe post explains how a small residual network was trained to a strong accuracy on a standard image benchmark in a few minutes on one GPU, by combining mixed precision, larger batches, a shorter schedule and a slightly leaner architecture, and argues that keeping a single accelerator busy matters more than buying more of them." },
            { "role": "user", "content": "too long, retry problem 1 in under 30 words" },
            { "role": "assistant", "content": "Sure, here is a shorter version.\n\n**Problem 1.** A residual network reaches high accuracy in minutes on one GPU through mixed precision, bigger batches and fewer epochs." }
          ]
        }
        """;

    private string WriteBestRubric() => WriteRubric("""
        Rubric("Retry", r =>
        {
            r.Grade(Attempt.Best);
            r.Question("1", "Summary").Criterion("R-01", "At most 30 words", points: 1).WordLimit(30);
            r.Rule(new RuleDescriptor("R-90", "First attempt flagged", "flagged on the first attempt", points: 1),
                   ctx => ctx.RegisterAnswerAction(a => { if (a.Answer.Attempt == 1) a.Report(a.LocationOf(a.Answer)); }));
            r.Rule(new RuleDescriptor("R-91", "Graded attempt", "graded: {0}", severity: Severity.Info, points: 0),
                   ctx => ctx.RegisterAnswerAction(a => a.Report(a.LocationOf(a.Answer), a.IsGradedAttempt)));
        });
        """, "retry.rubric.csx");

    [Test]
    public async Task Findings_on_an_attempt_that_does_not_count_print_only_at_detailed_and_say_so()
    {
        var rubric = WriteBestRubric();
        File.WriteAllText(At("retry.json"), RetryTrace);

        var normal = await CliRun.Rubric("grade", rubric, At("retry.json"), "--csv", At("g.csv"));
        var detailed = await CliRun.Rubric("grade", rubric, At("retry.json"), "--csv", At("g2.csv"), "-v", "detailed");

        Assert.That(normal.ExitCode, Is.EqualTo(0), normal.ToString());
        Assert.That(normal.Out, Does.Not.Contain("R-01"), "attempt 1 is over the limit but attempt 2 counts under Best");
        Assert.That(detailed.Out, Does.Contain("warning R-01:").And.Contain("[1 attempt 1, not graded, message 1]"), detailed.ToString());
        Assert.That(detailed.Out, Does.Contain("info R-91: graded: False [1 attempt 1, not graded, message 1]"));
        Assert.That(detailed.Out, Does.Contain("info R-91: graded: True [1 attempt 2, message 3]"));
    }

    [Test]
    public async Task A_custom_answer_finding_on_an_attempt_that_does_not_count_costs_nothing()
    {
        var rubric = WriteBestRubric();
        File.WriteAllText(At("retry.json"), RetryTrace);
        var csv = At("g.csv");

        var result = await CliRun.Rubric("grade", rubric, At("retry.json"), "--csv", csv, "--csv-format", "plain", "-v", "detailed");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Does.Contain("R-90: flagged on the first attempt [1 attempt 1, not graded, message 1]"));
        Assert.That(FirstRowPoints(csv, "R-01 points"), Is.EqualTo(1), "attempt 2 is within the limit");
        Assert.That(FirstRowPoints(csv, "R-90 points"), Is.EqualTo(1), "the finding is on attempt 1, which does not count");
    }

    [Test]
    public async Task Under_First_the_same_custom_finding_costs_its_points()
    {
        var rubric = WriteBestRubric();
        File.WriteAllText(rubric, File.ReadAllText(rubric).Replace("Attempt.Best", "Attempt.First"));
        File.WriteAllText(At("retry.json"), RetryTrace);
        var csv = At("g.csv");

        var result = await CliRun.Rubric("grade", rubric, At("retry.json"), "--csv", csv, "--csv-format", "plain");

        Assert.That(result.Out, Does.Contain("warning R-90: flagged on the first attempt [1 attempt 1, message 1]"), result.ToString());
        Assert.That(FirstRowPoints(csv, "R-90 points"), Is.EqualTo(0));
    }

    [Test]
    public async Task Check_fits_an_80_column_terminal()
    {
        var result = await CliRun.RubricAtWidth(80, "check", Hw7Rubric);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var lines = result.Console.Split('\n');
        Assert.That(lines.Where(l => l.Length > 80), Is.Empty);
        foreach (var id in new[] { "HW7-01", "HW7-04", "HW7-90" }) Assert.That(result.Console, Does.Contain(id));
        Assert.That(result.Console, Does.Contain("RE0001 WordLimit: at most 100, ±10 words"), "a check description on one line, not a ribbon");
    }

    [Test]
    public async Task Any_of_requirements_and_constant_substitutions_compile_as_a_TA_writes_them()
    {
        var rubric = WriteRubric("""
            Rubric("Algorithms", r =>
            {
                r.Question("1.a", "Recurrence").Criterion("A-01", "Linear bound derived", points: 2)
                 .DerivationShown(minSteps: 2, requires: [@"\Theta(n)", "cn"], named: "the linear bound");
                r.Question("1.b", "Three-way split").Criterion("A-02", "Uses recurrence (1)", points: 2)
                 .ConditionsUsed(from: "1.a", substitute: [("2", "3"), ("W_2 W_1", "P")]);
            });
            """);

        var result = await CliRun.Rubric("check", rubric);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Console, Does.Contain("A-01").And.Contain("A-02"));
    }

    [Test]
    public async Task The_console_line_carries_the_comment_the_student_reads_not_only_the_terse_evidence()
    {
        var result = await CliRun.Rubric("grade", Hw7Rubric, Path.Combine(Hw7Traces, "02-bob-followup-steps.json"), "--students",
            Path.Combine(Hw7Example.Folder, "students.csv"), "--csv", At("g.csv"));

        var line = result.OutLines.Single(l => l.Contains("warning HW7-01:", StringComparison.Ordinal));
        Assert.That(line, Does.Contain("The result, after").And.Contain(" — Shows ").And.Contain("expansion of the Frobenius norm as a trace is not shown"), line);
    }

    [Test]
    public async Task Feedback_quotes_read_as_the_student_wrote_them()
    {
        var rubric = WriteRubric("""
            Rubric("Sorting", r =>
            {
                r.Question("1.b", "Merge sort bound").Criterion("S-01", "Explains the merge", points: 1).Custom(a => Fail("The merge step is not explained."));
            });
            """);
        File.WriteAllText(At("ana.json"), """
            {
              "format": "rubric-trace/1",
              "id": "ana",
              "student": { "id": "ana", "name": "Ana" },
              "messages": [
                { "role": "user", "content": "Problem 1(b): what is the running time of merge sort?" },
                { "role": "assistant", "content": "**(b)** Merge sort runs in $\\Theta(n \\log n)$ time: each of the $\\log n$ levels does *linear* work." }
              ]
            }
            """);

        var result = await CliRun.Rubric("grade", rubric, At("ana.json"), "--feedback", At("feedback"));

        var text = File.ReadAllText(Directory.GetFiles(At("feedback"), "*.md").Single());
        var quote = text.Split('\n').First(l => l.TrimStart().StartsWith("> ", StringComparison.Ordinal));
        Assert.That(quote, Does.Contain(@"(b) Merge sort runs in $\Theta(n \log n)$ time"), result.ToString() + text);
        Assert.That(quote, Does.Not.Contain(@"\*").And.Not.Contain(@"\$").And.Not.Contain(@"\\Theta"));
    }
}

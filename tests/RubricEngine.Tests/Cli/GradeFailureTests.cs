using ClosedXML.Excel;

namespace RubricEngine.Tests.Cli;

/// <summary>What <c>rubric grade</c> does when the rubric, a trace or a finding is bad: the documented exit codes.</summary>
public sealed class GradeFailureTests : CliTestBase
{
    [Test]
    public async Task A_rubric_that_does_not_compile_exits_2_with_a_compiler_style_error_and_no_stack_trace()
    {
        var rubric = At("x.rubric.csx");
        File.WriteAllText(rubric, "Rubric(\"Broken\", r =>\n{\n    nope();\n});\n");

        var result = await CliRun.Rubric("grade", rubric, Hw7Traces, "--csv", At("g.csv"));

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Match(@"x\.rubric\.csx\(3,5\): error CS\d{4}: "), result.ToString());
        Assert.That(CliRun.HasStackTrace(result.All), Is.False, result.ToString());
        Assert.That(File.Exists(At("g.csv")), Is.False, "nothing is graded");
    }

    [Test]
    public async Task One_broken_trace_exits_1_is_listed_on_the_Errors_sheet_and_the_others_are_graded()
    {
        var traces = CopyHw7Traces();
        File.WriteAllText(Path.Combine(traces, "99-broken.json"), "{\n  \"format\": \"rubric-trace/1\",\n  \"messages\": [ {\"role\": \"user\", \"content\": \"hi\"\n");

        var result = await CliRun.Rubric("grade", Hw7Rubric, traces, "-o", At("g.xlsx"), "--no-progress");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Out, Does.Contain("99-broken.json"));
        Assert.That(result.Console, Does.Contain("13 traces graded, 1 could not be graded."));
        using var wb = new XLWorkbook(At("g.xlsx"));
        var errors = wb.Worksheet("Errors").RowsUsed().Skip(1).ToList();
        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0].Cell(1).GetString(), Does.EndWith("99-broken.json"));
        Assert.That(errors[0].Cell(3).GetString(), Is.Not.Empty, "a reason");
        Assert.That(wb.Worksheet("Grades").RowsUsed().Count() - 1, Is.EqualTo(13));
        Assert.That(wb.Worksheet("Run").RowsUsed().Any(r => r.Cell(1).GetString() == "Traces failed" && r.Cell(2).GetString() == "1"), Is.True);
    }

    [Test]
    public async Task Fail_on_warning_exits_1_when_a_warning_is_found_and_still_writes_the_reports()
    {
        var result = await CliRun.Rubric("grade", Hw7Rubric, Hw7Traces, "--csv", At("g.csv"), "--fail-on", "warning", "-v", "quiet");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(File.Exists(At("g.csv")), Is.True);
        Assert.That(result.Out, Does.Not.Contain(": warning "), "quiet prints errors only");
    }

    [Test]
    public async Task Fail_on_error_exits_0_when_there_are_only_warnings()
    {
        var result = await CliRun.Rubric("grade", Hw7Rubric, Path.Combine(Hw7Traces, "01-alice-all-in-one.json"), "--csv", At("g.csv"), "--fail-on", "error");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Console, Does.Contain("1 trace graded, 0 could not be graded."));
    }

    [Test]
    public async Task An_output_that_cannot_be_created_exits_2_with_a_message_and_no_stack_trace()
    {
        File.WriteAllText(At("notes.txt"), "a file, not a folder");
        var result = await CliRun.Rubric("grade", Hw7Rubric, Path.Combine(Hw7Traces, "01-alice-all-in-one.json"),
            "--csv", At("notes.txt", "g.csv"));

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("error:"));
        Assert.That(CliRun.HasStackTrace(result.All), Is.False, result.ToString());
    }
}

using System.Text.Json;
using ClosedXML.Excel;
using RubricEngine.Tests.Cli;

namespace RubricEngine.Tests.Traces;

/// <summary>
/// Issue 13: every file in the input folders is graded, skipped with a reason, or an error with a reason — on the
/// console, the Errors sheet and in SARIF — and the closing line and exit code say so.
/// </summary>
public sealed class EveryFileAccountedForTests : CliTestBase
{
    private static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    private string CopyFixtures()
    {
        var source = TraceTestFiles.Fixture("");
        var target = At("traces");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    [Test]
    public async Task Grading_every_fixture_with_companion_files_and_an_unrecognisable_file_accounts_for_each_file()
    {
        var traces = CopyFixtures();
        var unrecognisable = Path.Combine(traces, "s9001", "answers.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(unrecognisable)!);
        File.WriteAllText(unrecognisable, "Problem 1: 42\nProblem 2: see the attached derivation\n");

        var result = await CliRun.Rubric("grade", Hw7Rubric, traces, "-o", At("g.xlsx"), "--sarif", At("g.sarif"), "-v", "detailed", "--no-progress");

        Assert.That(result.ExitCode, Is.EqualTo(1), "an unreadable file makes the run partial\n" + result);
        var readAs = result.OutLines.Where(l => l.Contains(": read as ", StringComparison.Ordinal))
            .Select(l => l[..l.IndexOf(": read as ", StringComparison.Ordinal)]).ToHashSet();
        using var wb = new XLWorkbook(At("g.xlsx"));
        var rows = wb.Worksheet("Errors").RowsUsed().Skip(1)
            .Select(r => (File: r.Cell(1).GetString(), Place: r.Cell(2).GetString(), Reason: r.Cell(3).GetString())).ToList();

        foreach (var file in Directory.EnumerateFiles(traces, "*", SearchOption.AllDirectories))
        {
            var listed = rows.Where(r => r.File == file).ToList();
            Assert.That(readAs.Contains(file) || listed.Count > 0, Is.True, $"{file} is neither read nor listed\n{result}");
            Assert.That(listed.Select(r => r.Reason), Has.All.Not.Empty, file);
        }

        Assert.That(rows.Where(r => r.Place == "skipped").Select(r => (Path.GetFileName(r.File), r.Reason)), Is.EquivalentTo(new[]
        {
            ("chat.html", "not a trace: companion file of a ChatGPT export"),
            ("user.json", "not a trace: companion file of a ChatGPT export"),
            ("message_feedback.json", "not a trace: companion file of a ChatGPT export"),
            ("model_comparisons.json", "not a trace: companion file of a ChatGPT export"),
            ("shared_conversations.json", "not a trace: companion file of a ChatGPT export"),
            ("file_00000000a1b2c3d4e5f60718293a4b5c-sanitized.png", "not a trace: an image, audio or video file (attachments are not graded)"),
            ("users.json", "not a trace: companion file of a Claude export"),
            ("projects.json", "not a trace: companion file of a Claude export"),
            ("prod-mc-auth-mgmt-api.json", "not a trace: companion file of a Grok export"),
            ("prod-mc-billing.json", "not a trace: companion file of a Grok export"),
            ("roster.csv", "not a trace: a csv file"),
        }));
        var errors = rows.Where(r => r.Place != "skipped").ToList();
        Assert.That(errors.Select(r => Path.GetFileName(r.File)), Is.EquivalentTo(new[] { "section-b.jsonl", "answers.txt" }), "the fixture's deliberate bad line, and the unrecognisable file");
        Assert.That(errors.Single(r => r.File == unrecognisable).Reason, Does.StartWith("unrecognised Markdown layout: no role headings found; looked for"));

        Assert.That(result.Out, Does.Contain($"{unrecognisable}: error: unrecognised Markdown layout"));
        Assert.That(result.Out, Does.Contain(": note: skipped: not a trace: companion file of a ChatGPT export"));
        var graded = wb.Worksheet("Grades").RowsUsed().Count() - 1;
        // The console wraps long lines: compare with whitespace collapsed.
        Assert.That(Flat(result.Console), Does.Contain($"{graded} traces graded, 2 could not be graded, 11 files skipped (5 companion files of a ChatGPT export, " +
            "1 image or media file, 1 code or data file, 2 companion files of a Claude export, 2 companion files of a Grok export)."));
        Assert.That(graded, Is.GreaterThanOrEqualTo(40));
        Assert.That(wb.Worksheet("Run").RowsUsed().Any(r => r.Cell(1).GetString() == "Files skipped" && r.Cell(2).GetString() == "11"), Is.True);

        using var sarif = JsonDocument.Parse(File.ReadAllText(At("g.sarif")));
        var notifications = sarif.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray().ToList();
        Assert.That(notifications.Count(n => n.GetProperty("level").GetString() == "error"), Is.EqualTo(2));
        Assert.That(notifications.Count(n => n.GetProperty("level").GetString() == "note"), Is.EqualTo(11));
    }

    [Test]
    public async Task A_whole_unzipped_chatgpt_export_grades_its_conversation_and_exits_0()
    {
        var result = await CliRun.Rubric("grade", Hw7Rubric, TraceTestFiles.Fixture("chatgpt-export"), "--csv", At("g.csv"), "--no-progress");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(Flat(result.Console), Does.Contain("1 trace graded, 0 could not be graded, 6 files skipped (5 companion files of a ChatGPT export, 1 image or media file)."));
    }

    [Test]
    public async Task A_skipped_file_that_might_be_a_trace_is_a_warning_in_the_closing_line_and_exits_1()
    {
        var traces = At("traces");
        Directory.CreateDirectory(Path.Combine(traces, "s9002"));
        File.Copy(Path.Combine(Hw7Traces, "01-alice-all-in-one.json"), Path.Combine(traces, "01-alice-all-in-one.json"));
        var pdf = Path.Combine(traces, "s9002", "chat.pdf");
        File.WriteAllText(pdf, "%PDF-1.4\n");

        var result = await CliRun.Rubric("grade", Hw7Rubric, traces, "--csv", At("g.csv"), "--no-progress", "-v", "quiet");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Out, Does.Contain($"{pdf}: warning: skipped: might be a trace but is a PDF, which is not read"));
        Assert.That(Flat(result.Console), Does.Contain("1 trace graded, 0 could not be graded, 1 file skipped (file that might be a trace); see the warnings above."));
    }

    [Test]
    public async Task Import_auto_detailed_says_which_format_each_file_was_read_as()
    {
        var result = await CliRun.Rubric("import", "auto", TraceTestFiles.Fixture("claude-export"), "-o", At("out"), "-v", "detailed");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Does.Contain("conversations.json: read as claude (an array of conversations with 'chat_messages')"));
        Assert.That(result.Out, Does.Contain("users.json: note: skipped: not a trace: companion file of a Claude export"));
    }
}

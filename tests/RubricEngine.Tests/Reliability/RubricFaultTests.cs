using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;

namespace RubricEngine.Tests.Reliability;

/// <summary>
/// A rubric with buggy rules graded through <c>rubric grade</c>: a rule that throws, one that never ends, one that
/// recurses without end and two that allocate without bound. Each fault becomes an error for that criterion on
/// that trace (an empty red cell with a note in Grades, an error row in Findings); every other criterion and trace is
/// graded, all outputs are written, and the exit code is 1 (some criteria could not be graded).
/// </summary>
[TestFixture]
[CancelAfter(120_000)]
public sealed class RubricFaultTests
{
    // Line numbers matter: the errors must name the script line.
    private const string Rubric = """
        Rubric("Faulty rules", r => r
            .Question("1", "Anything")
                .Criterion("F-01", "Throws on boom", points: 1)
                .Custom(a => a.Text.Contains("boom") ? throw new InvalidOperationException("rule bug") : Pass())
                .Criterion("F-02", "Spins on spin", points: 1)
                .Custom(a => { while (a.Text.Contains("spin")) { } return Pass(); })
                .Criterion("F-03", "Recurses on deep", points: 1)
                .Custom(a => a.Text.Contains("deep") && Down(0) > 0 ? Pass() : Pass())
                .Criterion("F-04", "Allocates int.MaxValue bytes on huge", points: 1)
                .Custom(a => a.Text.Contains("huge") ? (new byte[int.MaxValue].Length > 0 ? Pass() : Pass()) : Pass())
                .Criterion("F-05", "Doubles a string on grow", points: 1)
                .Custom(a => { if (!a.Text.Contains("grow")) return Pass(); var s = "x"; while (true) s += s; })
                .Criterion("F-06", "Always fine", points: 1)
                .Custom(a => Pass()));

        int Down(int n) => Down(n + 1) + 1;
        """;

    private static readonly string[] Triggers = ["boom", "spin", "deep", "huge", "grow", "calm"];

    private TempFolder _temp = null!;
    private CliResult _run = null!;

    [OneTimeSetUp]
    public async Task GradeWithTheFaultyRubric()
    {
        _temp = new TempFolder("rubric-faults");
        _temp.Write("faulty.rubric.csx", Rubric);
        foreach (var t in Triggers)
            _temp.Write($"traces/{t}.json", $$"""
                {"format":"rubric-trace/1","id":"{{t}}","student":{"id":"{{t}}-student"},"messages":[
                  {"role":"user","question":"1","content":"Question 1"},
                  {"role":"assistant","question":"1","content":"The answer: {{t}}."}]}
                """);
        _run = await CliRun.RunAsync(TimeSpan.FromSeconds(100), "grade", _temp["faulty.rubric.csx"], _temp["traces"],
            "-o", _temp["out.xlsx"], "--csv", _temp["out.csv"], "--sarif", _temp["out.sarif"], "--feedback", _temp["feedback"],
            "--rule-timeout", "1", "--threads", "2", "--no-progress");
    }

    [OneTimeTearDown]
    public void CleanUp() => _temp?.Dispose();

    [Test]
    public void The_run_completes_writes_every_output_and_exits_with_1()
    {
        Assert.That(_run.ExitCode, Is.EqualTo(1), _run.ToString());
        foreach (var file in new[] { "out.xlsx", "out.csv", "out.sarif" }) Assert.That(File.Exists(_temp[file]), file);
        Assert.That(Directory.GetFiles(_temp["feedback"]), Has.Length.EqualTo(Triggers.Length));
    }

    [TestCase("boom", "F-01", "InvalidOperationException", "faulty.rubric.csx(4)")]
    [TestCase("spin", "F-02", "RuleTimeout: F-02 did not finish within 1 s", "line 6")]
    [TestCase("deep", "F-03", "StackTooDeep: F-03 recursed too deeply", "faulty.rubric.csx(")]
    [TestCase("huge", "F-04", "OutOfMemory", "faulty.rubric.csx(10)")]
    [TestCase("grow", "F-05", "", "")]
    public void Each_fault_is_an_error_for_its_criterion_and_trace_only(string trace, string rule, string says, string where)
    {
        using var book = new XLWorkbook(_temp["out.xlsx"]);
        var grades = book.Worksheet("Grades");
        var headers = grades.Row(1).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
        var row = grades.RowsUsed().Single(r => r.Cell(1).GetString() == $"{trace}-student");
        var faulty = row.Cell(headers.Keys.Single(h => h.StartsWith(rule, StringComparison.Ordinal)) is var h1 ? headers[h1] : 0);
        Assert.That(faulty.GetString(), Is.Empty, "not graded is an empty cell, never 0");
        Assert.That(faulty.Style.Font.FontColor, Is.EqualTo(XLColor.FromHtml("#C00000")), "the cell is marked as not graded");
        Assert.That(faulty.HasComment, Is.True);
        var note = faulty.Comment.Text;
        Assert.That(note, Does.StartWith("Not graded: ").And.Contain(says), note);
        Assert.That(note, Does.Contain(where), note);
        Assert.That(note, Does.Not.Contain("   at "), "no stack trace in the note");

        // Every other criterion of the faulty trace was graded normally.
        foreach (var (header, column) in headers.Where(x => x.Key.StartsWith("F-", StringComparison.Ordinal) && !x.Key.StartsWith(rule, StringComparison.Ordinal)))
            Assert.That(row.Cell(column).GetDouble(), Is.EqualTo(1), $"{trace}: {header}");

        var findings = book.Worksheet("Findings").RowsUsed().Skip(1)
            .Where(r => r.Cell(1).GetString() == $"{trace}-student" && r.Cell(6).GetString() == rule).ToList();
        Assert.That(findings.Select(r => r.Cell(7).GetString()), Does.Contain("error"), "an error row in Findings");
    }

    [Test]
    public void The_calm_trace_gets_full_marks()
    {
        using var reader = new StreamReader(_temp["out.csv"]);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.That(rows, Has.Count.EqualTo(Triggers.Length));
        var calm = rows.Single(r => (string)r["id"] == "calm-student");
        Assert.That(calm["total"], Is.EqualTo("6"));
    }

    [Test]
    public void Faults_are_printed_as_errors_naming_trace_and_rule()
    {
        foreach (var rule in new[] { "F-01", "F-02", "F-03", "F-04", "F-05" })
            Assert.That(_run.Out, Does.Contain(rule), _run.ToString());
        Assert.That(_run.Out + _run.Error, Does.Not.Contain("Unhandled exception"));
    }
}

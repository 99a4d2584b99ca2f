using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;

namespace RubricEngine.Tests.Cli;

/// <summary>
/// Issue 14, case 3: a criterion whose rule threw is "not graded" — an empty cell in every LMS CSV and in the xlsx,
/// never a 0 a student would see after the upload — with the reason beside it, and the total says it is partial.
/// </summary>
[NonParallelizable]
public sealed class NotGradedTests
{
    // N-01 throws on the trace that says "boom": 12 of that trace's 14 points can be graded.
    private const string Rubric = """
        Rubric("Not graded", r => r
            .Question("1", "Anything")
                .Criterion("N-01", "Throws on boom", points: 2)
                .Custom(a => a.Text.Contains("boom") ? throw new InvalidOperationException("rule bug on boom") : Pass())
                .Criterion("N-02", "Always fine", points: 12)
                .Custom(a => Pass()));
        """;

    private string _dir = "";

    [OneTimeSetUp]
    public void Write()
    {
        _dir = Path.Combine(Path.GetTempPath(), "rubric-notgraded-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_dir, "traces"));
        File.WriteAllText(At("not-graded.rubric.csx"), Rubric);
        foreach (var t in new[] { "boom", "calm" })
            File.WriteAllText(At("traces", t + ".json"), $$"""
                {"format":"rubric-trace/1","id":"{{t}}","student":{"id":"{{t}}-student","name":"{{t}} Student","email":"{{t}}@uni.example"},"messages":[
                  {"role":"user","question":"1","content":"Question 1"},
                  {"role":"assistant","question":"1","content":"The answer: {{t}}."}]}
                """);
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private string At(params string[] parts) => Path.Combine([_dir, .. parts]);

    private Task<CliResult> Grade(params string[] outputs) =>
        CliRun.Rubric(["grade", At("not-graded.rubric.csx"), At("traces"), "--no-progress", .. outputs]);

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>()
            .Select(r => r.ToDictionary(x => x.Key, x => (string)x.Value)).ToList();
    }

    [Test]
    public async Task Plain_csv_leaves_the_points_empty_gives_the_reason_and_says_the_total_is_partial()
    {
        var run = await Grade("--csv", At("plain.csv"));

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        var rows = ReadCsv(At("plain.csv")).ToDictionary(r => r["id"]);
        var boom = rows["boom-student"];
        Assert.That(boom["N-01 points"], Is.Empty, "not graded is empty, never 0");
        Assert.That(boom["N-01 comment"], Does.StartWith("Not graded: ").And.Contain("rule bug on boom"));
        Assert.That(boom["N-02 points"], Is.EqualTo("12"));
        Assert.That(boom["total"], Is.EqualTo("12"));
        Assert.That(boom["percent"], Is.Empty, "no percent of a partial total");
        Assert.That(boom["graded"], Is.EqualTo("12 of 14 points graded (N-01 not graded)"));
        Assert.That(rows["calm-student"]["total"], Is.EqualTo("14"));
        Assert.That(rows["calm-student"]["graded"], Is.Empty);
    }

    [Test]
    public async Task Canvas_csv_leaves_the_score_empty_and_the_console_says_why()
    {
        var run = await Grade("--csv", At("canvas.csv"), "--csv-format", "canvas", "--assignment", "HW9");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        var rows = ReadCsv(At("canvas.csv")).Skip(1).ToDictionary(r => r["SIS User ID"]); // after Points Possible
        Assert.That(rows["boom-student"]["HW9"], Is.Empty, "Canvas would show a partial total as the grade");
        Assert.That(rows["calm-student"]["HW9"], Is.EqualTo("14"));
        Assert.That(run.Out, Does.Contain("boom.json: warning: the score of boom-student is left empty in the CSV, 12 of 14 points graded (N-01 not graded): N-01: ")
            .And.Contain("rule bug on boom"));
    }

    [Test]
    public async Task Gradescope_csv_leaves_the_question_and_the_total_empty()
    {
        var run = await Grade("--csv", At("gradescope.csv"), "--csv-format", "gradescope");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        var rows = ReadCsv(At("gradescope.csv")).ToDictionary(r => r["SID"]);
        var question = rows["boom-student"].Keys.Single(k => k.StartsWith("1: Anything", StringComparison.Ordinal));
        Assert.That(rows["boom-student"]["Total Score"], Is.Empty);
        Assert.That(rows["boom-student"][question], Is.Empty);
        Assert.That(rows["calm-student"]["Total Score"], Is.EqualTo("14"));
        Assert.That(rows["calm-student"][question], Is.EqualTo("14"));
        Assert.That(run.Out, Does.Contain("the score of boom-student is left empty"));
    }

    [Test]
    public async Task The_xlsx_marks_the_empty_cell_lists_it_on_the_Errors_sheet_and_notes_the_partial_total()
    {
        var run = await Grade("-o", At("grades.xlsx"));

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        using var book = new XLWorkbook(At("grades.xlsx"));
        var grades = book.Worksheet("Grades");
        var headers = grades.Row(1).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
        var boom = grades.RowsUsed().Single(r => r.Cell(1).GetString() == "boom-student");
        var cell = boom.Cell(headers.Single(h => h.Key.StartsWith("N-01", StringComparison.Ordinal)).Value);
        Assert.That(cell.GetString(), Is.Empty, "not graded is empty, never 0");
        Assert.That(cell.Style.Font.FontColor, Is.EqualTo(XLColor.FromHtml("#C00000")), "marked");
        Assert.That(cell.Comment.Text, Does.StartWith("Not graded: ").And.Contain("rule bug on boom"));
        var total = boom.Cell(headers["Total"]);
        Assert.That(total.GetDouble(), Is.EqualTo(12));
        Assert.That(total.Comment.Text, Is.EqualTo("Partial total: 12 of 14 points graded (N-01 not graded)."));
        Assert.That(boom.Cell(headers["Percent"]).GetString(), Is.Empty);

        var errors = book.Worksheet("Errors").RowsUsed().Skip(1).ToList();
        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0].Cell(1).GetString(), Does.EndWith("boom.json"));
        Assert.That(errors[0].Cell(2).GetString(), Is.EqualTo("N-01 (question 1), student boom-student"));
        Assert.That(errors[0].Cell(3).GetString(), Does.StartWith("Not graded: ").And.Contain("rule bug on boom"));
    }
}

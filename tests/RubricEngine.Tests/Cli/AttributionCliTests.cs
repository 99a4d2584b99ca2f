using System.Text.Json;
using ClosedXML.Excel;

namespace RubricEngine.Tests.Cli;

/// <summary>Confidence in <c>rubric show</c>, <c>--uncertain</c>, and <c>--attribution</c> fixes on <c>show</c> and <c>grade</c>.</summary>
public sealed class AttributionCliTests : CliTestBase
{
    // Dan's summary follows a prompt that names no question: only continuity says it is 4.b.
    private const string Unsure = """
        { "format": "rubric-trace/1", "id": "dan-unsure", "student": { "id": "dan", "name": "Dan" },
          "messages": [
            { "role": "user", "content": "Problem 4(a): what were the baseline and final training times in the blog?" },
            { "role": "assistant", "content": "The baseline took 341 seconds; the final run reached 94% accuracy." },
            { "role": "user", "content": "ok and now the other thing, roughly a hundred words" },
            { "role": "assistant", "content": "Training fast is mostly careful engineering: mixed precision, larger batches and data loading on the GPU." }
          ] }
        """;

    // Erin names every question: nothing to check.
    private const string Sure = """
        { "format": "rubric-trace/1", "id": "erin-sure", "student": { "id": "erin", "name": "Erin" },
          "messages": [
            { "role": "user", "content": "Solve problem 5(b): which loss?" },
            { "role": "assistant", "content": "Use `nn.MSELoss`." }
          ] }
        """;

    private void WriteTraces()
    {
        Directory.CreateDirectory(At("traces"));
        File.WriteAllText(At("traces", "dan.json"), Unsure);
        File.WriteAllText(At("traces", "erin.json"), Sure);
    }

    [Test]
    public async Task Show_prints_each_attributions_confidence_and_reason_and_the_line_to_paste_for_low_ones()
    {
        WriteTraces();

        var result = await CliRun.Rubric("show", At("traces", "dan.json"), "--rubric", Hw7Rubric);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Does.Contain("[high: marker 'Problem 4(a)' in the prompt]"));
        Assert.That(result.Out, Does.Contain("[low: only continuity]"));
        Assert.That(result.OutLines, Does.Contain("dan-unsure,3,4.a"));
    }

    [Test]
    public async Task Show_uncertain_lists_only_the_traces_with_low_confidence_attributions()
    {
        WriteTraces();

        var result = await CliRun.Rubric("show", At("traces"), "--rubric", Hw7Rubric, "--uncertain");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Does.Contain("Dan"));
        Assert.That(result.Out, Does.Not.Contain("Erin"));
    }

    [Test]
    public async Task Show_json_carries_confidence_and_reason_per_attempt()
    {
        WriteTraces();

        var result = await CliRun.Rubric("show", At("traces", "dan.json"), "--rubric", Hw7Rubric, "--json");

        using var doc = JsonDocument.Parse(result.Out);
        var attempts = doc.RootElement.EnumerateArray().SelectMany(q => q.GetProperty("attempts").EnumerateArray()).ToList();
        Assert.That(attempts.Select(a => a.GetProperty("confidence").GetString()), Is.EqualTo(new[] { "high", "low" }));
        Assert.That(attempts[1].GetProperty("reason").GetString(), Is.EqualTo("only continuity"));
    }

    [Test]
    public async Task A_fix_moves_the_message_to_the_fixed_question_in_show()
    {
        WriteTraces();
        File.WriteAllText(At("fixes.csv"), "trace,message,question\ndan-unsure,3,4.b\n");

        var result = await CliRun.Rubric("show", At("traces", "dan.json"), "--rubric", Hw7Rubric, "--json", "--attribution", At("fixes.csv"));

        using var doc = JsonDocument.Parse(result.Out);
        var b = doc.RootElement.EnumerateArray().Single(q => q.GetProperty("question").GetString() == "4.b").GetProperty("attempts")[0];
        Assert.That((b.GetProperty("message").GetInt32(), b.GetProperty("confidence").GetString(), b.GetProperty("reason").GetString()),
            Is.EqualTo((3, "high", "fixed by --attribution")));
    }

    [Test]
    public async Task Grade_applies_fixes_by_student_before_grading_and_records_them_in_the_run_sheet()
    {
        WriteTraces();
        File.WriteAllText(At("fixes.csv"), "# checked by hand\nDan,3,4.b\nerin,1,none\n");

        var result = await CliRun.Rubric("grade", Hw7Rubric, At("traces"), "-o", At("g.xlsx"), "--attribution", At("fixes.csv"), "-v", "quiet");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        using var wb = new XLWorkbook(At("g.xlsx"));
        var run = wb.Worksheet("Run").RowsUsed().Skip(1).ToDictionary(r => r.Cell(1).GetString(), r => r.Cell(2).GetString());
        Assert.That(run["option: attribution"], Does.EndWith("fixes.csv (2 fixes)"));
        Assert.That(run["option: attribution fix: Dan message 0003"], Is.EqualTo("4.b"));
        Assert.That(run["option: attribution fix: erin message 0001"], Is.EqualTo("none"));

        var grades = wb.Worksheet("Grades");
        var headers = grades.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        int Column(string rule) => headers.FindIndex(h => h.StartsWith(rule, StringComparison.Ordinal)) + 1;
        var dan = grades.RowsUsed().Single(r => r.Cell(2).GetString() == "Dan");
        var erin = grades.RowsUsed().Single(r => r.Cell(2).GetString() == "Erin");
        Assert.That(dan.Cell(Column("HW7-04")).GetDouble(), Is.EqualTo(1), "the fixed summary is graded as 4.b (about 100 words: under the limit passes)");
        Assert.That(erin.Cell(Column("HW7-08")).GetDouble(), Is.EqualTo(0), "fixed to none: no answer to 5.b");
    }

    [Test]
    public async Task A_bad_fix_row_is_reported_with_its_line_and_the_others_apply()
    {
        WriteTraces();
        File.WriteAllText(At("fixes.csv"), "dan-unsure,three,4.b\ndan-unsure,3,9.z\ndan-unsure,3,4.b\nnobody,1,4.a\n");

        var result = await CliRun.Rubric("show", At("traces", "dan.json"), "--rubric", Hw7Rubric, "--attribution", At("fixes.csv"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Does.Contain("fixes.csv(1): warning: 'three' is not a message number"));
        Assert.That(result.Out, Does.Contain("fixes.csv(2): warning: the rubric declares no question 9.z"));
        Assert.That(result.Out, Does.Contain("[high: fixed by --attribution]"));
        Assert.That(CliRun.HasStackTrace(result.All), Is.False);
    }

    [Test]
    public async Task A_missing_fixes_file_is_a_usage_error()
    {
        var result = await CliRun.Rubric("show", Path.Combine(Hw7Traces, "01-alice-all-in-one.json"), "--attribution", At("nope.csv"));

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.All, Does.Contain("nope.csv"));
    }
}

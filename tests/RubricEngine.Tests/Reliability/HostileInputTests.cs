using System.Globalization;
using System.Text.Json;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;

namespace RubricEngine.Tests.Reliability;

/// <summary>
/// The hostile corpus (<see cref="HostileCorpus"/>) graded in one batch through the real <c>rubric grade</c> command
/// with the hw7 rubric and every output: each file is either graded or reported (file, place, reason) in the
/// Errors sheet, the SARIF notifications and stdout; nothing crashes or hangs, and the good traces beside them
/// are all graded.
/// </summary>
[TestFixture]
[CancelAfter(180_000)]
public sealed class HostileInputTests
{
    private const int GoodTraces = 3;
    private TempFolder _temp = null!;
    private CliResult _run = null!;
    private List<Dictionary<string, string>> _csv = null!;
    private JsonElement _sarif;
    private List<(string File, string Place, string Reason)> _errorsSheet = null!;
    private string _traces = "";

    private static IEnumerable<TestCaseData> Cases => HostileCorpus.All.Select(c => new TestCaseData(c).SetArgDisplayNames(c.File));

    [OneTimeSetUp]
    public async Task GradeTheCorpusOnce()
    {
        _temp = new TempFolder("rubric-hostile");
        _traces = _temp["traces"];
        foreach (var c in HostileCorpus.All) _temp.Write(Path.Combine("traces", c.File), c.Bytes);
        for (var i = 0; i < GoodTraces; i++)
            _temp.Write($"traces/zz-good-{i}.json", HostileCorpus.Trace($"good-{i}", $"good-student-{i}",
                "The blog reports 94% accuracy in 341 seconds on one V100. The answer is B; use nn.MSELoss."));

        _run = await CliRun.RunAsync(TimeSpan.FromSeconds(150), "grade", Hw7Example.RubricPath, _traces,
            "-o", _temp["grades.xlsx"], "--csv", _temp["grades.csv"], "--sarif", _temp["grades.sarif"],
            "--feedback", _temp["feedback"], "--threads", "2", "--no-progress");

        using (var reader = new StreamReader(_temp["grades.csv"]))
        using (var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)))
        {
            csv.Read();
            csv.ReadHeader();
            _csv = [];
            while (csv.Read()) _csv.Add(csv.HeaderRecord!.ToDictionary(h => h, h => csv.GetField(h) ?? ""));
        }
        _sarif = JsonDocument.Parse(File.ReadAllBytes(_temp["grades.sarif"])).RootElement.Clone();
        using var book = new XLWorkbook(_temp["grades.xlsx"]);
        _errorsSheet = book.Worksheet("Errors").RowsUsed().Skip(1)
            .Select(r => (r.Cell(1).GetString(), r.Cell(2).GetString(), r.Cell(3).GetString())).ToList();
    }

    [OneTimeTearDown]
    public void CleanUp() => _temp?.Dispose();

    [Test]
    public void The_corpus_has_at_least_forty_cases() => Assert.That(HostileCorpus.All, Has.Count.GreaterThanOrEqualTo(40));

    [Test]
    public void The_run_completes_with_exit_code_1_and_no_stack_trace()
    {
        Assert.That(_run.ExitCode, Is.EqualTo(1), _run.ToString());
        Assert.That(_run.Out + _run.Error, Does.Not.Contain("   at ").And.Not.Contain("Unhandled exception"));
    }

    [TestCaseSource(nameof(Cases))]
    public void Each_hostile_file_is_graded_or_reported_with_file_place_and_reason(HostileCase c)
    {
        var rows = _csv.Where(r => Path.GetFileName(r["file"]) == c.File).ToList();
        var errors = _errorsSheet.Where(e => Path.GetFileName(e.File) == c.File).ToList();
        if (c.Expect == Expect.Graded)
        {
            Assert.That(rows, Has.Count.EqualTo(c.Graded), $"{c.Name}: expected {c.Graded} graded row(s). Errors: {string.Join(" | ", errors)}");
            Assert.That(rows.All(r => double.TryParse(r["total"], CultureInfo.InvariantCulture, out _)), Is.True, "every graded row has a total");
        }
        else
        {
            Assert.That(rows, Is.Empty, $"{c.Name}: should not be graded");
            Assert.That(errors, Is.Not.Empty, $"{c.Name}: no row in the Errors sheet");
            var (file, place, reason) = errors[0];
            Assert.That(file, Does.EndWith(c.File));
            Assert.That(place + " " + reason, Does.Contain(c.Reason).IgnoreCase, $"{c.Name}: the reason should say '{c.Reason}'");
            Assert.That(_run.Out, Does.Contain(c.File).And.Contain(": error: "), "the error is printed compiler-style");
            var notes = _sarif.GetProperty("runs")[0].GetProperty("invocations")[0].GetProperty("toolExecutionNotifications")
                .EnumerateArray().Select(n => n.GetRawText()).ToList();
            Assert.That(notes.Any(n => n.Contains(c.File, StringComparison.Ordinal)), Is.True, "a SARIF notification names the file");
        }
    }

    [Test]
    public void Lone_surrogate_escapes_become_replacement_characters_not_errors()
    {
        var reader = new RubricEngine.Traces.TraceReader();
        var high = reader.Read([Path.Combine(_traces, "h25-lone-high-surrogate.json")]);
        var low = reader.Read([Path.Combine(_traces, "h26-lone-low-surrogate.json")]);
        Assert.That(high.Errors.Concat(low.Errors), Is.Empty);
        Assert.That(high.Traces[0].Messages[1].Content, Is.EqualTo("a \uFFFD b"));
        Assert.That(low.Traces[0].Student.Name, Is.EqualTo("Eve \uFFFD"));
    }

    [Test]
    public void Every_good_trace_beside_the_hostile_ones_is_graded_in_full()
    {
        for (var i = 0; i < GoodTraces; i++)
        {
            var row = _csv.Single(r => r["id"] == $"good-student-{i}");
            Assert.That(double.Parse(row["total"], CultureInfo.InvariantCulture), Is.GreaterThan(0));
        }
    }

    [Test]
    public void Every_csv_row_is_graded_or_an_error_and_no_file_is_lost()
    {
        var files = Directory.GetFiles(_traces).Select(Path.GetFileName).ToHashSet();
        var accounted = _csv.Select(r => Path.GetFileName(r["file"])).Concat(_errorsSheet.Select(e => Path.GetFileName(e.File))).ToHashSet();
        Assert.That(files.Except(accounted), Is.Empty, "files neither graded nor reported");
    }

    [Test]
    public void Feedback_files_stay_inside_the_feedback_folder_with_safe_names()
    {
        var root = Path.GetFullPath(_temp["feedback"]);
        var all = Directory.GetFiles(_temp.Path, "*.md", SearchOption.AllDirectories).Where(f => !f.StartsWith(_traces, StringComparison.Ordinal));
        Assert.That(all.Where(f => !f.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)), Is.Empty, "feedback outside the folder");
        Assert.That(Directory.GetDirectories(root), Is.Empty, "no sub-folders created from ids");
        var names = Directory.GetFiles(root).Select(f => Path.GetFileName(f)).ToList();
        Assert.That(names, Has.Count.EqualTo(_csv.Count), "one feedback file per graded trace");
        foreach (var name in names)
        {
            Assert.That(name, Does.Match(@"^[\p{L}\p{N}._@+-]+\.md$"), name);
            Assert.That(name.Split('.')[0].ToUpperInvariant(), Is.Not.AnyOf("CON", "NUL", "PRN", "AUX"), name);
        }
        Assert.That(names, Does.Contain("twin.md").And.Contain("twin-2.md"), "a student with two traces gets two files");
    }

    [Test]
    public void Formula_strings_are_escaped_in_the_csv()
    {
        foreach (var row in _csv)
            foreach (var column in new[] { "id", "name", "email", "file" })
            {
                var value = row[column];
                Assert.That(value.Length == 0 || !"=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20".Contains(value[0]), Is.True,
                    $"{column} '{value}' would run as a formula");
            }
        Assert.That(_csv.Select(r => r["id"]), Does.Contain("'+SUM(1,2)").And.Contain("'\t=1+1"));
        Assert.That(_csv.Select(r => r["name"]), Does.Contain("'=cmd|' /C calc'!A0"));
    }

    [Test]
    public void Formula_strings_are_text_cells_in_the_xlsx_never_formulas()
    {
        using var book = new XLWorkbook(_temp["grades.xlsx"]);
        foreach (var sheet in book.Worksheets)
            foreach (var cell in sheet.CellsUsed())
                Assert.That(cell.HasFormula, Is.False, $"{sheet.Name}!{cell.Address} holds a formula: {cell.FormulaA1}");
        var grades = book.Worksheet("Grades");
        var ids = grades.Column(1).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.That(ids, Does.Contain("+SUM(1,2)"), "the id is kept verbatim as text");
        var injected = grades.Column(1).CellsUsed().Single(c => c.GetString() == "+SUM(1,2)");
        Assert.That(injected.DataType, Is.EqualTo(XLDataType.Text));
    }

    [Test]
    public void Sarif_output_is_valid_json_with_one_notification_per_error()
    {
        var notes = _sarif.GetProperty("runs")[0].GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").GetArrayLength();
        Assert.That(notes, Is.EqualTo(_errorsSheet.Count));
        Assert.That(Reports.Sarif.SarifConstraints.Check(_sarif), Is.Empty);
    }
}

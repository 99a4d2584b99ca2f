using ClosedXML.Excel;
using RubricEngine.Grading;
using RubricEngine.Reports.Excel;
using RubricEngine.Traces;
using static RubricEngine.Tests.Reports.GradeBuilder;

namespace RubricEngine.Tests.Reports.Excel;

public sealed class ExcelGradebookWriterTests
{
    private string _path = "";

    [SetUp]
    public void SetUp() => _path = TempPath(".xlsx");

    [TearDown]
    public void TearDown()
    {
        if (File.Exists(_path)) File.Delete(_path);
    }

    private XLWorkbook WriteAndOpen(IReadOnlyList<TraceGrade>? grades = null, RunInfo? run = null)
    {
        ExcelGradebookWriter.Write(_path, Rules, grades ?? Sample(), run ?? Run());
        return new XLWorkbook(_path);
    }

    [Test]
    public void Writes_the_six_sheets_in_order()
    {
        using var wb = WriteAndOpen();
        Assert.That(wb.Worksheets.Select(s => s.Name), Is.EqualTo(new[] { "Grades", "Feedback", "Findings", "Criteria", "Run", "Errors" }));
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(_path)!, "*.tmp"), Is.Empty, "no temporary file left behind");
    }

    [Test]
    public void Grades_has_one_header_row_and_one_numeric_row_per_student()
    {
        using var wb = WriteAndOpen();
        var ws = wb.Worksheet("Grades");
        var headers = ws.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.That(headers, Is.EqualTo(new[]
        {
            "Student ID", "Name", "Email", "HW7-01 Derivation shown (2)", "HW7-02 Uses the conditions from (i) (3)",
            "HW7-90 Answers annotated (1)", "Total", "Max", "Percent",
        }));
        Assert.That(ws.LastRowUsed().RowNumber(), Is.EqualTo(4));

        var bo = ws.Row(3);
        Assert.That(bo.Cell(1).GetString(), Is.EqualTo("s2"));
        Assert.That(bo.Cell(4).DataType, Is.EqualTo(XLDataType.Number));
        Assert.That(bo.Cell(4).GetDouble(), Is.EqualTo(1));
        Assert.That(bo.Cell(5).GetDouble(), Is.EqualTo(3));
        Assert.That(bo.Cell(6).GetDouble(), Is.EqualTo(0));
        Assert.That(bo.Cell(7).GetDouble(), Is.EqualTo(4), "total");
        Assert.That(bo.Cell(8).GetDouble(), Is.EqualTo(6), "max");
        Assert.That(bo.Cell(9).DataType, Is.EqualTo(XLDataType.Number));
        Assert.That(bo.Cell(9).GetDouble(), Is.EqualTo(4 / 6.0).Within(1e-9));
        Assert.That(bo.Cell(9).Style.NumberFormat.Format, Does.Contain("%"));
    }

    [Test]
    public void Notes_are_attached_only_where_points_were_lost_or_not_graded()
    {
        using var wb = WriteAndOpen();
        var ws = wb.Worksheet("Grades");
        var withNotes = ws.CellsUsed(XLCellsUsedOptions.All).Where(c => c.HasComment).Select(c => c.Address.ToString()).OrderBy(a => a).ToList();
        Assert.That(withNotes, Is.EqualTo(new[] { "D3", "E4", "F3", "G4" }));
        Assert.That(ws.Cell("G4").Comment.Text, Is.EqualTo("Partial total: 3 of 6 points graded (HW7-02 not graded)."));
        Assert.That(ws.Cell("D3").Comment.Text, Does.Contain("trace expansion is missing"));
        Assert.That(ws.Cell("E4").Comment.Text, Does.StartWith("Not graded:"));
    }

    [Test]
    public void A_criterion_that_could_not_be_graded_is_an_empty_marked_cell_and_its_total_is_partial()
    {
        using var wb = WriteAndOpen();
        var cell = wb.Worksheet("Grades").Cell("E4");
        Assert.That(cell.GetString(), Is.Empty, "not graded is empty, never 0");
        Assert.That(wb.Worksheet("Grades").Cell("I4").IsEmpty(), Is.True, "no percent of a partial total");
        Assert.That(wb.Worksheet("Grades").Cell("G4").GetDouble(), Is.EqualTo(3), "the total of what was graded");
        Assert.That(cell.Style.Font.FontColor, Is.EqualTo(GradesSheet.ErrorFont));
        Assert.That(cell.Style.Font.Bold, Is.True);
        Assert.That(wb.Worksheet("Grades").Cell("E3").Style.Font.Bold, Is.False);
    }

    [Test]
    public void Every_criterion_column_has_a_lost_points_conditional_format()
    {
        using var wb = WriteAndOpen();
        var formats = wb.Worksheet("Grades").ConditionalFormats.ToList();
        foreach (var (column, max) in new[] { ("D", 2.0), ("E", 3.0), ("F", 1.0) })
        {
            var format = formats.SingleOrDefault(f => f.Range.RangeAddress.ToString() == $"{column}2:{column}4");
            Assert.That(format, Is.Not.Null, $"column {column}");
            Assert.That(format!.ConditionalFormatType, Is.EqualTo(XLConditionalFormatType.CellIs));
            Assert.That(format.Operator, Is.EqualTo(XLCFOperator.LessThan));
            Assert.That(double.Parse(format.Values[1].Value, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(max));
        }
    }

    [Test]
    public void Header_rows_are_frozen_and_filtered_on_every_sheet()
    {
        using var wb = WriteAndOpen(run: Run(new TraceError("traces/bad.json", "expected a string", "$.messages[3].role", 12, 5)));
        foreach (var ws in wb.Worksheets)
        {
            Assert.That(ws.SheetView.SplitRow, Is.EqualTo(1), ws.Name);
            Assert.That(ws.AutoFilter.IsEnabled, Is.True, ws.Name);
            Assert.That(ws.Column(1).Width, Is.GreaterThanOrEqualTo(8).And.LessThanOrEqualTo(90), ws.Name);
        }
        Assert.That(wb.Worksheet("Grades").SheetView.SplitColumn, Is.EqualTo(2));
        Assert.That(wb.Worksheet("Grades").AutoFilter.Range.RangeAddress.ToString(), Is.EqualTo("A1:I4"));
    }

    [Test]
    public void Column_widths_follow_the_text_and_are_capped()
    {
        var longName = new string('n', 500);
        using var wb = WriteAndOpen([Grade("s1", longName, "a@b.c", Full(Derivation))]);
        var ws = wb.Worksheet("Grades");
        Assert.That(ws.Column(2).Width, Is.EqualTo(62), "capped");
        // Criterion headers wrap onto up to three lines rather than widening the column to the whole title.
        Assert.That(ws.Column(4).Width, Is.LessThan("HW7-01 Derivation shown (2)".Length).And.GreaterThanOrEqualTo("Derivation".Length + 2), "wraps the header");
        Assert.That(ws.Cell(1, 4).Style.Alignment.WrapText, Is.True);
        Assert.That(ws.Row(1).Height, Is.GreaterThan(30), "room for the wrapped header");
    }

    [TestCase("=HYPERLINK(\"http://x\",\"y\")")]
    [TestCase("+1")]
    [TestCase("@SUM(A1)")]
    [TestCase("-2+3")]
    [TestCase("=1+2")]
    [TestCase("0123")]
    public void Hostile_text_stays_literal_text(string hostile)
    {
        var grade = Grade(hostile, hostile, hostile, Lost(Derivation, 0, hostile, "3.b.i", Finding(Derivation, hostile, 2, excerpt: hostile)));
        using var wb = WriteAndOpen([grade]);
        var cells = new[]
        {
            wb.Worksheet("Grades").Cell("A2"), wb.Worksheet("Grades").Cell("B2"), wb.Worksheet("Grades").Cell("C2"),
            wb.Worksheet("Feedback").Cell("D2"), wb.Worksheet("Findings").Cell("I2"), wb.Worksheet("Findings").Cell("M2"),
        };
        foreach (var cell in cells)
        {
            Assert.That(cell.HasFormula, Is.False, cell.Address.ToString());
            Assert.That(cell.DataType, Is.EqualTo(XLDataType.Text), cell.Address.ToString());
            Assert.That(cell.GetString(), Is.EqualTo(hostile), cell.Address.ToString());
        }
        Assert.That(wb.Worksheet("Grades").Cell("D2").Comment.Text, Is.EqualTo(hostile));
    }

    [Test]
    public void Characters_xml_cannot_hold_are_stripped_and_long_text_is_capped()
    {
        var name = "Ana\u0000\u0001\u0008 Lima\uD800\r\nline2\tTab\uFFFF";
        var huge = new string('x', 40_000);
        using var wb = WriteAndOpen([Grade("s1", name, null, Lost(Derivation, 0, huge))]);
        Assert.That(wb.Worksheet("Grades").Cell("B2").GetString(), Is.EqualTo("Ana Lima\nline2\tTab"));
        var feedback = wb.Worksheet("Feedback").Cell("D2").GetString();
        Assert.That(feedback.Length, Is.EqualTo(ExcelText.MaxCellLength));
        Assert.That(feedback, Does.EndWith("…"));
    }

    [Test]
    public void Feedback_holds_the_full_comment_per_criterion()
    {
        using var wb = WriteAndOpen();
        var ws = wb.Worksheet("Feedback");
        Assert.That(ws.Row(1).CellsUsed().Select(c => c.GetString()).Skip(3).First(), Is.EqualTo("HW7-01 Derivation shown (2)"));
        Assert.That(ws.Cell("D3").GetString(), Is.EqualTo("Only two steps shown; the trace expansion is missing."));
        Assert.That(ws.Cell("F3").GetString(), Is.EqualTo("No annotations."));
        Assert.That(ws.Cell("D2").IsEmpty(), Is.True, "no comment on full points");
    }

    [Test]
    public void Findings_has_a_row_per_finding_with_location_attempt_and_suppression()
    {
        using var wb = WriteAndOpen();
        var ws = wb.Worksheet("Findings");
        Assert.That(ws.Row(1).Cell(1).GetString(), Is.EqualTo("Student ID"));
        Assert.That(ws.LastRowUsed().RowNumber(), Is.EqualTo(3), "two findings");
        var graded = ws.Row(2);
        Assert.That(graded.Cell(1).GetString(), Is.EqualTo("s2"));
        Assert.That(graded.Cell(3).GetString(), Is.EqualTo("3.b.i"));
        Assert.That(graded.Cell(4).GetDouble(), Is.EqualTo(2));
        Assert.That(graded.Cell(5).GetString(), Is.EqualTo("yes"));
        Assert.That(graded.Cell(6).GetString(), Is.EqualTo("HW7-01"));
        Assert.That(graded.Cell(7).GetString(), Is.EqualTo("error"));
        Assert.That(graded.Cell(8).GetDouble(), Is.EqualTo(1));
        Assert.That(graded.Cell(10).GetString(), Is.EqualTo("traces/x.json"));
        Assert.That(graded.Cell(11).GetDouble(), Is.EqualTo(3));
        Assert.That(graded.Cell(12).GetString(), Is.EqualTo("2:7"));
        Assert.That(graded.Cell(13).GetString(), Is.EqualTo("=SUM(A1)"));
        Assert.That(graded.Cell(13).HasFormula, Is.False);
        var earlier = ws.Row(3);
        Assert.That(earlier.Cell(5).GetString(), Is.EqualTo("no"));
        Assert.That(earlier.Cell(14).GetString(), Is.EqualTo("suppressed: TA: fine"));
    }

    [Test]
    public void Criteria_summarises_each_rule_with_pass_rate_data_bars()
    {
        using var wb = WriteAndOpen();
        var ws = wb.Worksheet("Criteria");
        Assert.That(ws.Cell("A2").GetString(), Is.EqualTo("HW7-01"));
        Assert.That(ws.Cell("C2").GetString(), Is.EqualTo("3.b.i"));
        Assert.That(ws.Cell("E2").GetDouble(), Is.EqualTo(2));
        Assert.That(ws.Cell("F2").GetDouble(), Is.EqualTo(5 / 3.0).Within(1e-9), "mean of 2, 1, 2");
        Assert.That(ws.Cell("G2").GetDouble(), Is.EqualTo(2 / 3.0).Within(1e-9), "pass rate");
        Assert.That(ws.Cell("H2").GetDouble(), Is.EqualTo(0), "mean re-prompts of the two that passed");
        Assert.That(ws.Cell("G3").GetDouble(), Is.EqualTo(2 / 3.0).Within(1e-9), "the error does not pass");
        Assert.That(ws.Cell("J3").GetDouble(), Is.EqualTo(1), "one error");
        Assert.That(ws.Cell("C4").GetString(), Is.Empty, "trace-wide rule has no question");
        var bars = ws.ConditionalFormats.Single(f => f.ConditionalFormatType == XLConditionalFormatType.DataBar);
        Assert.That(bars.Range.RangeAddress.ToString(), Is.EqualTo("G2:G4"));
    }

    [Test]
    public void Run_and_errors_sheets_say_what_produced_the_workbook_and_what_failed()
    {
        using var wb = WriteAndOpen(run: Run(new TraceError("traces/bad.json", "expected a string", "$.messages[3].role", 12, 5)));
        var run = wb.Worksheet("Run").RowsUsed().Skip(1).ToDictionary(r => r.Cell(1).GetString(), r => r.Cell(2));
        Assert.That(run["Rubric"].GetString(), Is.EqualTo("rubrics/hw7/hw7.rubric.csx"));
        Assert.That(run["Rubric SHA-256"].GetString(), Is.EqualTo(new string('a', 64)));
        Assert.That(run["Engine version"].GetString(), Is.EqualTo("0.1.0"));
        Assert.That(run["Started"].GetString(), Is.EqualTo("2026-11-29T09:15:00.000+00:00"));
        Assert.That(run["Traces graded"].GetDouble(), Is.EqualTo(3));
        Assert.That(run["Traces failed"].GetDouble(), Is.EqualTo(1));
        Assert.That(run["option: attempt"].GetString(), Is.EqualTo("best"));
        var errors = wb.Worksheet("Errors");
        Assert.That(errors.Cell("A2").GetString(), Is.EqualTo("traces/bad.json"));
        Assert.That(errors.Cell("B2").GetString(), Is.EqualTo("$.messages[3].role (line 12, column 5)"));
        Assert.That(errors.Cell("C2").GetString(), Is.EqualTo("expected a string"));
    }

    [Test]
    public void A_rule_only_the_grades_know_still_gets_a_column()
    {
        var extra = new RubricEngine.Rubrics.RuleDescriptor("HW7-99", "Extra", points: 1);
        using var wb = WriteAndOpen([Grade("s1", "A", null, Full(Derivation), Lost(extra, 0, "Missing."))]);
        Assert.That(wb.Worksheet("Grades").Cell("G1").GetString(), Is.EqualTo("HW7-99 Extra (1)"));
        Assert.That(wb.Worksheet("Grades").Cell("G2").GetDouble(), Is.EqualTo(0));
    }

    [Test]
    public void An_empty_run_still_writes_a_valid_workbook()
    {
        using var wb = WriteAndOpen([]);
        Assert.That(wb.Worksheet("Grades").LastRowUsed().RowNumber(), Is.EqualTo(1));
    }
}

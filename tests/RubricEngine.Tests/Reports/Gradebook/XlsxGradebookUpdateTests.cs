using ClosedXML.Excel;
using RubricEngine.Reports.Gradebook;
using static RubricEngine.Tests.Reports.GradeBuilder;

namespace RubricEngine.Tests.Reports.Gradebook;

public sealed class XlsxGradebookUpdateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 9, 15, 0, TimeSpan.Zero);
    private string _dir = "";
    private string _path = "";

    [SetUp]
    public void SetUp()
    {
        _dir = Path.GetDirectoryName(TempPath(""))! + Path.DirectorySeparatorChar + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(_dir);
        _path = Path.Combine(_dir, "course.xlsx");
        BuildCourseWorkbook(_path);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    /// <summary>A course gradebook as a TA keeps it: a roster with formulas and formats, and other sheets.</summary>
    private static void BuildCourseWorkbook(string path)
    {
        using var wb = new XLWorkbook();
        var roster = wb.Worksheets.Add("Roster");
        string[] headers = ["Student", "SIS User ID", "Email", "HW6", "Sum"];
        for (var c = 0; c < headers.Length; c++) roster.Cell(1, c + 1).Value = headers[c];
        roster.Range("A1:E1").Style.Font.Bold = true;
        roster.Range("A1:E1").Style.Fill.BackgroundColor = XLColor.LightBlue;
        roster.Cell("A2").Value = "Points Possible";
        roster.Cell("D2").Value = 10;
        object[][] rows =
        [
            ["Lima, Ana", "s1", "Ana@Uni.edu", 8.5],
            ["Chen, Bo", " s2 ", "bo@uni.edu", 7],
            ["Nobody, Ned", "s9", "ned@uni.edu", 9],
            ["Override, Olga", "s3", "olga@uni.edu", 10],
        ];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++) roster.Cell(r + 3, c + 1).Value = rows[r][c];
            roster.Cell(r + 3, 5).FormulaA1 = $"=SUM(D{r + 3}:D{r + 3})";
        }
        roster.Cell("D7").FormulaA1 = "=SUM(D3:D6)";
        roster.Range("D3:D6").Style.NumberFormat.Format = "0.00";
        roster.Cell("C4").Style.Fill.BackgroundColor = XLColor.Yellow;

        var other = wb.Worksheets.Add("Notes");
        other.Cell("A1").Value = "Late policy";
        other.Range("A1:C1").Merge();
        other.Cell("A2").Value = new DateTime(2026, 11, 1);
        other.Cell("A2").Style.DateFormat.Format = "yyyy-mm-dd";
        other.Cell("B3").FormulaA1 = "=Roster!D7*2";
        other.Cell("C4").Value = "=not a formula";
        other.Cell("C4").DataType = XLDataType.Text;
        wb.SaveAs(path);
    }

    private static Dictionary<string, (string Value, string Formula, string Format, string Fill, bool Bold, XLDataType Type)> Snapshot(XLWorkbook wb) =>
        wb.Worksheets.SelectMany(ws => ws.CellsUsed(XLCellsUsedOptions.All)).ToDictionary(
            c => c.Worksheet.Name + "!" + c.Address,
            c => (c.HasFormula ? "" : c.GetString(), c.HasFormula ? c.FormulaA1 : "", c.Style.NumberFormat.Format,
                  c.Style.Fill.BackgroundColor.ToString(), c.Style.Font.Bold, c.DataType));

    private UpdateReport Update(GradebookUpdateOptions? options = null) =>
        GradebookUpdater.Update(_path, Sample(), (options ?? new GradebookUpdateOptions("HW7") { Key = "SIS User ID" }) with { Now = Now });

    [Test]
    public void Writes_totals_into_a_new_column_at_the_end_of_the_header_row()
    {
        var report = Update();
        using var wb = new XLWorkbook(_path);
        var ws = wb.Worksheet("Roster");
        Assert.That(ws.Cell("F1").GetString(), Is.EqualTo("HW7"));
        Assert.That(ws.Cell("F1").Style.Font.Bold, Is.True, "styled like its neighbour");
        Assert.That(ws.Cell("F2").GetDouble(), Is.EqualTo(6), "points possible");
        Assert.That(ws.Cell("F3").DataType, Is.EqualTo(XLDataType.Number));
        Assert.That(ws.Cell("F3").GetDouble(), Is.EqualTo(6), "s1, full marks");
        Assert.That(ws.Cell("F4").GetDouble(), Is.EqualTo(4), "s2 matched though its id has spaces");
        Assert.That(ws.Cell("F5").IsEmpty(), Is.True, "s9 has no trace");
        Assert.That(report.AddedColumns, Is.EqualTo(new[] { "HW7" }));
        Assert.That(report.StudentsUpdated, Is.EqualTo(3));
        Assert.That(report.StudentsWithoutTrace, Is.EqualTo(new[] { "s9" }));
        Assert.That(report.TracesWithoutStudent, Is.Empty);
    }

    [Test]
    public void Leaves_every_cell_it_does_not_own_as_it_was()
    {
        Dictionary<string, (string, string, string, string, bool, XLDataType)> before;
        using (var wb = new XLWorkbook(_path)) before = Snapshot(wb);
        Update();
        using var after = new XLWorkbook(_path);
        var now = Snapshot(after);
        foreach (var (address, cell) in before)
            Assert.That(now[address], Is.EqualTo(cell), address);
        // F6 stays empty: s3's total is partial (a criterion was not graded), so it is not written.
        Assert.That(now.Keys.Except(before.Keys).Order(), Is.EqualTo(new[] { "Roster!F1", "Roster!F2", "Roster!F3", "Roster!F4" }));
        Assert.That(after.Worksheet("Notes").MergedRanges.Select(r => r.RangeAddress.ToString()), Is.EqualTo(new[] { "A1:C1" }));
        Assert.That(after.Worksheets.Select(s => s.Name), Is.EqualTo(new[] { "Roster", "Notes" }));
    }

    [Test]
    public void Makes_a_byte_identical_backup_first()
    {
        var original = File.ReadAllBytes(_path);
        var report = Update();
        Assert.That(report.BackupPath, Is.EqualTo(_path + ".2026-11-29T091500.bak"));
        Assert.That(File.ReadAllBytes(report.BackupPath), Is.EqualTo(original));
        Assert.That(File.ReadAllBytes(_path), Is.Not.EqualTo(original));
    }

    [Test]
    public void Overwrites_an_existing_column_and_keeps_a_marked_manual_override()
    {
        using (var wb = new XLWorkbook(_path))
        {
            var ws = wb.Worksheet("Roster");
            ws.Cell("F1").Value = "hw7";
            ws.Cell("F3").Value = 1;
            ws.Cell("F6").Value = 5.5;
            ws.Cell("F6").Comment.AddText("Override: regraded by hand (TA Kim)");
            wb.Save();
        }
        var report = GradebookUpdater.Update(_path, FullyGradedSample(), new GradebookUpdateOptions("HW7") { Key = "SIS User ID", Now = Now });
        using var after = new XLWorkbook(_path);
        var roster = after.Worksheet("Roster");
        Assert.That(report.AddedColumns, Is.Empty, "header matched case-insensitively");
        Assert.That(roster.Cell("F3").GetDouble(), Is.EqualTo(6));
        Assert.That(roster.Cell("F6").GetDouble(), Is.EqualTo(5.5), "override kept");
        Assert.That(report.KeptOverrides, Is.EqualTo(new[] { new KeptOverride("s3", "HW7", "5.5", "3") }));
    }

    [Test]
    public void Matches_by_email_case_insensitively_and_reports_traces_without_a_student()
    {
        var report = Update(new GradebookUpdateOptions("HW7") { Key = "email" });
        using var wb = new XLWorkbook(_path);
        Assert.That(wb.Worksheet("Roster").Cell("F3").GetDouble(), Is.EqualTo(6), "ana@uni.edu matched Ana@Uni.edu");
        Assert.That(report.TracesWithoutStudent, Is.EqualTo(new[] { "+1" }), "the trace whose email is +1");
        Assert.That(report.StudentsWithoutTrace, Is.EquivalentTo(new[] { "ned@uni.edu", "olga@uni.edu" }));
    }

    [Test]
    public void Writes_per_criterion_columns_on_request()
    {
        var report = Update(new GradebookUpdateOptions("HW7") { Key = "id", PerCriterion = true, Rules = Rules });
        using var wb = new XLWorkbook(_path);
        var ws = wb.Worksheet("Roster");
        Assert.That(report.AddedColumns, Is.EqualTo(new[] { "HW7", "HW7-01 Derivation shown (2)", "HW7-02 Uses the conditions from (i) (3)", "HW7-90 Answers annotated (1)" }));
        Assert.That(ws.Cell("G2").GetDouble(), Is.EqualTo(2), "points possible of HW7-01");
        Assert.That(ws.Cell("G4").GetDouble(), Is.EqualTo(1), "s2 lost a point on HW7-01");
        Assert.That(ws.Cell("H6").IsEmpty(), Is.True, "s3's HW7-02 was not graded: empty, never 0");
        Assert.That(ws.Cell("F6").IsEmpty(), Is.True, "s3's total is partial: not written");
        Assert.That(ws.Cell("G6").GetDouble(), Is.EqualTo(2), "s3's graded criteria are written");
    }

    [Test]
    public void An_unknown_sheet_or_key_fails_without_touching_the_file()
    {
        var original = File.ReadAllBytes(_path);
        Assert.Throws<GradebookUpdateException>(() => Update(new GradebookUpdateOptions("HW7") { Sheet = "Nope" }));
        var e = Assert.Throws<GradebookUpdateException>(() => Update(new GradebookUpdateOptions("HW7") { Key = "Canvas ID" }));
        Assert.That(e!.Message, Does.Contain("Canvas ID"));
        Assert.That(File.ReadAllBytes(_path), Is.EqualTo(original));
        Assert.That(Directory.GetFiles(_dir), Has.Length.EqualTo(1), "no backup, no temp file");
    }

    [Test]
    public void Updates_the_named_sheet()
    {
        using (var wb = new XLWorkbook(_path))
        {
            var ws = wb.Worksheets.Add("Section B");
            ws.Cell("A1").Value = "Student ID";
            ws.Cell("A2").Value = "s1";
            wb.Worksheet("Section B").Position = 1;
            wb.Save();
        }
        Update(new GradebookUpdateOptions("HW7") { Sheet = "section b" });
        using var after = new XLWorkbook(_path);
        Assert.That(after.Worksheet("Section B").Cell("B2").GetDouble(), Is.EqualTo(6));
        Assert.That(after.Worksheet("Roster").Cell("F1").IsEmpty(), Is.True);
    }
}

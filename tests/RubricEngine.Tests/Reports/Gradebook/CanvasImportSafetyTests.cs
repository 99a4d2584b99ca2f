using System.Text;
using RubricEngine.Reports.Csv;
using RubricEngine.Reports.Gradebook;
using static RubricEngine.Tests.Reports.GradeBuilder;

namespace RubricEngine.Tests.Reports.Gradebook;

/// <summary>
/// `--into` on a Canvas gradebook export, checked against what Canvas's importer does with the file: a
/// <c>Title (id)</c> header is that assignment, any other new header a new graded assignment, the Points Possible
/// row what the assignment is worth, <c>EX</c> an excused student.
/// </summary>
public sealed class CanvasImportSafetyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 9, 15, 0, TimeSpan.Zero);

    // The sample grades are out of 6; the Canvas assignment HW7 (12345) is worth 6 unless a test says otherwise.
    private static string Export(string points = "6.00", string anaCell = "", string hw7Header = "HW7 (12345)") =>
        $"Student,ID,SIS User ID,SIS Login ID,Section,HW6 (123),{hw7Header},Current Score,Final Score\r\n" +
        $"    Points Possible,,,,,10.00,{points},(read only),(read only)\r\n" +
        $"\"Lima, Ana\",101,s1,ana,CS182,8.50,{anaCell},85,85\r\n" +
        "\"Chen, Bo\",102,s2,bo,CS182,7,,70,70\r\n";

    private TempFolder _temp = null!;
    private string _dir = "";
    private string _path = "";

    [SetUp]
    public void SetUp()
    {
        _temp = new TempFolder();
        _dir = _temp.Path;
        _path = _temp.File("canvas.csv");
    }

    [TearDown]
    public void TearDown() => _temp.Dispose();

    private UpdateReport Update(string csv, GradebookUpdateOptions options)
    {
        File.WriteAllBytes(_path, Encoding.UTF8.GetBytes(csv));
        return GradebookUpdater.Update(_path, FullyGradedSample(), options with { Now = Now });
    }

    private void AssertRefusedAndUntouched(string csv, GradebookUpdateOptions options, string because)
    {
        var e = Assert.Throws<GradebookUpdateException>(() => Update(csv, options));
        Assert.That(e!.Message, Does.Contain(because));
        Assert.That(File.ReadAllText(_path), Is.EqualTo(csv));
        Assert.That(Directory.GetFiles(_dir), Has.Length.EqualTo(1), "no backup, no temporary file");
    }

    [Test]
    public void Per_criterion_scores_never_become_gradable_Canvas_columns()
    {
        AssertRefusedAndUntouched(Export(), new GradebookUpdateOptions("HW7") { PerCriterion = true, Rules = Rules }, "new graded assignment");
    }

    [Test]
    public void The_total_goes_into_the_existing_Title_id_column_found_by_title()
    {
        var report = Update(Export(), new GradebookUpdateOptions("hw7"));
        Assert.That(report.AddedColumns, Is.Empty);
        Assert.That(File.ReadAllText(_path), Is.EqualTo(
            "Student,ID,SIS User ID,SIS Login ID,Section,HW6 (123),HW7 (12345),Current Score,Final Score\r\n" +
            "    Points Possible,,,,,10.00,6.00,(read only),(read only)\r\n" +
            "\"Lima, Ana\",101,s1,ana,CS182,8.50,6,85,85\r\n" +
            "\"Chen, Bo\",102,s2,bo,CS182,7,4,70,70\r\n"));
    }

    [Test]
    public void A_column_prefix_finds_the_assignment_with_a_longer_title()
    {
        Update(Export(hw7Header: "HW7 Optimization (12345)"), new GradebookUpdateOptions("HW7"));
        Assert.That(File.ReadAllLines(_path)[2], Is.EqualTo("\"Lima, Ana\",101,s1,ana,CS182,8.50,6,85,85"));
    }

    [Test]
    public void A_column_Canvas_would_import_as_a_new_assignment_is_refused_unless_asked_for()
    {
        AssertRefusedAndUntouched(Export(hw7Header: "HW5 (99)"), new GradebookUpdateOptions("HW7"), "--new-assignment");

        var report = Update(Export(hw7Header: "HW5 (99)"), new GradebookUpdateOptions("HW7") { NewAssignment = true });
        Assert.That(report.AddedColumns, Is.EqualTo(new[] { "HW7" }));
    }

    [Test]
    public void Points_possible_is_never_changed_and_a_different_maximum_is_refused_before_writing()
    {
        AssertRefusedAndUntouched(Export(points: "100.00"), new GradebookUpdateOptions("HW7"), "--scale-to-points");
    }

    [Test]
    public void Scale_to_points_scales_totals_and_keeps_points_possible()
    {
        Update(Export(points: "100.00"), new GradebookUpdateOptions("HW7") { ScaleToPoints = true });
        var lines = File.ReadAllLines(_path);
        Assert.That(lines[1], Is.EqualTo("    Points Possible,,,,,10.00,100.00,(read only),(read only)"));
        Assert.That(lines[2], Is.EqualTo("\"Lima, Ana\",101,s1,ana,CS182,8.50,100,85,85"));
        Assert.That(lines[3], Is.EqualTo("\"Chen, Bo\",102,s2,bo,CS182,7,66.67,70,70"));
    }

    [Test]
    public void An_excused_student_stays_excused_and_is_reported()
    {
        var report = Update(Export(anaCell: "EX"), new GradebookUpdateOptions("HW7"));
        Assert.That(File.ReadAllLines(_path)[2], Is.EqualTo("\"Lima, Ana\",101,s1,ana,CS182,8.50,EX,85,85"));
        Assert.That(report.KeptOverrides, Is.EqualTo(new[] { new KeptOverride("s1", "HW7", "EX", "6") }));
    }

    [Test]
    public void The_roster_keeps_EX_in_the_Canvas_import_file_and_says_so()
    {
        var roster = CanvasRoster.Parse(new StringReader(Export(anaCell: "EX")), "canvas.csv");
        var path = Path.Combine(_dir, "import.csv");
        var sink = CsvGradeSink.ToFile(path, new CsvExportOptions { Format = CsvGradeFormat.Canvas, AssignmentName = "HW7", Roster = roster });
        using (sink)
        {
            sink.Begin(ReportFilesGradeBuilder.Context());
            foreach (var g in FullyGradedSample()) sink.Add(g);
            sink.Complete(Run());
        }
        var lines = File.ReadAllLines(path);
        Assert.That(lines[0], Does.EndWith("HW7 (12345)"));
        Assert.That(lines[2], Does.StartWith("\"Lima, Ana\"").And.EndWith(",EX"));
        Assert.That(lines[3], Does.EndWith(",4"));
        Assert.That(sink.Inner.Unmatched.Select(u => u.Reason), Has.Some.Contains("kept 'EX'"));
    }

    [Test]
    public void The_roster_reads_Canvas_separate_last_and_first_name_layout()
    {
        const string csv =
            "Last Name,First Name,ID,SIS User ID,SIS Login ID,Section,HW7 (12345)\r\n" +
            "    Points Possible,,,,,,6.00\r\n" +
            "Lima,Ana,101,s1,ana,CS182,\r\n" +
            "Chen,Bo,102,s2,bo,CS182,EX\r\n";
        var roster = CanvasRoster.Parse(new StringReader(csv), "canvas.csv");
        Assert.That(roster.Rows.Select(r => (r.Student, r.SisUserId)), Is.EqualTo(new[] { ("Lima, Ana", "s1"), ("Chen, Bo", "s2") }));
        Assert.That(roster.FindAssignmentId("HW7"), Is.EqualTo("12345"));
    }

    [Test]
    public void A_Canvas_import_file_goes_into_the_rosters_assignment_or_is_refused_before_writing()
    {
        var roster = CanvasRoster.Parse(new StringReader(Export(hw7Header: "HW7 Optimization (12345)")), "canvas.csv");
        Assert.DoesNotThrow(() => roster.CheckAssignment("HW7", newAssignment: false));
        var e = Assert.Throws<CanvasRosterException>(() => roster.CheckAssignment("CS182 HW7", newAssignment: false));
        Assert.That(e!.Message, Does.Contain("--new-assignment"));
        Assert.DoesNotThrow(() => roster.CheckAssignment("CS182 HW7", newAssignment: true));

        var path = Path.Combine(_dir, "import.csv");
        using (var sink = CsvGradeSink.ToFile(path, new CsvExportOptions { Format = CsvGradeFormat.Canvas, AssignmentName = "HW7", Roster = roster }))
        {
            sink.Begin(ReportFilesGradeBuilder.Context());
            foreach (var g in FullyGradedSample()) sink.Add(g);
            sink.Complete(Run());
        }
        Assert.That(File.ReadAllLines(path)[0], Does.EndWith(",HW7 Optimization (12345)"));
    }

    [Test]
    public void A_Canvas_import_file_keeps_the_rosters_points_possible_and_scales_only_when_asked()
    {
        var roster = CanvasRoster.Parse(new StringReader(Export(points: "100.00")), "canvas.csv");
        var e = Assert.Throws<CanvasRosterException>(() => roster.ScaleFor("HW7", 6, scaleToPoints: false));
        Assert.That(e!.Message, Does.Contain("--scale-to-points"));
        var scale = roster.ScaleFor("HW7", 6, scaleToPoints: true);

        var path = Path.Combine(_dir, "import.csv");
        using (var sink = CsvGradeSink.ToFile(path, new CsvExportOptions { Format = CsvGradeFormat.Canvas, AssignmentName = "HW7", Roster = roster, Scale = scale }))
        {
            sink.Begin(ReportFilesGradeBuilder.Context());
            foreach (var g in FullyGradedSample()) sink.Add(g);
            sink.Complete(Run());
        }
        var lines = File.ReadAllLines(path);
        Assert.That(lines[1], Does.EndWith(",100.00"));
        Assert.That(lines[2], Does.EndWith(",100"));
        Assert.That(lines[3], Does.EndWith(",66.67"));
    }
}

using RubricEngine.Reports.Csv;
using RubricEngine.Reports.Gradebook;
using RubricEngine.Tests.Reports.Csv;
using static RubricEngine.Tests.Reports.Csv.CsvTestFiles;

namespace RubricEngine.Tests.Reports.Lms;

/// <summary>
/// <c>--csv-format moodle|blackboard|brightspace</c> (and the Gradescope layout), each written from the LMS's own
/// export and then read back by that LMS's import rules (<see cref="LmsImportCheck"/>): the column must go to the
/// existing grade item, no item may be created, every row must be a student the LMS knows, every cell a score.
/// </summary>
public sealed class NativeLayoutTests
{
    private TempFolder _temp = null!;

    [SetUp]
    public void SetUp() => _temp = new TempFolder();

    [TearDown]
    public void TearDown() => _temp.Dispose();

    private static ReportFilesGradeBuilder Student(string id, string? name = null, string? email = null) =>
        new(ReportFilesGradeBuilder.Rubric(), id, name, email);

    private static readonly RubricEngine.Grading.TraceGrade[] Grades =
    [
        Student("s1", "Ana Lima", "ana@uni.edu").Build(),
        Student("s2", "Bo Chen", "bo@uni.edu").Lose("HW7-03", 2, "no numbers").Build(),
        Student("s7", "Cy Stranger", "cy@uni.edu").Build(),
    ];

    private (string Path, CsvGradeSink Sink) Write(CsvGradeFormat format, LmsRoster? roster, string? assignment = "HW7", string name = "import.csv", double scale = 1)
    {
        var path = _temp.File(name);
        var file = CsvGradeSink.ToFile(path, new CsvExportOptions { Format = format, AssignmentName = assignment, LmsRoster = roster, Scale = scale });
        Run(file, Grades);
        return (path, file.Inner);
    }

    private string Export(string name, string text)
    {
        var path = _temp.File(name);
        File.WriteAllText(path, text);
        return path;
    }

    private static void AssertImportsCleanly(LmsCheckReport report, string item, int students)
    {
        Assert.That(report.Errors, Is.Empty, string.Join("\n", report.Lines()));
        Assert.That(report.NewItems, Is.Empty, "no grade item is created");
        Assert.That(report.Columns.Where(c => c.Role == LmsColumnRole.Grade).Select(c => c.Header), Is.EqualTo(new[] { item }));
        Assert.That(report.MatchedStudents, Is.EqualTo(students), "every row is a student the LMS knows");
        Assert.That(report.StudentRows, Is.EqualTo(students));
    }

    [Test]
    public void Moodle_file_from_the_export_names_its_grade_item_and_holds_only_its_students()
    {
        var export = Export("moodle-export.csv", LmsExports.Moodle);
        var (path, sink) = Write(CsvGradeFormat.Moodle, LmsRoster.Read(export, LmsSystem.Moodle));

        var rows = ReadRows(path);
        Assert.That(rows[0], Is.EqualTo(new[] { "First name", "Last name", "ID number", "Email address", "Assignment: HW7 (Real)" }));
        Assert.That(rows.Skip(1).Select(r => r[2] + "=" + r[4]), Is.EqualTo(new[] { "s1=6.5", "s2=4.5" }));
        Assert.That(sink.Unmatched.Single().Reason, Does.Contain("no row of the Moodle export matches student id 's7'"),
            "a user Moodle does not know would stop the whole import, so the row is not written");
        AssertImportsCleanly(LmsImportCheck.Check(path, LmsSystem.Moodle, export), "Assignment: HW7 (Real)", 2);
    }

    [Test]
    public void Blackboard_file_from_the_download_uses_the_column_id_and_quotes_every_field()
    {
        var download = _temp.File("gc_CS182_fullgc.xls");
        File.WriteAllBytes(download, LmsExports.Utf16(LmsExports.Blackboard()));
        var (path, sink) = Write(CsvGradeFormat.Blackboard, LmsRoster.Read(download, LmsSystem.Blackboard));

        var lines = File.ReadAllLines(path);
        Assert.That(lines[0].TrimStart('\uFEFF'), Is.EqualTo("\"Last Name\",\"First Name\",\"Username\",\"Student ID\",\"HW7 Optimization [Total Pts: 6.5 Score] |12345\""));
        Assert.That(lines[1], Is.EqualTo("\"Lima\",\"Ana\",\"s1\",\"\",\"6.5\""), "comma-separated uploads hold every field in quotes");
        // Bo's cell is "Complete" in the Grade Center: a mark a person gave, not replaced by 4.5.
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(sink.Unmatched.Select(u => u.Reason), Has.Some.Contains("kept 'Complete' for 's2'"));
        var report = LmsImportCheck.Check(path, LmsSystem.Blackboard, download);
        AssertImportsCleanly(report, "HW7 Optimization [Total Pts: 6.5 Score] |12345", 1);
        Assert.That(report.Columns.Single(c => c.Role == LmsColumnRole.Grade).ItemId, Is.EqualTo("12345"));
    }

    [Test]
    public void Blackboard_without_a_column_id_is_refused_unless_a_new_column_is_asked_for()
    {
        var e = Assert.Throws<GradebookUpdateException>(() => LmsRoster.CheckAssignment(LmsSystem.Blackboard, null, "HW7", newAssignment: false));
        Assert.That(e!.Message, Does.Contain("new text column worth 0 points"));
        Assert.DoesNotThrow(() => LmsRoster.CheckAssignment(LmsSystem.Blackboard, null, "HW7 [Total Pts: 6.5 Score] |12345", newAssignment: false));

        var (path, _) = Write(CsvGradeFormat.Blackboard, null);
        var report = LmsImportCheck.Check(path, LmsSystem.Blackboard);
        Assert.That(report.NewItems.Single().Meaning, Does.Contain("text column worth 0 points"));
    }

    [Test]
    public void Brightspace_file_from_the_export_keeps_hash_ids_its_item_header_and_the_end_of_line_column_last()
    {
        var export = Export("brightspace-export.csv", LmsExports.Brightspace());
        var (path, _) = Write(CsvGradeFormat.Brightspace, LmsRoster.Read(export, LmsSystem.Brightspace));

        var rows = ReadRows(path);
        Assert.That(rows[0], Is.EqualTo(new[] { "OrgDefinedId", "Username", "HW7 Points Grade <Numeric MaxPoints:6.5 Weight:5 Category:Homework CategoryWeight:50>", "End-of-Line Indicator" }));
        Assert.That(rows[1], Is.EqualTo(new[] { "#s1", "#ana.lima", "6.5", "#" }));
        Assert.That(rows[2], Is.EqualTo(new[] { "#s2", "#bo.chen", "4.5", "#" }));
        AssertImportsCleanly(LmsImportCheck.Check(path, LmsSystem.Brightspace, export), rows[0][2], 2);
    }

    [Test]
    public void Brightspace_item_worth_other_points_is_an_error_before_writing_or_scaled()
    {
        var roster = LmsRoster.Read(Export("bs.csv", LmsExports.Brightspace(points: "13")), LmsSystem.Brightspace);
        Assert.Throws<GradebookUpdateException>(() => roster.ScaleFor("HW7", 6.5, scaleToPoints: false));
        var scale = roster.ScaleFor("HW7", 6.5, scaleToPoints: true);
        var (path, _) = Write(CsvGradeFormat.Brightspace, roster, scale: scale);
        Assert.That(ReadRows(path)[1][2], Is.EqualTo("13"));
    }

    [Test]
    public void Native_files_without_an_export_are_read_back_by_the_LMS_rules()
    {
        var (moodle, _) = Write(CsvGradeFormat.Moodle, null, name: "m.csv");
        Assert.That(ReadRows(moodle)[1], Is.EqualTo(new[] { "Ana", "Lima", "s1", "ana@uni.edu", "6.5" }));
        Assert.That(LmsImportCheck.Check(moodle, LmsSystem.Moodle).Errors, Is.Empty);

        var (brightspace, _) = Write(CsvGradeFormat.Brightspace, null, name: "b.csv");
        var rows = ReadRows(brightspace);
        Assert.That(rows[0], Is.EqualTo(new[] { "OrgDefinedId", "HW7 Points Grade", "End-of-Line Indicator" }), "a Username is never guessed");
        Assert.That(rows[1], Is.EqualTo(new[] { "#s1", "6.5", "#" }));
        Assert.That(LmsImportCheck.Check(brightspace, LmsSystem.Brightspace).Errors, Is.Empty);
    }

    [Test]
    public void Canvas_file_from_the_roster_keeps_points_possible_and_its_assignment_id()
    {
        var export = Export("canvas-export.csv",
            "Student,ID,SIS User ID,SIS Login ID,Section,HW7 Optimization (12345),Current Score\r\n" +
            "    Points Possible,,,,,6.5,(read only)\r\n" +
            "\"Lima, Ana\",101,s1,ana@uni.edu,CS182,,85\r\n" +
            "\"Chen, Bo\",102,s2,bo@uni.edu,CS182,EX,70\r\n");
        var path = _temp.File("canvas.csv");
        Run(CsvGradeSink.ToFile(path, new CsvExportOptions { Format = CsvGradeFormat.Canvas, AssignmentName = "HW7", Roster = CanvasRoster.Read(export) }), Grades);

        var report = LmsImportCheck.Check(path, LmsSystem.Canvas, export);
        AssertImportsCleanly(report, "HW7 Optimization (12345)", 2);
        Assert.That(report.Columns.Single(c => c.Role == LmsColumnRole.Grade).Points, Is.EqualTo(6.5));
        Assert.That(report.Issues.Select(i => i.Message), Has.Some.Contains("'EX' for 102").And.Some.Contains("excuses the student"));
    }

    [Test]
    public void Gradescope_writes_one_row_per_email_and_reports_traces_it_cannot_identify()
    {
        var path = _temp.File("gs.csv");
        var file = CsvGradeSink.ToFile(path, new CsvExportOptions { Format = CsvGradeFormat.Gradescope });
        Run(file,
            Student("s1", "Ana Lima", "ana@uni.edu").Build(),
            Student("s1-retry", "Ana Lima", "ANA@uni.edu").Lose("HW7-01", 2, "x").Build(),
            Student("s2", "Bo Chen").Build());

        var rows = ReadRows(path);
        Assert.That(rows.Skip(1).Select(r => r[3]), Is.EqualTo(new[] { "ana@uni.edu" }));
        Assert.That(file.Inner.Unmatched.Select(u => u.Reason), Has.Some.Contains("already has the grade of").And.Some.Contains("has no email"));
        var roster = Export("roster.csv", LmsExports.GradescopeRoster);
        var report = LmsImportCheck.Check(path, LmsSystem.Gradescope, roster);
        Assert.That(report.Errors, Is.Empty, string.Join("\n", report.Lines()));
        Assert.That(report.MatchedStudents, Is.EqualTo(1));
        Assert.That(report.Columns.Where(c => c.Role == LmsColumnRole.Grade).Select(c => c.Item), Has.Member("Total Score").And.Member("3.b.i: First-order optimality conditions"));
    }
}

using System.Text;
using RubricEngine.Reports.Gradebook;
using static RubricEngine.Tests.Reports.GradeBuilder;

namespace RubricEngine.Tests.Reports.Lms;

/// <summary>
/// <c>--into</c> each LMS's own export, end to end: the total goes into the existing grade item found by its title,
/// the LMS's student key is used, what the item is worth is kept, marks are kept, and the updated file is read back
/// by that LMS's import rules. The sample grades (<see cref="FullyGradedSample"/>) are out of 6: s1 6, s2 4, s3 3.
/// </summary>
public sealed class IntoLmsExportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 9, 15, 0, TimeSpan.Zero);

    private TempFolder _temp = null!;

    [SetUp]
    public void SetUp() => _temp = new TempFolder();

    [TearDown]
    public void TearDown() => _temp.Dispose();

    private string Save(string name, byte[] bytes)
    {
        var path = _temp.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static UpdateReport Into(string path, string column, bool scale = false) =>
        GradebookUpdater.Update(path, FullyGradedSample(), new GradebookUpdateOptions(column) { Now = Now, ScaleToPoints = scale });

    [Test]
    public void Moodle_export_gets_the_total_in_its_item_column_keyed_by_ID_number()
    {
        var path = Save("moodle.csv", Encoding.UTF8.GetBytes(LmsExports.Moodle));
        var report = Into(path, "HW7");

        Assert.That(report.AddedColumns, Is.Empty, "'HW7' is the export's 'Assignment: HW7 (Real)'");
        Assert.That(report.StudentsUpdated, Is.EqualTo(2));
        Assert.That(File.ReadAllLines(path)[1], Is.EqualTo("Ana,Lima,s1,,,ana@uni.edu,8.00,6,8.00,1764839700"));
        Assert.That(File.ReadAllLines(path)[3], Is.EqualTo("Ned,Nobody,s9,,,ned@uni.edu,9.00,5.00,14.00,1764839700"), "a student without a trace keeps his grade");
        var check = LmsImportCheck.Check(path, LmsSystem.Moodle, report.BackupPath);
        Assert.That(check.Errors, Is.Empty, string.Join("\n", check.Lines()));
        Assert.That(check.MatchedStudents, Is.EqualTo(3));
    }

    [Test]
    public void Moodle_export_without_the_item_is_refused_before_writing()
    {
        var path = Save("moodle.csv", Encoding.UTF8.GetBytes(LmsExports.Moodle));
        var e = Assert.Throws<GradebookUpdateException>(() => Into(path, "HW8"));
        Assert.That(e!.Message, Does.Contain("no grade item 'HW8'"));
        Assert.That(File.ReadAllText(path), Is.EqualTo(LmsExports.Moodle));
    }

    [Test]
    public void Blackboard_download_is_keyed_by_Username_not_the_empty_Student_ID_and_keeps_Complete()
    {
        var path = Save("gc.xls", LmsExports.Utf16(LmsExports.Blackboard(points: "6")));
        var report = Into(path, "HW7");

        Assert.That(report.StudentsUpdated, Is.EqualTo(2), "Username is Blackboard's student key; Student ID is empty in its download");
        Assert.That(report.KeptOverrides.Single().Existing, Does.Contain("Complete"), "a mark a person gave in the Grade Center");
        var lines = LmsExports.Utf16Text(File.ReadAllBytes(path)).Split("\r\n");
        Assert.That(lines[1], Does.EndWith("\"8\"\t6\t\"8\""));
        Assert.That(lines[2], Does.Contain("\"Complete\""));
        var check = LmsImportCheck.Check(path, LmsSystem.Blackboard);
        Assert.That(check.Errors, Is.Empty, string.Join("\n", check.Lines()));
        Assert.That(check.NewItems, Is.Empty);
    }

    [Test]
    public void Blackboard_column_worth_other_points_is_refused_or_scaled()
    {
        var path = Save("gc.xls", LmsExports.Utf16(LmsExports.Blackboard(points: "12")));
        var e = Assert.Throws<GradebookUpdateException>(() => Into(path, "HW7"));
        Assert.That(e!.Message, Does.Contain("worth 12 points"));
        Into(path, "HW7", scale: true);
        Assert.That(LmsExports.Utf16Text(File.ReadAllBytes(path)).Split("\r\n")[1], Does.EndWith("\"8\"\t12\t\"8\""));
    }

    [Test]
    public void Brightspace_export_gets_the_total_in_its_existing_item_found_by_title()
    {
        var path = Save("bs.csv", Encoding.UTF8.GetBytes(LmsExports.Brightspace(points: "6")));
        var report = Into(path, "HW7");

        Assert.That(report.AddedColumns, Is.Empty);
        var lines = File.ReadAllLines(path);
        Assert.That(lines[1], Is.EqualTo("#s1,#ana.lima,Lima,Ana,ana@uni.edu,8,6,8,10,#"));
        Assert.That(lines[3], Is.EqualTo("#s9,#ned,Nobody,Ned,ned@uni.edu,9,5,14,16.5,#"));
        var check = LmsImportCheck.Check(path, LmsSystem.Brightspace);
        Assert.That(check.Errors, Is.Empty, string.Join("\n", check.Lines()));
        Assert.That(check.Columns.Single(c => c.Role == LmsColumnRole.Grade && c.Item == "HW7").Points, Is.EqualTo(6));
    }

    [Test]
    public void Canvas_export_updated_in_place_passes_the_Canvas_import_check_against_the_backup()
    {
        var path = Save("canvas.csv", Encoding.UTF8.GetBytes(
            "Student,ID,SIS User ID,SIS Login ID,Section,HW7 (12345),Current Score\r\n" +
            "    Points Possible,,,,,6.00,(read only)\r\n" +
            "\"Lima, Ana\",101,s1,ana,CS182,,85\r\n" +
            "\"Chen, Bo\",102,s2,bo,CS182,EX,70\r\n"));
        var report = Into(path, "HW7");

        var check = LmsImportCheck.Check(path, LmsSystem.Canvas, report.BackupPath);
        Assert.That(check.Errors, Is.Empty, string.Join("\n", check.Lines()));
        Assert.That(check.NewItems, Is.Empty);
        Assert.That(check.Columns.Single(c => c.Role == LmsColumnRole.Grade).ItemId, Is.EqualTo("12345"));
        Assert.That(check.Issues.Select(i => i.Message), Has.Some.Contains("'EX' for 102"));
    }

    [Test]
    public void Per_criterion_columns_are_refused_on_every_LMS_export()
    {
        var path = Save("bs.csv", Encoding.UTF8.GetBytes(LmsExports.Brightspace(points: "6")));
        var e = Assert.Throws<GradebookUpdateException>(() => GradebookUpdater.Update(path, FullyGradedSample(),
            new GradebookUpdateOptions("HW7") { PerCriterion = true, Rules = Rules, Now = Now }));
        Assert.That(e!.Message, Does.Contain("new grade item"));
    }
}

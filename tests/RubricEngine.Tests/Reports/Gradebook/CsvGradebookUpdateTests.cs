using System.Text;
using RubricEngine.Reports.Gradebook;
using static RubricEngine.Tests.Reports.GradeBuilder;

namespace RubricEngine.Tests.Reports.Gradebook;

public sealed class CsvGradebookUpdateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 9, 15, 0, TimeSpan.Zero);

    // A Canvas export: quoted names with commas, a Points Possible row, a muted row, a formula-looking cell.
    private const string Canvas =
        "Student,ID,SIS User ID,SIS Login ID,Section,HW6 (123)\r\n" +
        "    Points Possible,,,,,10.00\r\n" +
        "\"Lima, Ana\",101,s1,ana,CS182 \"\"A\"\",8.50\r\n" +
        "\"Chen, Bo\",102,s2,bo,\"=cmd|' /C calc'!A0\",7\r\n" +
        "\"Nobody, Ned\",103,s9,ned,CS182,9\r\n" +
        "Test Student,999,,test,CS182,\r\n";

    private string _dir = "";
    private string _path = "";

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "rubric-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        _path = Path.Combine(_dir, "grades.csv");
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private UpdateReport Update(string csv, GradebookUpdateOptions? options = null, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        File.WriteAllBytes(_path, bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
        return GradebookUpdater.Update(_path, FullyGradedSample(), (options ?? new GradebookUpdateOptions("HW7")) with { Now = Now });
    }

    [Test]
    public void Appends_the_column_and_keeps_every_other_byte()
    {
        var report = Update(Canvas, new GradebookUpdateOptions("HW7") { NewAssignment = true });
        Assert.That(File.ReadAllText(_path), Is.EqualTo(
            "Student,ID,SIS User ID,SIS Login ID,Section,HW6 (123),HW7\r\n" +
            "    Points Possible,,,,,10.00,6\r\n" +
            "\"Lima, Ana\",101,s1,ana,CS182 \"\"A\"\",8.50,6\r\n" +
            "\"Chen, Bo\",102,s2,bo,\"=cmd|' /C calc'!A0\",7,4\r\n" +
            "\"Nobody, Ned\",103,s9,ned,CS182,9,\r\n" +
            "Test Student,999,,test,CS182,,\r\n"));
        Assert.That(report.StudentsUpdated, Is.EqualTo(2));
        Assert.That(report.StudentsWithoutTrace, Is.EqualTo(new[] { "s9" }));
        Assert.That(report.TracesWithoutStudent, Is.EqualTo(new[] { "s3" }));
        Assert.That(File.ReadAllText(report.BackupPath), Is.EqualTo(Canvas));
    }

    [Test]
    public void Overwrites_an_existing_column_in_place_and_keeps_a_marked_override()
    {
        var csv = "Name,Student ID,HW7,Notes\n\"Lima, Ana\",s1,1,\"a, b\"\nOlga,s3,override 5,x\n";
        var report = Update(csv, new GradebookUpdateOptions("hw7"));
        Assert.That(File.ReadAllText(_path), Is.EqualTo("Name,Student ID,HW7,Notes\n\"Lima, Ana\",s1,6,\"a, b\"\nOlga,s3,override 5,x\n"));
        Assert.That(report.AddedColumns, Is.Empty);
        Assert.That(report.KeptOverrides, Is.EqualTo(new[] { new KeptOverride("s3", "hw7", "override 5", "3") }));
    }

    [Test]
    public void Formula_leading_text_it_writes_is_quoted_and_escaped_but_other_cells_are_not()
    {
        Update("SIS User ID,=A1\ns1,=B2\n", new GradebookUpdateOptions("=HW7+1"));
        Assert.That(File.ReadAllText(_path), Is.EqualTo("SIS User ID,=A1,\"'=HW7+1\"\ns1,=B2,6\n"));
    }

    [Test]
    public void Keeps_the_byte_order_mark_and_a_missing_final_newline()
    {
        Update("SIS User ID;Name\ns1;\"Lima; Ana\"", bom: true);
        var bytes = File.ReadAllBytes(_path);
        Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.That(Encoding.UTF8.GetString(bytes[3..]), Is.EqualTo("SIS User ID;Name;HW7\ns1;\"Lima; Ana\";6"));
    }

    [Test]
    public void Writes_per_criterion_columns_with_their_points_possible()
    {
        // A plain gradebook (not a Canvas export: Canvas would make each criterion column a new assignment).
        Update("Student,SIS User ID\nBo,s2\n", new GradebookUpdateOptions("HW7") { PerCriterion = true, Rules = Rules });
        Assert.That(File.ReadAllText(_path), Is.EqualTo(
            "Student,SIS User ID,HW7,HW7-01 Derivation shown (2),HW7-02 Uses the conditions from (i) (3),HW7-90 Answers annotated (1)\n" +
            "Bo,s2,4,1,3,0\n"));
    }

    [Test]
    public void A_gradebook_without_the_key_column_is_left_alone()
    {
        Assert.Throws<GradebookUpdateException>(() => Update("Name,Score\nAna,1\n", new GradebookUpdateOptions("HW7") { Key = "email" }));
        Assert.That(File.ReadAllText(_path), Is.EqualTo("Name,Score\nAna,1\n"));
        Assert.That(Directory.GetFiles(_dir), Has.Length.EqualTo(1));
    }
}

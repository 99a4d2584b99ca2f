namespace RubricEngine.Tests.Cli;

/// <summary>
/// The LMS round trip from the command line: <c>grade --csv-format moodle|blackboard|brightspace --roster export</c>,
/// <c>--into</c> an export, and <c>rubric lms-check</c> saying what the LMS will do with the file (exit 1 when it would
/// refuse it or change what it must not).
/// </summary>
public sealed class LmsCliTests : CliTestBase
{
    private static string Alice => Path.Combine(Hw7Traces, "01-alice-all-in-one.json");

    private static string Carol => Path.Combine(Hw7Traces, "03-carol-retry-problem-4.json");

    // Moodle's plain-text export (gradeexport_txt) of a course with Alice and Carol (ids as in the hw7 traces) and Ned.
    private const string MoodleExport =
        "First name,Last name,ID number,Institution,Department,Email address,Assignment: HW7 (Real),Course total (Real),Last downloaded from this course\r\n" +
        "Alice,Nguyen,3031001,,,alice@berkeley.example,-,-,1764839700\r\n" +
        "Carol,Diaz,3031003,,,carol@berkeley.example,-,-,1764839700\r\n" +
        "Ned,Nobody,3039999,,,ned@berkeley.example,5.00,5.00,1764839700\r\n";

    [Test]
    public async Task Moodle_file_written_from_the_export_passes_lms_check()
    {
        File.WriteAllText(At("moodle.csv"), MoodleExport);
        var grade = await CliRun.Rubric("grade", Hw7Rubric, Alice, Carol, "--csv", At("hw7-moodle.csv"), "--csv-format", "moodle",
            "--roster", At("moodle.csv"), "--assignment", "HW7", "-v", "quiet");
        Assert.That(grade.ExitCode, Is.EqualTo(0), grade.ToString());
        Assert.That(File.ReadAllLines(At("hw7-moodle.csv"))[0].TrimStart('\uFEFF'), Is.EqualTo("First name,Last name,ID number,Email address,Assignment: HW7 (Real)"));

        var check = await CliRun.Rubric("lms-check", At("hw7-moodle.csv"), "--format", "moodle", "--roster", At("moodle.csv"));
        Assert.That(check.ExitCode, Is.EqualTo(0), check.ToString());
        Assert.That(check.Out, Does.Contain("2 student rows, 2 of them in the export")
            .And.Contain("column 5 'Assignment: HW7 (Real)': grades for the item you map it to ('HW7')")
            .And.Contain("Map from 'Email address'")
            .And.Contain("0 error(s), 0 warning(s); 0 new grade items."));
    }

    [Test]
    public async Task Lms_check_exits_1_with_file_and_line_when_Moodle_would_stop_the_import()
    {
        File.WriteAllText(At("moodle.csv"), MoodleExport);
        File.WriteAllText(At("edited.csv"), "Email address,Assignment: HW7 (Real)\r\nalice@berkeley.example,A-\r\nzed@berkeley.example,3\r\n");

        var check = await CliRun.Rubric("lms-check", At("edited.csv"), "--format", "moodle", "--roster", At("moodle.csv"));

        Assert.That(check.ExitCode, Is.EqualTo(1), check.ToString());
        Assert.That(check.Out, Does.Contain($"{At("edited.csv")}(2): error: 'A-' for alice@berkeley.example in 'Assignment: HW7 (Real)' is not a number")
            .And.Contain($"{At("edited.csv")}(3): error: 'zed@berkeley.example' (Email address) is not a student of the export"));
    }

    [Test]
    public async Task Lms_check_refuses_an_unknown_format_and_a_missing_file()
    {
        var format = await CliRun.Rubric("lms-check", At("x.csv"), "--format", "sakai");
        Assert.That(format.ExitCode, Is.EqualTo(2));
        Assert.That(format.Error, Does.Contain("--format must be canvas, moodle, blackboard, brightspace or gradescope"));
        var missing = await CliRun.Rubric("lms-check", At("x.csv"), "--format", "canvas");
        Assert.That(missing.ExitCode, Is.EqualTo(2));
        Assert.That(missing.Error, Does.Contain("does not exist"));
        Assert.That(CliRun.HasStackTrace(missing.All), Is.False);
    }

    [Test]
    public async Task Blackboard_without_a_column_id_or_download_is_refused_before_grading_writes_anything()
    {
        var run = await CliRun.Rubric("grade", Hw7Rubric, Alice, "--csv", At("bb.csv"), "--csv-format", "blackboard", "--assignment", "HW7");
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("new text column worth 0 points"));
        Assert.That(File.Exists(At("bb.csv")), Is.False);
    }

    [Test]
    public async Task Into_a_Brightspace_export_then_lms_check_on_it()
    {
        // Brightspace "Export Grades": '#'-prefixed keys, '<Item> Points Grade <Numeric MaxPoints:N>', End-of-Line Indicator last.
        File.WriteAllText(At("bs.csv"),
            "OrgDefinedId,Username,Last Name,First Name,Email,HW7 Points Grade <Numeric MaxPoints:16>,End-of-Line Indicator\r\n" +
            "#3031001,#alice,Nguyen,Alice,alice@berkeley.example,,#\r\n" +
            "#3031003,#carol,Diaz,Carol,carol@berkeley.example,,#\r\n");

        var run = await CliRun.Rubric("grade", Hw7Rubric, Alice, Carol, "--into", At("bs.csv"), "--column", "HW7", "-v", "quiet");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Out, Does.Contain("Updated 2 students"));

        var check = await CliRun.Rubric("lms-check", At("bs.csv"), "--format", "brightspace");
        Assert.That(check.ExitCode, Is.EqualTo(0), check.ToString());
        Assert.That(check.Out, Does.Contain("column 6 'HW7 Points Grade <Numeric MaxPoints:16>': grade item 'HW7' (points), points possible 16"));
    }
}

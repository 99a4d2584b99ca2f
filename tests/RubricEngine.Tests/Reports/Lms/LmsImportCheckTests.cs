using System.Text;
using RubricEngine.Reports.Gradebook;

namespace RubricEngine.Tests.Reports.Lms;

/// <summary>
/// <see cref="LmsImportCheck"/> on files a TA might have edited by hand: each finding is what the LMS's documented
/// importer does with the file (expected findings are marked in the test names and messages, not by line numbers alone).
/// </summary>
public sealed class LmsImportCheckTests
{
    private static LmsCheckReport Check(string text, LmsSystem system, string? export = null) =>
        LmsImportCheck.Check(LmsTable.Parse(Encoding.UTF8.GetBytes(text), "import.csv"), system,
            export is null ? null : LmsTable.Parse(Encoding.UTF8.GetBytes(export), "export.csv"));

    private const string CanvasExport =
        "Student,ID,SIS User ID,SIS Login ID,Section,HW6 (123),HW7 (12345),Current Score\r\n" +
        "    Points Possible,,,,,10.00,100.00,(read only)\r\n" +
        "\"Lima, Ana\",101,s1,ana,CS182,8.50,,85\r\n" +
        "\"Chen, Bo\",102,s2,bo,CS182,7,EX,70\r\n";

    [Test]
    public void Canvas_a_header_without_id_is_a_new_assignment_and_changed_points_possible_an_error()
    {
        var report = Check(
            "Student,ID,SIS User ID,SIS Login ID,Section,HW7 (12345),HW7 per criterion,Current Score\r\n" +
            "    Points Possible,,,,,16,2,(read only)\r\n" +
            "\"Lima, Ana\",101,s1,ana,CS182,16,2,85\r\n" +
            "\"Chen, Bo\",102,s2,bo,CS182,EX,1,70\r\n" +
            "\"Who, Ever\",109,s9,who,CS182,3,1,70\r\n", LmsSystem.Canvas, CanvasExport);

        Assert.That(report.Columns.Single(c => c.Header == "HW7 (12345)").Role, Is.EqualTo(LmsColumnRole.Grade));
        Assert.That(report.Columns.Single(c => c.Header == "HW7 (12345)").ItemId, Is.EqualTo("12345"));
        Assert.That(report.NewItems.Select(c => c.Header), Is.EqualTo(new[] { "HW7 per criterion" }));
        Assert.That(report.Columns.Single(c => c.Header == "Current Score").Role, Is.EqualTo(LmsColumnRole.Calculated));
        Assert.That(report.Errors.Select(i => i.Message), Has.Some.Contains("says 16 points possible where the course has 100"));
        Assert.That(report.Issues.Where(i => i.Severity == LmsIssueSeverity.Note).Select(i => i.Message), Has.Some.Contains("'EX' for 102 in 'HW7 (12345)' excuses the student"));
        Assert.That(report.Warnings.Select(i => i.Message), Has.Some.Contains("'109' (ID) is not a student of the export"));
        Assert.That(report.MatchedStudents, Is.EqualTo(2));
    }

    [Test]
    public void Moodle_stops_on_a_letter_a_grade_above_100_and_a_user_it_does_not_know()
    {
        var report = Check(
            "First name,Last name,ID number,Email address,Assignment: HW7 (Real)\r\n" +
            "Ana,Lima,s1,ana@uni.edu,A-\r\n" +
            "Bo,Chen,s2,bo@uni.edu,105\r\n" +
            "Cy,Who,s7,cy@uni.edu,4\r\n" +
            "Ned,Nobody,s9,ned@uni.edu,\r\n", LmsSystem.Moodle, LmsExports.Moodle);

        var errors = report.Errors.Select(i => i.Message).ToList();
        Assert.That(errors, Has.Some.Contains("'A-' for ana@uni.edu").And.Some.Contains("badgrade"));
        Assert.That(errors, Has.Some.Contains("105 for bo@uni.edu").And.Some.Contains("above 100"));
        Assert.That(errors, Has.Some.Contains("'cy@uni.edu' (Email address) is not a student of the export").And.Some.Contains("stops the whole import"));
        Assert.That(report.Warnings.Select(i => i.Message), Has.Some.Contains("1 empty cell(s) in 'Assignment: HW7 (Real)': imported as 'no grade'"));
        Assert.That(report.Columns.Single(c => c.Header == "Assignment: HW7 (Real)").Role, Is.EqualTo(LmsColumnRole.Grade));
    }

    [Test]
    public void Moodle_column_the_export_lacks_is_reported_as_a_possible_new_grade_item()
    {
        var report = Check("Email address,HW7,HW8\r\nana@uni.edu,5,4\r\n", LmsSystem.Moodle, LmsExports.Moodle);
        Assert.That(report.Columns.Single(c => c.Header == "HW7").Role, Is.EqualTo(LmsColumnRole.Grade), "the export's 'Assignment: HW7 (Real)'");
        Assert.That(report.NewItems.Single().Header, Is.EqualTo("HW8"));
        Assert.That(report.NewItems.Single().Meaning, Does.Contain("New grade item"));
    }

    [Test]
    public void Brightspace_needs_the_end_of_line_indicator_last_and_points_in_a_points_grade()
    {
        var report = Check(
            "OrgDefinedId,HW7 Points Grade,End-of-Line Indicator,Email\r\n" +
            "#s1,abc,#,ana@uni.edu\r\n", LmsSystem.Brightspace);
        var errors = report.Errors.Select(i => i.Message).ToList();
        Assert.That(errors, Has.Some.Contains("'End-of-Line Indicator' must be the last column; it is column 3 of 4"));
        Assert.That(errors, Has.Some.Contains("'abc' for s1 in 'HW7 Points Grade'"), "the '#' prefix is Brightspace's, not the id's");
    }

    [Test]
    public void Brightspace_matches_an_item_by_name_without_the_export_header_details()
    {
        var report = Check("OrgDefinedId,HW7 Points Grade,HW8 Points Grade,End-of-Line Indicator\r\n#s1,5,3,#\r\n", LmsSystem.Brightspace, LmsExports.Brightspace());
        Assert.That(report.Columns.Single(c => c.Header == "HW7 Points Grade").Role, Is.EqualTo(LmsColumnRole.Grade));
        Assert.That(report.Columns.Single(c => c.Header == "HW7 Points Grade").Points, Is.EqualTo(6.5), "points possible as the course has them");
        Assert.That(report.NewItems.Single().Header, Is.EqualTo("HW8 Points Grade"));
        Assert.That(report.MatchedStudents, Is.EqualTo(1));
    }

    [Test]
    public void Brightspace_a_header_without_a_grade_suffix_is_not_imported()
    {
        var report = Check("OrgDefinedId,HW7,End-of-Line Indicator\r\n#s1,5,#\r\n", LmsSystem.Brightspace);
        Assert.That(report.Columns.Single(c => c.Header == "HW7").Role, Is.EqualTo(LmsColumnRole.Unknown));
        Assert.That(report.Warnings.Select(w => w.Message), Has.Some.Contains("not a grade column Brightspace recognizes"));
    }

    [Test]
    public void Blackboard_a_header_without_a_column_id_creates_a_text_column()
    {
        var report = Check("\"Username\",\"HW7\",\"HW6 [Total Pts: 10 Score] |12344\"\r\n\"s1\",\"5\",\"8\"\r\n", LmsSystem.Blackboard);
        Assert.That(report.NewItems.Single().Header, Is.EqualTo("HW7"));
        Assert.That(report.Columns.Single(c => c.ItemId == "12344").Points, Is.EqualTo(10));
    }

    [Test]
    public void Gradescope_needs_one_row_per_email_and_numbers()
    {
        var report = Check(
            "First Name,Last Name,SID,Email,Total Score,1: Derivation (2.0 pts)\r\n" +
            "Ana,Lima,s1,ana@uni.edu,5,2\r\n" +
            "Ana,Lima,s1,ANA@uni.edu,4,x\r\n", LmsSystem.Gradescope);
        var errors = report.Errors.Select(i => i.Message).ToList();
        Assert.That(errors, Has.Some.Contains("also on line 2").And.Some.Contains("one row per email"));
        Assert.That(errors, Has.Some.Contains("'x' for ANA@uni.edu in '1: Derivation (2.0 pts)' is not a number"));
        Assert.That(report.Columns.Single(c => c.Index == 5).Points, Is.EqualTo(2));
    }

    [Test]
    public void A_file_without_any_student_identity_is_an_error()
    {
        var report = Check("Name,HW7\r\nAna,5\r\n", LmsSystem.Blackboard);
        Assert.That(report.Errors.Single().Message, Does.Contain("no column identifies students"));
    }
}

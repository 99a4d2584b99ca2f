using System.Text;

namespace RubricEngine.Tests.Reports.Lms;

/// <summary>
/// Gradebook exports in each LMS's documented shape, written by hand for the tests (no real course data): the files a
/// TA downloads and gives as <c>--roster</c> or <c>--into</c>. The sample rubric is worth 6.5 points
/// (<see cref="Csv.ReportFilesGradeBuilder.Rubric"/>); where an export states points, HW7 is worth 6.5 unless a test says otherwise.
/// </summary>
internal static class LmsExports
{
    /// <summary>
    /// Moodle's plain-text grade export (gradeexport_txt): user fields "First name, Last name, ID number, Institution,
    /// Department, Email address", one column per item headed "Module: Item (Real)", "-" for no grade, and the
    /// "Last downloaded from this course" time stamp that the import compares with grade dates.
    /// </summary>
    public const string Moodle =
        "First name,Last name,ID number,Institution,Department,Email address,Assignment: HW6 (Real),Assignment: HW7 (Real),Course total (Real),Last downloaded from this course\r\n" +
        "Ana,Lima,s1,,,ana@uni.edu,8.00,-,8.00,1764839700\r\n" +
        "Bo,Chen,s2,,,bo@uni.edu,7.00,-,7.00,1764839700\r\n" +
        "Ned,Nobody,s9,,,ned@uni.edu,9.00,5.00,14.00,1764839700\r\n";

    /// <summary>
    /// Blackboard Grade Center "Download Results" (the default .xls): tab-separated UTF-16 text with a byte-order mark,
    /// every field quoted, "Last Name, First Name, Username, Student ID, Last Access, Availability", then columns
    /// "Title [Total Pts: N Score] |ColumnId"; calculated columns say "up to".
    /// </summary>
    public static string Blackboard(string points = "6.5") =>
        $"\"Last Name\"\t\"First Name\"\t\"Username\"\t\"Student ID\"\t\"Last Access\"\t\"Availability\"\t\"HW6 [Total Pts: 10 Score] |12344\"\t\"HW7 Optimization [Total Pts: {points} Score] |12345\"\t\"Total [Total Pts: up to 16.5 Score] |12300\"\r\n" +
        "\"Lima\"\t\"Ana\"\t\"s1\"\t\"\"\t\"2026-11-28 10:00:00\"\t\"Yes\"\t\"8\"\t\"\"\t\"8\"\r\n" +
        "\"Chen\"\t\"Bo\"\t\"s2\"\t\"\"\t\"2026-11-28 11:00:00\"\t\"Yes\"\t\"7\"\t\"Complete\"\t\"7\"\r\n" +
        "\"Nobody\"\t\"Ned\"\t\"s9\"\t\"\"\t\"2026-11-28 12:00:00\"\t\"Yes\"\t\"9\"\t\"\"\t\"9\"\r\n";

    /// <summary>
    /// Brightspace "Export Grades" with both key fields: OrgDefinedId and Username '#'-prefixed, user details,
    /// items headed "Item Points Grade &lt;Numeric MaxPoints:N …&gt;", and "End-of-Line Indicator" last with '#' in every row.
    /// </summary>
    public static string Brightspace(string points = "6.5") =>
        $"OrgDefinedId,Username,Last Name,First Name,Email,HW6 Points Grade <Numeric MaxPoints:10 Weight:5 Category:Homework CategoryWeight:50>,HW7 Points Grade <Numeric MaxPoints:{points} Weight:5 Category:Homework CategoryWeight:50>,Calculated Final Grade Numerator,Calculated Final Grade Denominator,End-of-Line Indicator\r\n" +
        "#s1,#ana.lima,Lima,Ana,ana@uni.edu,8,,8,10,#\r\n" +
        "#s2,#bo.chen,Chen,Bo,bo@uni.edu,7,,7,10,#\r\n" +
        "#s9,#ned,Nobody,Ned,ned@uni.edu,9,5,14,16.5,#\r\n";

    /// <summary>Gradescope's roster download: First Name, Last Name, Email, SID, Role, Sections.</summary>
    public const string GradescopeRoster =
        "First Name,Last Name,Email,SID,Role,Sections\r\n" +
        "Ana,Lima,ana@uni.edu,s1,Student,\r\n" +
        "Bo,Chen,bo@uni.edu,s2,Student,\r\n";

    public static byte[] Utf16(string text) => [0xFF, 0xFE, .. new UnicodeEncoding(false, false).GetBytes(text)];

    public static string Utf16Text(byte[] bytes) => new UnicodeEncoding(false, false).GetString(bytes, 2, bytes.Length - 2);
}

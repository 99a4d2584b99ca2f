using System.Text;
using RubricEngine.Reports.Gradebook;
using static RubricEngine.Tests.Reports.GradeBuilder;

namespace RubricEngine.Tests.Reports.Gradebook;

/// <summary>
/// `--into` on a Brightspace grades export, read with Brightspace's import rules: students are identified by
/// OrgDefinedId written with a '#' prefix, and "End-of-Line Indicator" (a '#' in every row) must stay the last column.
/// </summary>
public sealed class BrightspaceImportTests
{
    private const string Export =
        "OrgDefinedId,Username,Last Name,First Name,Email,HW6 Points Grade <Numeric MaxPoints:10>,End-of-Line Indicator\r\n" +
        "#s1,#ana,Lima,Ana,ana@uni.edu,8,#\r\n" +
        "#s2,#bo,Chen,Bo,bo@uni.edu,7,#\r\n" +
        "#s9,#ned,Nobody,Ned,ned@uni.edu,9,#\r\n";

    [Test]
    public void Hash_prefixed_ids_match_and_the_end_of_line_indicator_stays_last()
    {
        using var temp = new TempFolder();
        var path = temp.File("brightspace.csv");
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(Export));
        var report = GradebookUpdater.Update(path, FullyGradedSample(), new GradebookUpdateOptions("HW7 Points Grade") { NewAssignment = true, Now = new DateTimeOffset(2026, 11, 29, 9, 15, 0, TimeSpan.Zero) });

        Assert.That(report.StudentsUpdated, Is.EqualTo(2));
        Assert.That(File.ReadAllText(path), Is.EqualTo(
            "OrgDefinedId,Username,Last Name,First Name,Email,HW6 Points Grade <Numeric MaxPoints:10>,HW7 Points Grade,End-of-Line Indicator\r\n" +
            "#s1,#ana,Lima,Ana,ana@uni.edu,8,6,#\r\n" +
            "#s2,#bo,Chen,Bo,bo@uni.edu,7,4,#\r\n" +
            "#s9,#ned,Nobody,Ned,ned@uni.edu,9,,#\r\n"));
    }
}

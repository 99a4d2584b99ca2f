using System.Text;
using RubricEngine.Reports.Gradebook;
using static RubricEngine.Tests.Reports.GradeBuilder;

namespace RubricEngine.Tests.Reports.Gradebook;

/// <summary>
/// `--into` on Blackboard's default gradebook download: a <c>.xls</c> file that is tab-separated UTF-16 text with a
/// byte-order mark, columns <c>Last Name, First Name, Username, Student ID, …, Title [Total Pts: N Score] |id</c>.
/// </summary>
public sealed class BlackboardImportTests
{
    private static readonly Encoding Utf16 = new UnicodeEncoding(bigEndian: false, byteOrderMark: false);

    private const string Download =
        "\"Last Name\"\t\"First Name\"\t\"Username\"\t\"Student ID\"\t\"Last Access\"\t\"Availability\"\t\"HW7 [Total Pts: 6 Score] |12345\"\r\n" +
        "\"Lima\"\t\"Ana\"\t\"s1\"\t\"\"\t\"2026-11-28 10:00:00\"\t\"Yes\"\t\"\"\r\n" +
        "\"Chen\"\t\"Bo\"\t\"s2\"\t\"\"\t\"2026-11-28 11:00:00\"\t\"Yes\"\t\"\"\r\n";

    [Test]
    public void A_UTF16_tab_separated_xls_download_is_updated_in_its_own_encoding_and_layout()
    {
        using var temp = new TempFolder();
        var path = temp.File("gc_CS182_fullgc_2026-11-29.xls");
        File.WriteAllBytes(path, [0xFF, 0xFE, .. Utf16.GetBytes(Download)]);

        var report = GradebookUpdater.Update(path, FullyGradedSample(),
            new GradebookUpdateOptions("HW7 [Total Pts: 6 Score] |12345") { Key = "Username", Now = new DateTimeOffset(2026, 11, 29, 9, 15, 0, TimeSpan.Zero) });

        Assert.That(report.StudentsUpdated, Is.EqualTo(2));
        var bytes = File.ReadAllBytes(path);
        Assert.That(bytes.Take(2), Is.EqualTo(new byte[] { 0xFF, 0xFE }));
        Assert.That(Utf16.GetString(bytes, 2, bytes.Length - 2), Is.EqualTo(
            "\"Last Name\"\t\"First Name\"\t\"Username\"\t\"Student ID\"\t\"Last Access\"\t\"Availability\"\t\"HW7 [Total Pts: 6 Score] |12345\"\r\n" +
            "\"Lima\"\t\"Ana\"\t\"s1\"\t\"\"\t\"2026-11-28 10:00:00\"\t\"Yes\"\t6\r\n" +
            "\"Chen\"\t\"Bo\"\t\"s2\"\t\"\"\t\"2026-11-28 11:00:00\"\t\"Yes\"\t4\r\n"));
    }

    [Test]
    public void A_binary_xls_workbook_is_refused_and_left_as_it_was()
    {
        using var temp = new TempFolder();
        var path = temp.File("course.xls");
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
        File.WriteAllBytes(path, ole);
        Assert.Throws<GradebookUpdateException>(() => GradebookUpdater.Update(path, FullyGradedSample(), new GradebookUpdateOptions("HW7")));
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(ole));
    }
}

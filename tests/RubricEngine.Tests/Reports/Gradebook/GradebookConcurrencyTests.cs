using ClosedXML.Excel;
using RubricEngine.Reports.Gradebook;
using RubricEngine.Reports.IO;
using static RubricEngine.Tests.Reports.GradeBuilder;

namespace RubricEngine.Tests.Reports.Gradebook;

/// <summary>
/// A person saving the gradebook while an update writes it (the optimistic check), Excel or LibreOffice holding it
/// open, and another run holding its lock. Real processes racing are in <c>Reliability/ConcurrentUpdateStressTests</c>.
/// </summary>
public sealed class GradebookConcurrencyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 9, 15, 0, TimeSpan.Zero);
    private string _dir = "";

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "rubric-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private string At(string name) => Path.Combine(_dir, name);

    private static GradebookUpdateOptions Options(Action<int>? beforeReplace = null, List<string>? lines = null) =>
        new("HW7")
        {
            Now = Now,
            BeforeReplace = beforeReplace,
            Policy = new OutputPolicy(TimeSpan.FromSeconds(5), l => lines?.Add(l)),
        };

    [Test]
    public void A_save_by_a_person_during_the_update_is_kept_and_the_column_is_applied_to_it()
    {
        var path = At("course.csv");
        File.WriteAllText(path, "Student ID,HW6\ns1,9\ns2,7\n");
        var saves = 0;

        var report = GradebookUpdater.Update(path, FullyGradedSample(), Options(attempt =>
        {
            // The TA fixes an HW6 grade and adds a student in Excel, saving while this run writes.
            if (saves++ == 0) File.WriteAllText(path, "Student ID,HW6\ns1,10\ns2,7\ns3,5\n");
        }));

        Assert.That(report.Reapplied, Is.EqualTo(1));
        Assert.That(File.ReadAllText(path), Is.EqualTo("Student ID,HW6,HW7\ns1,10,6\ns2,7,4\ns3,5,3\n"));
        Assert.That(File.ReadAllText(report.BackupPath), Is.EqualTo("Student ID,HW6\ns1,10\ns2,7\ns3,5\n"), "the backup is the file this run replaced");
    }

    [Test]
    public void A_cell_this_run_writes_changed_by_hand_meanwhile_stops_the_update_and_keeps_the_persons_file()
    {
        var path = At("course.xlsx");
        using (var wb = new XLWorkbook())
        {
            var ws = wb.AddWorksheet("Roster");
            ws.Cell("A1").Value = "Student ID"; ws.Cell("B1").Value = "HW7";
            ws.Cell("A2").Value = "s1"; ws.Cell("B2").Value = 1;
            ws.Cell("A3").Value = "s2"; ws.Cell("B3").Value = 2;
            wb.SaveAs(path);
        }
        byte[]? saved = null;

        var e = Assert.Throws<GradebookUpdateException>(() => GradebookUpdater.Update(path, FullyGradedSample(), Options(attempt =>
        {
            if (saved is not null) return;
            using var wb = new XLWorkbook(path);
            wb.Worksheet("Roster").Cell("B3").Value = 5; // a regrade typed into the HW7 column
            wb.Save();
            saved = File.ReadAllBytes(path);
        })));

        Assert.That(e!.Message, Does.Contain("was changed by somebody else while this run updated it").And.Contain("'HW7' of s2: \"2\" → \"5\""));
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(saved), "the person's version is left as it is");
        Assert.That(Directory.GetFiles(_dir).Select(Path.GetFileName), Is.EqualTo(new[] { "course.xlsx" }), "no backup, no temporary file, no lock file");
    }

    [TestCase("~$course.xlsx", "Microsoft Excel")]
    [TestCase(".~lock.course.xlsx#", "LibreOffice")]
    public void A_gradebook_open_in_an_office_program_gets_a_warning_naming_it(string ownerFile, string program)
    {
        var path = At("course.xlsx");
        using (var wb = new XLWorkbook())
        {
            var ws = wb.AddWorksheet("Roster");
            ws.Cell("A1").Value = "Student ID"; ws.Cell("A2").Value = "s1";
            wb.SaveAs(path);
        }
        File.WriteAllText(At(ownerFile), "owner");
        var lines = new List<string>();

        GradebookUpdater.Update(path, FullyGradedSample(), Options(lines: lines));

        Assert.That(lines, Has.Count.EqualTo(1));
        Assert.That(lines[0], Does.StartWith($"{path}: warning: the gradebook is open in {program} ({ownerFile} exists)"));
    }

    [Test]
    public void An_update_waits_for_another_run_holding_the_gradebook_and_then_applies_to_its_result()
    {
        var path = At("course.csv");
        File.WriteAllText(path, "Student ID,HW6\ns1,9\n");
        var lines = new List<string>();
        var other = OutputLock.Acquire(path, OutputPolicy.Default);
        var release = Task.Run(async () =>
        {
            await Task.Delay(300);
            File.WriteAllText(path, "Student ID,HW6,HW5\ns1,9,3\n"); // what the other run wrote
            other.Dispose();
        });

        GradebookUpdater.Update(path, FullyGradedSample(), Options(lines: lines));
        release.Wait();

        Assert.That(lines.Single(), Does.Contain("waiting for another run that is writing this file").And.Contain($"pid {Environment.ProcessId}"));
        Assert.That(File.ReadAllText(path), Is.EqualTo("Student ID,HW6,HW5,HW7\ns1,9,3,6\n"), "the other run's column is kept");
    }
}

using System.Diagnostics;
using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;

namespace RubricEngine.Tests.Reliability;

/// <summary>
/// No grade is ever lost: the real <c>rubric</c> process is killed with SIGKILL at random moments while it grades
/// and writes, and every output is then either the previous complete file or the new complete one. <c>--into</c>
/// always keeps a backup; the overrides file is only read.
/// </summary>
[TestFixture]
[CancelAfter(120_000)]
public sealed class NoLostDataTests
{
    private TempFolder _temp = null!;

    [OneTimeSetUp]
    public void SetUp() => _temp = new TempFolder("rubric-nolost");

    [OneTimeTearDown]
    public void CleanUp() => _temp?.Dispose();

    private static Process Start(params string[] args) => RubricProcess.StartQuiet(args);

    private static int XlsxRows(string path)
    {
        using var book = new XLWorkbook(path);
        return book.Worksheet("Grades").RowsUsed().Count() - 1;
    }

    private static int CsvRows(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        var rows = 0;
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            _ = double.Parse(csv.GetField("total")!, CultureInfo.InvariantCulture); // a complete row ends with its totals
            rows++;
        }
        return rows;
    }

    [Test]
    [Category("Slow")]
    public async Task Killing_the_process_at_random_moments_leaves_the_old_or_the_new_complete_outputs()
    {
        // Old outputs: two traces. New outputs: the whole hw7 sample.
        var small = _temp["small"];
        Directory.CreateDirectory(small);
        foreach (var f in Directory.GetFiles(Hw7Example.Traces, "*.json").Where(f => Path.GetFileName(f) is ['0', '1' or '2', ..])) File.Copy(f, Path.Combine(small, Path.GetFileName(f)));
        var big = Hw7Example.Traces;

        var xlsx = _temp["out/grades.xlsx"];
        var csv = _temp["out/grades.csv"];
        string[] Args(string traces) => ["grade", Hw7Example.RubricPath, traces, "-o", xlsx, "--csv", csv, "--threads", "1", "--no-progress", "-v", "quiet"];

        using (var first = Start(Args(small))) await first.WaitForExitAsync();
        var oldRows = (Xlsx: XlsxRows(xlsx), Csv: CsvRows(csv));
        Assert.That(oldRows, Is.EqualTo((2, 2)));

        var clock = Stopwatch.StartNew();
        using (var full = Start(Args(big))) await full.WaitForExitAsync();
        var fullRun = clock.Elapsed;
        var newRows = (Xlsx: XlsxRows(xlsx), Csv: CsvRows(csv));
        Assert.That(newRows.Xlsx, Is.EqualTo(newRows.Csv).And.GreaterThan(2));
        clock.Restart();
        using (var back = Start(Args(small))) await back.WaitForExitAsync();
        var smallRun = clock.Elapsed;

        var random = new Random(7);
        var outcomes = new List<string>();
        var budget = Stopwatch.StartNew();
        for (var i = 0; i < 25 && budget.Elapsed < TimeSpan.FromSeconds(40); i++)
        {
            // Alternate the two contents, so a kill can be caught replacing either one with the other.
            var before = (Xlsx: XlsxRows(xlsx), Csv: CsvRows(csv));
            var toBig = before.Xlsx == oldRows.Xlsx;
            var delay = TimeSpan.FromMilliseconds((toBig ? fullRun : smallRun).TotalMilliseconds * (0.3 + 0.8 * random.NextDouble()));
            using var victim = Start(Args(toBig ? big : small));
            await Task.Delay(delay);
            var killed = !victim.HasExited;
            if (killed) victim.Kill(entireProcessTree: true); // SIGKILL on Linux
            await victim.WaitForExitAsync();

            var after = (Xlsx: XlsxRows(xlsx), Csv: CsvRows(csv));
            Assert.That(after.Xlsx, Is.AnyOf(oldRows.Xlsx, newRows.Xlsx), $"kill {i} after {delay.TotalMilliseconds:0} ms: xlsx");
            Assert.That(after.Csv, Is.AnyOf(oldRows.Csv, newRows.Csv), $"kill {i}: csv");
            outcomes.Add(!killed ? "finished" : after == before ? "old" : "new");
            Assert.That(killed || after != before, Is.True, "a run that finished replaced the outputs");
        }

        // Leftovers of a kill are hidden temporary files and lock files, never something named like an output; a run
        // that replaced the whole class's outputs with two students' kept them as backups.
        var names = Directory.GetFiles(_temp["out"]).Select(Path.GetFileName).ToList();
        Assert.That(names.Where(n => n is not ("grades.xlsx" or "grades.csv")),
            Has.All.Match(@"^(\.grades\.(xlsx|csv)\.[0-9a-f]{32}\.tmp|\.grades\.(xlsx|csv)\.lock|grades\.(xlsx|csv)\.[0-9-]+T[0-9]{6}(-[0-9]+)?\.bak)$"));
        TestContext.Out.WriteLine($"full run {fullRun.TotalMilliseconds:0} ms; outcomes: {string.Join(", ", outcomes.GroupBy(o => o).Select(g => $"{g.Key} {g.Count()}"))}; temp leftovers {names.Count(n => n!.EndsWith(".tmp", StringComparison.Ordinal))}");
        Assert.That(outcomes, Does.Contain("old").Or.Contain("new"), "at least some kills landed mid-run");
    }

    [Test]
    public async Task Into_keeps_a_byte_identical_backup_and_overrides_are_only_read()
    {
        var book = _temp.Write("into/course.csv", "id,name\n3031001,Alice Nguyen\n3031002,Bob\n");
        var original = File.ReadAllBytes(book);
        var overrides = _temp.Write("into/overrides.csv", "student,rule,points,reason,grader\n3031001,HW7-04,1,long but fine,TA\n");
        var overridesBytes = File.ReadAllBytes(overrides);
        var stamp = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(overrides, stamp);
        var traces = Path.Combine(Hw7Example.Traces, "01-alice-all-in-one.json");

        var run = await CliRun.RunAsync("grade", Hw7Example.RubricPath, traces, "--into", book, "--overrides", overrides, "--no-progress");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var backups = Directory.GetFiles(_temp["into"], "course.csv.*.bak");
        Assert.That(backups, Has.Length.EqualTo(1), run.ToString());
        Assert.That(File.ReadAllBytes(backups[0]), Is.EqualTo(original), "the backup is the file as it was");
        Assert.That(File.ReadAllText(book), Does.Contain("CS182 HW7"), "the gradebook was updated");

        var again = await CliRun.RunAsync("grade", Hw7Example.RubricPath, traces, "--into", book, "--overrides", overrides, "--no-progress");
        Assert.That(again.ExitCode, Is.EqualTo(0), again.ToString());
        Assert.That(Directory.GetFiles(_temp["into"], "course.csv.*.bak"), Has.Length.EqualTo(2), "every update keeps its own backup");

        Assert.That(File.ReadAllBytes(overrides), Is.EqualTo(overridesBytes), "the overrides file is never written");
        Assert.That(File.GetLastWriteTimeUtc(overrides), Is.EqualTo(stamp));
    }
}

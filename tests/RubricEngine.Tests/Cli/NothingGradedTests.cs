namespace RubricEngine.Tests.Cli;

/// <summary>
/// A run that graded nothing replaces nothing (issue 14, case 2: a mistyped folder wiped a class's gradebook), and a
/// run that graded fewer students than the file it replaces held keeps the old file as a backup.
/// </summary>
public sealed class NothingGradedTests : CliTestBase
{
    private static string Alice => Path.Combine(Hw7Example.Traces, "01-alice-all-in-one.json");

    private async Task<Dictionary<string, byte[]>> GoodOutputs()
    {
        File.WriteAllText(At("course.csv"), "SIS User ID,Name\n3031001,Alice Nguyen\n3031003,Carol Diaz\n");
        var good = await CliRun.Rubric("grade", Hw7Rubric, Hw7Traces, "-o", At("grades.xlsx"), "--csv", At("grades.csv"),
            "--sarif", At("grades.sarif"), "--into", At("course.csv"), "--column", "HW7");
        Assert.That(good.ExitCode, Is.EqualTo(0), good.ToString());
        foreach (var bak in Directory.GetFiles(Dir, "*.bak")) File.Delete(bak);
        return Directory.GetFiles(Dir).ToDictionary(f => f, File.ReadAllBytes);
    }

    [TestCase("missing path")]
    [TestCase("empty folder")]
    [TestCase("every file an error")]
    public async Task A_run_that_read_no_trace_replaces_no_output_and_exits_2(string how)
    {
        var before = await GoodOutputs();
        var traces = At("traces");
        if (how != "missing path") Directory.CreateDirectory(traces);
        if (how == "every file an error")
        {
            File.WriteAllText(Path.Combine(traces, "ana.json"), "{\"format\": \"rubric-trace/1\", \"messages\": [");
            File.WriteAllText(Path.Combine(traces, "ben.json"), "not json at all");
        }

        var result = await CliRun.Rubric("grade", Hw7Rubric, traces, "-o", At("grades.xlsx"), "--csv", At("grades.csv"),
            "--sarif", At("grades.sarif"), "--into", At("course.csv"), "--column", "HW7");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain($"error: nothing graded; {At("grades.xlsx")}, {At("grades.csv")}, {At("grades.sarif")}, {At("course.csv")} left as they were"), result.ToString());
        Assert.That(result.Out, Does.Not.Contain("Wrote"));
        Assert.That(result.Out + result.Error, Does.Contain("traces"), "the reason is named");
        var after = Directory.GetFiles(Dir).ToDictionary(f => f, File.ReadAllBytes);
        Assert.That(after.Keys, Is.EquivalentTo(before.Keys), "no backup, no temporary file, no lock file");
        foreach (var (file, bytes) in before) Assert.That(after[file], Is.EqualTo(bytes), $"{Path.GetFileName(file)} is as it was");
    }

    [Test]
    public async Task A_run_with_nothing_graded_and_no_earlier_outputs_writes_none()
    {
        var result = await CliRun.Rubric("grade", Hw7Rubric, At("no-such-folder"), "-o", At("grades.xlsx"));

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain($"error: nothing graded; {At("grades.xlsx")} not written"));
        Assert.That(Directory.GetFiles(Dir), Is.Empty);
    }

    [Test]
    public async Task Replacing_outputs_that_held_more_students_keeps_backups_and_says_so()
    {
        var whole = await CliRun.Rubric("grade", Hw7Rubric, Hw7Traces, "-o", At("grades.xlsx"), "--csv", At("grades.csv"));
        Assert.That(whole.ExitCode, Is.EqualTo(0), whole.ToString());
        var xlsx = File.ReadAllBytes(At("grades.xlsx"));
        var csv = File.ReadAllBytes(At("grades.csv"));

        var one = await CliRun.Rubric("grade", Hw7Rubric, Alice, "-o", At("grades.xlsx"), "--csv", At("grades.csv"));

        Assert.That(one.ExitCode, Is.EqualTo(0), one.ToString());
        var xlsxBackup = Directory.GetFiles(Dir, "grades.xlsx.*.bak").Single();
        var csvBackup = Directory.GetFiles(Dir, "grades.csv.*.bak").Single();
        Assert.That(File.ReadAllBytes(xlsxBackup), Is.EqualTo(xlsx));
        Assert.That(File.ReadAllBytes(csvBackup), Is.EqualTo(csv));
        Assert.That(one.Out, Does.Contain($"{At("grades.xlsx")}: note: kept the replaced file as {xlsxBackup} (it held 13 rows of students, this run wrote 1)"));
        Assert.That(one.Out, Does.Contain($"{At("grades.csv")}: note: kept the replaced file as {csvBackup} (it held 13 rows of students, this run wrote 1)"));

        var again = await CliRun.Rubric("grade", Hw7Rubric, Alice, "-o", At("grades.xlsx"), "--csv", At("grades.csv"));
        Assert.That(again.Out, Does.Not.Contain("kept the replaced file"), "as many students as before: no backup");
        Assert.That(Directory.GetFiles(Dir, "*.bak"), Has.Length.EqualTo(2));
    }
}

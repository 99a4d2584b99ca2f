using RubricEngine.Reports.IO;

namespace RubricEngine.Tests.Reliability;

/// <summary>
/// Two runs writing the same output (<c>-o</c>, <c>--csv</c>, <c>--sarif</c>) never interleave: the second waits
/// for the first's lock, says so, and says when it replaced a file another run wrote after it had started.
/// </summary>
[TestFixture]
[CancelAfter(120_000)]
public sealed class OutputRaceTests
{
    private TempFolder _temp = null!;

    [OneTimeSetUp]
    public void SetUp() => _temp = new TempFolder("rubric-race");

    [OneTimeTearDown]
    public void CleanUp() => _temp?.Dispose();

    [TestCase("--csv", "grades.csv", "CSV")]
    [TestCase("-o", "grades.xlsx", "gradebook")]
    public async Task A_run_waits_for_another_run_on_its_output_and_says_it_replaced_that_runs_file(string option, string name, string label)
    {
        var csv = _temp[$"out/{name}"];
        Directory.CreateDirectory(_temp["out"]);
        var other = OutputLock.Acquire(csv, OutputPolicy.Default); // the other run, about to write grades.csv

        using var run = RubricProcess.Start(null, "grade", Hw7Example.RubricPath, Path.Combine(Hw7Example.Traces, "01-alice-all-in-one.json"),
            option, csv, "--no-progress", "-v", "quiet");
        var stdout = new List<string>();
        var waiting = new TaskCompletionSource();
        run.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (stdout) stdout.Add(e.Data);
            if (e.Data.Contains("waiting for another run", StringComparison.Ordinal)) waiting.TrySetResult();
        };
        run.BeginOutputReadLine();
        var stderr = run.StandardError.ReadToEndAsync();

        await waiting.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.That(File.Exists(csv), Is.False, "nothing is renamed over the output while the other run holds it");
        File.WriteAllText(csv, "what the other run wrote");
        other.Dispose();
        await run.WaitForExitAsync();

        var said = string.Join("\n", stdout) + "\n" + await stderr;
        Assert.That(run.ExitCode, Is.EqualTo(0), said);
        Assert.That(said, Does.Contain($"{csv}: waiting for another run that is writing this file (held by pid {Environment.ProcessId}"));
        Assert.That(said, Does.Contain($"{csv}: note: another run (or a person) wrote this file after this run started; it was replaced with this run's {label}."));
        if (label == "CSV") Assert.That(File.ReadAllText(csv), Does.Contain("3031001"), "this run's complete CSV");
        else
        {
            using var book = new ClosedXML.Excel.XLWorkbook(csv);
            Assert.That(book.Worksheet("Grades").Cell("A2").GetString(), Is.EqualTo("3031001"), "this run's complete workbook");
            Assert.That(said, Does.Contain("(its rows could not be counted)"), "what it replaced was no workbook: kept as a backup");
        }
    }

    [Test]
    public async Task The_next_run_on_an_output_removes_a_killed_runs_old_temporary_files_and_only_those()
    {
        var folder = _temp["leftovers"];
        Directory.CreateDirectory(folder);
        var old = DateTime.UtcNow - AtomicFile.LeftoverAge - TimeSpan.FromMinutes(5);
        string Leftover(string name, DateTime time)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllText(path, "half a CSV");
            File.SetLastWriteTimeUtc(path, time);
            return path;
        }
        var killed = Leftover($".grades.csv.{Guid.NewGuid():N}.tmp", old);
        var young = Leftover($".grades.csv.{Guid.NewGuid():N}.tmp", DateTime.UtcNow);
        var someoneElses = Leftover(".grades.csv.mine.tmp", old);

        var run = await CliRun.RunAsync("grade", Hw7Example.RubricPath, Path.Combine(Hw7Example.Traces, "01-alice-all-in-one.json"),
            "--csv", Path.Combine(folder, "grades.csv"), "--no-progress");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(File.Exists(killed), Is.False, "the killed run's temporary file is gone");
        Assert.That(File.Exists(young), Is.True, "a young one may belong to a run still writing");
        Assert.That(File.Exists(someoneElses), Is.True, "not our naming pattern");
    }
}

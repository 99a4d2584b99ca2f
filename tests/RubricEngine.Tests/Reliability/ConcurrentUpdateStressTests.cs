using System.Diagnostics;
using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;
using RubricEngine.Reports.IO;

namespace RubricEngine.Tests.Reliability;

/// <summary>
/// Issue 14, case 1: real <c>rubric</c> processes updating one gradebook at once (a script grading several
/// assignments, two TAs on a shared drive), some killed with SIGKILL at random moments. Every column of every run
/// that exited 0 must be there with the right values, in every round after it too, and the file must always open.
/// </summary>
/// <remarks>
/// Kept small so that 20 rounds fit the suite's budget: a two-criterion rubric compiled once, three traces, four
/// processes a round. Runs that are not killed must exit 0: waiting for the lock is part of the test.
/// </remarks>
[TestFixture]
[NonParallelizable]
[Category("Slow")]
[CancelAfter(300_000)]
public sealed class ConcurrentUpdateStressTests
{
    private const int Rounds = 20;
    private const int Processes = 4;

    private const string Rubric = """
        Rubric("Tiny", r => r
            .Question("1", "Anything")
                .Criterion("T-01", "Says alpha", points: 2)
                .Custom(a => a.Text.Contains("alpha") ? Pass() : Fail("No alpha."))
                .Criterion("T-02", "Says beta", points: 3)
                .Custom(a => a.Text.Contains("beta") ? Pass() : Partial(0.5, "Half a beta.")));
        """;

    // Each student's total under the rubric above, worked out by hand from the trace text.
    private static readonly Dictionary<string, string> Totals = new() { ["s1"] = "3.5", ["s2"] = "3", ["s3"] = "5" };

    // Which traces each of the four processes grades, so each column has its own content.
    private static readonly string[][] Subsets = [["s1", "s2", "s3"], ["s1", "s2"], ["s2", "s3"], ["s1", "s3"]];

    private TempFolder _temp = null!;

    [OneTimeSetUp]
    public async Task WriteRubricAndWarmTheCache()
    {
        _temp = new TempFolder("rubric-stress");
        _temp.Write("tiny.rubric.csx", Rubric);
        foreach (var (id, text) in new[] { ("s1", "alpha"), ("s2", "beta"), ("s3", "alpha and beta") })
            _temp.Write($"traces/{id}.json", $$"""
                {"format":"rubric-trace/1","id":"{{id}}","student":{"id":"{{id}}"},"messages":[
                  {"role":"user","question":"1","content":"Question 1"},
                  {"role":"assistant","question":"1","content":"The answer: {{text}}."}]}
                """);
        _temp.Write("warm/book.csv", "id\ns1\n");
        using var warm = Start(null, "grade", _temp["tiny.rubric.csx"], _temp["traces/s1.json"], "--into", _temp["warm/book.csv"], "--no-progress");
        await warm.WaitForExitAsync();
        Assert.That(warm.ExitCode, Is.EqualTo(0), "the rubric compiles and grades");
    }

    [OneTimeTearDown]
    public void CleanUp() => _temp?.Dispose();

    private static Process Start(Dictionary<string, string>? environment, params string[] args) => RubricProcess.Start(environment, args);

    /// <summary>The gradebook's rows by student id, each a map from header to cell text, read the way a TA's tools read it.</summary>
    private static Dictionary<string, Dictionary<string, string>> Read(string path, string format)
    {
        if (format == "xlsx")
        {
            using var stream = File.OpenRead(path); // a backup is named .bak: ClosedXML goes by the extension of a path
            using var book = new XLWorkbook(stream);
            var sheet = book.Worksheet(1);
            var headers = sheet.Row(1).CellsUsed().Select(c => (c.Address.ColumnNumber, Name: c.GetString())).ToList();
            return sheet.RowsUsed().Skip(1).ToDictionary(
                r => r.Cell(1).GetString(),
                r => headers.ToDictionary(h => h.Name, h => r.Cell(h.ColumnNumber).GetString()));
        }
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>()
            .ToDictionary(r => (string)r["id"], r => r.ToDictionary(x => x.Key, x => (string)x.Value));
    }

    private static void CreateGradebook(string path)
    {
        if (path.EndsWith(".csv", StringComparison.Ordinal))
        {
            File.WriteAllText(path, "id,name\ns1,Ana\ns2,Bo\ns3,Cy\n");
            return;
        }
        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet("Roster");
        sheet.Cell(1, 1).Value = "id"; sheet.Cell(1, 2).Value = "name";
        foreach (var (id, name, row) in new[] { ("s1", "Ana", 2), ("s2", "Bo", 3), ("s3", "Cy", 4) })
        {
            sheet.Cell(row, 1).Value = id;
            sheet.Cell(row, 2).Value = name;
        }
        book.SaveAs(path);
    }

    /// <summary>One <c>rubric grade --into</c> process of the test, and whether it is to be killed.</summary>
    private sealed record Run(Process Process, string Column, string[] Students, bool Kill, Task<string> Out, Task<string> Error, Stopwatch Clock);

    [TestCase("csv")]
    [TestCase("xlsx")]
    public async Task Four_processes_updating_one_gradebook_with_random_kills_lose_no_column_of_a_run_that_exited_0(string format)
    {
        var book = _temp[$"{format}/course.{format}"];
        Directory.CreateDirectory(Path.GetDirectoryName(book)!);
        CreateGradebook(book);
        var random = new Random(format == "csv" ? 14 : 41);
        var committed = new List<(string Column, string[] Students)>();
        var (killedBefore, killedAfter, finished) = (0, 0, 0);
        var durations = new List<double>();
        var clock = Stopwatch.StartNew();

        // Rounds of four runs, each run a new column; the next run starts as soon as one ends, so four always race.
        var queue = new Queue<(string Column, string[] Students)>(
            Enumerable.Range(0, Rounds).SelectMany(r => Enumerable.Range(0, Processes).Select(k => ($"R{r:00}C{k}", Subsets[k]))));
        var running = new Dictionary<Task, Run>();
        var kills = new List<Task>();
        while (queue.Count > 0 || running.Count > 0)
        {
            while (running.Count < Processes && queue.TryDequeue(out var next))
            {
                var process = Start(null, ["grade", _temp["tiny.rubric.csx"], .. next.Students.Select(s => _temp[$"traces/{s}.json"]),
                    "--into", book, "--key", "id", "--column", next.Column, "--no-progress", "-v", "quiet"]);
                var run = new Run(process, next.Column, next.Students, random.NextDouble() < 0.3,
                    process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync(), Stopwatch.StartNew());
                running[process.WaitForExitAsync()] = run;
                if (run.Kill)
                {
                    // Anywhere from start-up to past the usual end, so some kills land while the gradebook is written.
                    var typical = durations.Count == 0 ? 1500 : durations.Average();
                    var delay = TimeSpan.FromMilliseconds(typical * (0.2 + random.NextDouble()));
                    kills.Add(Task.Run(async () =>
                    {
                        await Task.Delay(delay);
                        try { process.Kill(entireProcessTree: true); } // SIGKILL on Linux
                        catch (InvalidOperationException) { } // it had finished already
                    }));
                }
            }

            var ended = await Task.WhenAny(running.Keys);
            var (done, column, students, kill, stdout, stderr, runClock) = running[ended];
            running.Remove(ended);
            var exit = done.ExitCode;
            var said = $"{column}: exit {exit}\n{await stdout}\n{await stderr}";
            done.Dispose();

            // The file always opens, whatever was killed when, while the other runs go on.
            var rows = Read(book, format);
            Assert.That(rows.Keys, Is.EquivalentTo(new[] { "s1", "s2", "s3" }), $"the students are all there after {said}");
            var present = rows["s1"].ContainsKey(column);
            if (exit == 0)
            {
                Assert.That(present, Is.True, $"a run that exited 0 lost its column: {said}");
                committed.Add((column, students));
                if (kill) killedAfter++;
                else { finished++; durations.Add(runClock.Elapsed.TotalMilliseconds); }
            }
            else
            {
                Assert.That(kill, Is.True, $"a run that was not killed failed: {said}");
                killedBefore++;
                if (present) committed.Add((column, students)); // killed after its rename: all of it is there
            }

            // Every column any run ever committed is still there, with exactly its values.
            foreach (var (c, ids) in committed)
                foreach (var (id, row) in rows)
                    Assert.That(row.GetValueOrDefault(c), Is.EqualTo(ids.Contains(id) ? Totals[id] : ""), $"{c} of {id}, after {said}");
        }
        await Task.WhenAll(kills);

        // Each backup is a whole gradebook too: a kill while one was written leaves none, never half of one.
        var backups = Directory.GetFiles(Path.GetDirectoryName(book)!, "*.bak");
        Assert.That(backups, Is.Not.Empty);
        foreach (var backup in backups)
            Assert.That(Read(backup, format).Keys, Is.EquivalentTo(new[] { "s1", "s2", "s3" }), backup);

        var leftovers = Directory.GetFiles(Path.GetDirectoryName(book)!).Select(Path.GetFileName)
            .Where(n => !n!.EndsWith(".bak", StringComparison.Ordinal) && n != Path.GetFileName(book)).ToList();
        Assert.That(leftovers, Has.All.Match($@"^\.course\.{format}\.([0-9a-f]{{32}}\.tmp|lock)$"), "only our hidden temporary and lock files");
        TestContext.Out.WriteLine($"{format}: {Rounds} rounds x {Processes} processes in {clock.Elapsed.TotalSeconds:0.0} s " +
            $"(a run takes {durations.Average():0} ms on average); {finished} finished, {killedBefore} killed before exiting, " +
            $"{killedAfter} kills too late; {committed.Count} columns; leftovers: {string.Join(", ", leftovers)}");
        Assert.That(killedBefore, Is.GreaterThan(0), "some kills landed before the run ended");
    }

    [Test]
    public async Task A_gradebook_held_by_another_run_past_the_wait_exits_2_naming_the_holder_and_is_left_as_it_was()
    {
        var book = _temp.Write("held/course.csv", "id\ns1\n");
        var before = File.ReadAllBytes(book);
        using var holder = OutputLock.Acquire(book, OutputPolicy.Default);

        using var run = Start(new() { ["RUBRIC_LOCK_TIMEOUT"] = "1" },
            "grade", _temp["tiny.rubric.csx"], _temp["traces/s1.json"], "--into", book, "--no-progress");
        var stdout = run.StandardOutput.ReadToEndAsync();
        var stderr = run.StandardError.ReadToEndAsync();
        await run.WaitForExitAsync();

        var said = $"{await stdout}\n{await stderr}";
        Assert.That(run.ExitCode, Is.EqualTo(2), said);
        Assert.That(await stdout, Does.Contain($"{book}: waiting for another run that is writing this file (held by pid {Environment.ProcessId} on {Environment.MachineName}"));
        Assert.That(await stderr, Does.Contain($"{book}: error: another run is writing this file (held by pid {Environment.ProcessId}").And.Contain("gave up after 1 s and left it as it was"));
        Assert.That(File.ReadAllBytes(book), Is.EqualTo(before));
        Assert.That(Directory.GetFiles(_temp["held"], "*.bak"), Is.Empty);
    }
}

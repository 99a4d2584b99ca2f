using ClosedXML.Excel;

namespace RubricEngine.Tests.Reliability;

/// <summary>
/// Same traces and rubric → byte-identical CSV and SARIF and cell-identical xlsx, whatever order the files were
/// created in on disk and however often the run is repeated. (Thread counts are compared by the performance tests.)
/// </summary>
[TestFixture]
[CancelAfter(180_000)]
public sealed class DeterminismTests
{
    private TempFolder _temp = null!;

    [OneTimeSetUp]
    public void SetUp() => _temp = new TempFolder("rubric-determinism");

    [OneTimeTearDown]
    public void CleanUp() => _temp?.Dispose();

    /// <summary>Copies the hw7 sample traces (and a few hostile ones) into a folder, creating files in the given order.</summary>
    private string CopyTraces(Func<IEnumerable<string>, IEnumerable<string>> order)
    {
        // Always the same folder (recreated): SARIF fingerprints and URIs name the trace files by path.
        var target = _temp["traces"];
        if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
        var files = Directory.GetFiles(Hw7Example.Traces, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Hw7Example.Traces, f)).ToList();
        foreach (var relative in order(files))
        {
            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(Path.Combine(Hw7Example.Traces, relative), destination);
        }
        foreach (var c in HostileCorpus.All.Where(c => c.File is "h48-formula.json" or "h27-bidi.json" or "h01-truncated.json" or "h53-dup-id-b.json" or "h52-dup-id-a.json"))
            File.WriteAllBytes(Path.Combine(target, c.File), c.Bytes);
        return target;
    }

    private async Task<(byte[] Csv, byte[] Sarif, List<string> Cells, string Feedback)> Grade(string traces)
    {
        var outputs = _temp["out"];
        if (Directory.Exists(outputs)) Directory.Delete(outputs, recursive: true);
        Directory.CreateDirectory(outputs);
        var result = await CliRun.RunAsync("grade", Hw7Example.RubricPath, traces,
            "-o", Path.Combine(outputs, "g.xlsx"), "--csv", Path.Combine(outputs, "g.csv"), "--sarif", Path.Combine(outputs, "g.sarif"),
            "--feedback", Path.Combine(outputs, "feedback"), "--threads", "2", "--no-progress");
        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString()); // the truncated and duplicate traces
        var feedback = string.Join("\n", Directory.GetFiles(Path.Combine(outputs, "feedback")).Order(StringComparer.Ordinal)
            .Select(f => Path.GetFileName(f) + ":" + File.ReadAllText(f)));
        return (Normalize(File.ReadAllBytes(Path.Combine(outputs, "g.csv")), traces),
                Normalize(File.ReadAllBytes(Path.Combine(outputs, "g.sarif")), traces, outputs),
                Cells(Path.Combine(outputs, "g.xlsx"), traces), feedback.Replace(traces, "<traces>", StringComparison.Ordinal));
    }

    /// <summary>Only the run's start and end times may differ; everything else must match byte for byte.</summary>
    private static byte[] Normalize(byte[] bytes, string traces, string? outputs = null)
    {
        var text = System.Text.Encoding.UTF8.GetString(bytes).Replace(traces, "<traces>", StringComparison.Ordinal);
        text = text.Replace(new Uri(traces).AbsoluteUri, "<traces>", StringComparison.Ordinal);
        if (outputs is not null)
        {
            text = text.Replace(outputs, "<out>", StringComparison.Ordinal).Replace(new Uri(outputs).AbsoluteUri, "<out>", StringComparison.Ordinal);
            // Times of the run and paths relative to the SARIF file legitimately differ.
            text = System.Text.RegularExpressions.Regex.Replace(text, "\"(startTimeUtc|endTimeUtc)\": ?\"[^\"]*\"", "\"$1\":\"<time>\"",
                System.Text.RegularExpressions.RegexOptions.NonBacktracking, TimeSpan.FromSeconds(5));
        }
        return System.Text.Encoding.UTF8.GetBytes(text);
    }

    private static List<string> Cells(string xlsx, string traces)
    {
        using var book = new XLWorkbook(xlsx);
        return book.Worksheets.Where(s => s.Name != "Run")
            .SelectMany(s => s.CellsUsed().Select(c => $"{s.Name}!{c.Address}={c.DataType}:{c.GetString().Replace(traces, "<traces>", StringComparison.Ordinal)}"))
            .ToList();
    }

    [Test]
    public async Task Creating_files_in_a_different_order_gives_identical_outputs()
    {
        var forward = await Grade(CopyTraces(f => f.Order(StringComparer.Ordinal)));
        var backward = await Grade(CopyTraces(f => f.OrderDescending(StringComparer.Ordinal)));
        var shuffled = await Grade(CopyTraces(f => f.OrderBy(x => x.GetHashCode())));
        foreach (var other in new[] { backward, shuffled })
        {
            Assert.That(System.Text.Encoding.UTF8.GetString(other.Csv), Is.EqualTo(System.Text.Encoding.UTF8.GetString(forward.Csv)));
            Assert.That(System.Text.Encoding.UTF8.GetString(other.Sarif), Is.EqualTo(System.Text.Encoding.UTF8.GetString(forward.Sarif)));
            Assert.That(other.Cells, Is.EqualTo(forward.Cells));
            Assert.That(other.Feedback, Is.EqualTo(forward.Feedback));
        }
        Assert.That(forward.Cells, Has.Count.GreaterThan(50), "the comparison is not vacuous");
    }

    [Test]
    public async Task Repeated_runs_give_identical_outputs()
    {
        var traces = CopyTraces(f => f);
        var first = await Grade(traces);
        for (var i = 2; i <= 3; i++)
        {
            var again = await Grade(traces);
            Assert.That(again.Csv, Is.EqualTo(first.Csv), $"CSV of run {i}");
            Assert.That(System.Text.Encoding.UTF8.GetString(again.Sarif), Is.EqualTo(System.Text.Encoding.UTF8.GetString(first.Sarif)), $"SARIF of run {i}");
            Assert.That(again.Cells, Is.EqualTo(first.Cells), $"xlsx of run {i}");
            Assert.That(again.Feedback, Is.EqualTo(first.Feedback));
        }
    }
}

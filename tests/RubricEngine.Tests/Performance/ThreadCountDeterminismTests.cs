using ClosedXML.Excel;
using RubricEngine.Grading;
using RubricEngine.Reports;
using RubricEngine.Reports.Csv;
using RubricEngine.Reports.Excel;
using RubricEngine.Reports.Sarif;
using RubricEngine.Traces;

namespace RubricEngine.Tests.Performance;

/// <summary>
/// Grading on more threads must not change a byte of the reports: the hw7 rubric over the bundled samples plus
/// 60 generated traces, graded on 1 and on 2 worker threads, gives the same CSV, SARIF and xlsx.
/// </summary>
public sealed class ThreadCountDeterminismTests
{
    private static readonly DateTimeOffset Started = new(2025, 3, 20, 12, 0, 0, TimeSpan.Zero);
    private string _folder = null!;

    [OneTimeSetUp]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "rubricengine-threads-" + Guid.NewGuid().ToString("N"));
        var corpus = Path.Combine(_folder, "traces");
        CopyFolder(Hw7Example.Traces, Path.Combine(corpus, "samples"));
        new Hw7TraceGenerator(File.ReadAllText(Path.Combine(Hw7Example.Folder, "sources", "resnet-blog.md")))
            .WriteCorpus(Path.Combine(corpus, "generated"), 60, seed: 7);
    }

    [OneTimeTearDown]
    public void TearDown()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public void Csv_sarif_and_xlsx_are_identical_on_one_and_two_threads()
    {
        var one = GradeInto(Path.Combine(_folder, "t1"), threads: 1);
        var two = GradeInto(Path.Combine(_folder, "t2"), threads: 2);

        Assert.That(one.Graded, Is.EqualTo(73), "13 samples + 60 generated traces are graded");
        Assert.That(two.Graded, Is.EqualTo(one.Graded));
        Assert.That(File.ReadAllBytes(two.Csv), Is.EqualTo(File.ReadAllBytes(one.Csv)), "CSV byte for byte");
        Assert.That(File.ReadAllBytes(two.Sarif), Is.EqualTo(File.ReadAllBytes(one.Sarif)), "SARIF byte for byte");
        AssertSameCells(one.Xlsx, two.Xlsx);
    }

    [Test]
    public void Generated_traces_pass_and_fail_every_hw7_criterion()
    {
        // The corpus is only a fair benchmark and determinism check if every check goes both ways.
        var reader = new TraceReader();
        var grader = new Grader(Hw7Example.Rubric);
        var results = reader.Read([Path.Combine(_folder, "traces", "generated")]).Traces.Select(grader.Grade).ToList();
        foreach (var criterion in results[0].Criteria.Select(c => c.Rule.Id))
        {
            var outcomes = results.Select(g => g.Criteria.Single(c => c.Rule.Id == criterion)).ToList();
            Assert.That(outcomes.Any(c => !c.LostPoints), Is.True, $"{criterion} passes on some generated trace");
            Assert.That(outcomes.Any(c => c.LostPoints), Is.True, $"{criterion} fails on some generated trace");
        }
    }

    private sealed record Outputs(int Graded, string Csv, string Sarif, string Xlsx);

    private Outputs GradeInto(string folder, int threads)
    {
        Directory.CreateDirectory(folder);
        var rubric = Hw7Example.Rubric;
        var source = new FileTraceSource(new TraceReader(), [Path.Combine(_folder, "traces")]);
        var files = source.List;
        var csv = Path.Combine(folder, "grades.csv");
        var sarif = Path.Combine(folder, "grades.sarif");
        var xlsx = Path.Combine(folder, "grades.xlsx");
        var grades = new List<TraceGrade>();
        var errors = new List<TraceError>(files.Errors);
        var sinks = new List<IGradeSink> { CsvGradeSink.ToFile(csv, new CsvExportOptions()), SarifWriter.ToFile(sarif, new SarifOptions { BaseDirectory = _folder }) };
        try
        {
            foreach (var sink in sinks) sink.Begin(new ReportContext(rubric, "0.0.0-test", Started));
            foreach (var result in new BatchGrader(new Grader(rubric), threads).Grade(source))
            {
                if (result.Error is { } error) { errors.Add(error); continue; }
                foreach (var sink in sinks) sink.Add(result.Grade!);
                grades.Add(result.Grade!);
            }
            // The run record names no thread count, so that the reports can be compared whole.
            var run = new RunInfo("hw7.rubric.csx", rubric.Title, "sha", "0.0.0-test", Started, Started.AddSeconds(1), grades.Count, errors,
                new Dictionary<string, string>());
            foreach (var sink in sinks) sink.Complete(run);
            ExcelGradebookWriter.Write(xlsx, rubric, grades, run);
        }
        finally
        {
            foreach (var sink in sinks) sink.Dispose();
        }
        return new Outputs(grades.Count, csv, sarif, xlsx);
    }

    private static void AssertSameCells(string expectedPath, string actualPath)
    {
        using var expected = new XLWorkbook(expectedPath);
        using var actual = new XLWorkbook(actualPath);
        Assert.That(actual.Worksheets.Select(w => w.Name), Is.EqualTo(expected.Worksheets.Select(w => w.Name)));
        foreach (var sheet in expected.Worksheets)
        {
            var other = actual.Worksheet(sheet.Name);
            Assert.That(other.LastRowUsed()?.RowNumber(), Is.EqualTo(sheet.LastRowUsed()?.RowNumber()), $"{sheet.Name}: rows");
            Assert.That(other.LastColumnUsed()?.ColumnNumber(), Is.EqualTo(sheet.LastColumnUsed()?.ColumnNumber()), $"{sheet.Name}: columns");
            foreach (var cell in sheet.CellsUsed())
            {
                var twin = other.Cell(cell.Address.RowNumber, cell.Address.ColumnNumber);
                Assert.That(twin.GetString(), Is.EqualTo(cell.GetString()), $"{sheet.Name}!{cell.Address}");
                Assert.That(twin.FormulaA1, Is.EqualTo(cell.FormulaA1), $"{sheet.Name}!{cell.Address} formula");
            }
            Assert.That(other.CellsUsed().Count(), Is.EqualTo(sheet.CellsUsed().Count()), $"{sheet.Name}: cells used");
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using RubricEngine.Grading;
using RubricEngine.Reports.Excel;
using RubricEngine.Scripting;
using RubricEngine.Traces;

namespace RubricEngine.Benchmarks;

/// <summary>
/// Grades a folder once, then times <see cref="ExcelGradebookWriter.Write(string, Rubrics.RubricDefinition, IReadOnlyList{TraceGrade}, RunInfo, ExcelGradebookOptions?)"/>
/// alone, several times: wall, process CPU (all threads) and bytes allocated per write.
/// </summary>
internal static class XlsxWriteBench
{
    public static int Run(string rubricPath, string folder, string output, int repeats, bool verify)
    {
        using var loaded = RubricScriptLoader.Load(rubricPath);
        using var runner = loaded.CreateRunner();
        var source = new FileTraceSource(new TraceReader(), [folder]);
        var files = source.List;
        var grades = new List<TraceGrade>();
        var errors = new List<TraceError>(files.Errors);
        var started = DateTimeOffset.Now;
        foreach (var r in new BatchGrader(new Grader(loaded.Definition, runner), Environment.ProcessorCount).Grade(source))
        {
            if (r.Error is { } e) errors.Add(e);
            else grades.Add(r.Grade!);
        }
        var run = new RunInfo(Path.GetFullPath(rubricPath), loaded.Definition.Title, loaded.Sha256, "bench", started, DateTimeOffset.Now,
            grades.Count, errors, new Dictionary<string, string>());
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"{grades.Count} traces, {grades.Sum(g => g.Findings.Count())} findings, " +
            $"{grades.Sum(g => g.Criteria.Count(c => c.LostPoints || c.IsError))} cells that lost points"));
        GC.Collect();
        var baseline = Process.GetCurrentProcess().WorkingSet64;
        for (var i = 0; i < repeats; i++)
        {
            GC.Collect();
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            ExcelGradebookWriter.Write(output, loaded.Definition, grades, run);
            watch.Stop();
            process.Refresh();
            cpu = process.TotalProcessorTime - cpu;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            Console.WriteLine(string.Create(inv, $"write {i + 1}: wall {watch.Elapsed.TotalSeconds:0.000} s, cpu {cpu.TotalSeconds:0.000} s, " +
                $"allocated {allocated / 1048576} MB, file {new FileInfo(output).Length / 1024} KiB"));
        }
        if (verify)
        {
            // The reader the tests use: every sheet, its last row, and the notes on Grades.
            var watch = Stopwatch.StartNew();
            using var book = new ClosedXML.Excel.XLWorkbook(output);
            foreach (var sheet in book.Worksheets)
                Console.WriteLine(string.Create(inv, $"  {sheet.Name}: last row {sheet.LastRowUsed()?.RowNumber() ?? 0}"));
            var notes = book.Worksheet("Grades").CellsUsed(ClosedXML.Excel.XLCellsUsedOptions.All).Count(c => c.HasComment);
            Console.WriteLine(string.Create(inv, $"ClosedXML opened it in {watch.Elapsed.TotalSeconds:0.0} s: {notes} notes on Grades"));
        }
        Console.WriteLine(string.Create(inv, $"working set after grading {baseline / 1048576} MB, peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB"));
        return 0;
    }
}

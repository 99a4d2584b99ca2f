using System.Globalization;
using System.Text;
using RubricEngine.Grading;
using RubricEngine.Reports;
using RubricEngine.Reports.Html;
using RubricEngine.Rubrics;
using RubricEngine.Scripting;
using RubricEngine.Traces;

namespace RubricEngine.Benchmarks;

/// <summary>
/// Grades a folder once keeping every analysis, then renders every student page of the review site on one thread,
/// several times: thread CPU (load-independent), bytes allocated, and the pages' UTF-8 size. The pages are not
/// written; the write is the kernel's (file creation), timed by the CLI runs in BENCHMARKS.md.
/// </summary>
internal static class HtmlPagesBench
{
    public static int Run(string rubricPath, string folder, int repeats)
    {
        using var loaded = RubricScriptLoader.Load(rubricPath);
        using var runner = loaded.CreateRunner();
        var source = new FileTraceSource(new TraceReader(), [folder]);
        var pages = new List<(TraceGrade Grade, TraceAnalysis Analysis)>();
        foreach (var r in new BatchGrader(new Grader(loaded.Definition, runner), Environment.ProcessorCount) { KeepAnalyses = true }
                     .Grade(source))
            if (r.Grade is { } g) pages.Add((g, r.Analysis!));
        var context = new ReportContext(loaded.Definition, "bench", DateTimeOffset.Now);
        var page = new StudentPage(context, new HtmlReviewOptions { LowConfidence = s => s.Reason });
        var inv = CultureInfo.InvariantCulture;
        var html = new StringBuilder(64 * 1024);
        for (var i = 0; i < repeats; i++)
        {
            GC.Collect();
            long bytes = 0;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var cpu = ThreadCpuClock.Now();
            foreach (var (grade, analysis) in pages)
            {
                // As the site's workers do: one builder reused for every page.
                html.Clear();
                page.RenderTo(html, grade, analysis, null);
                foreach (var chunk in html.GetChunks()) bytes += Encoding.UTF8.GetByteCount(chunk.Span);
            }
            var seconds = (ThreadCpuClock.Now() - cpu) / (double)System.Diagnostics.Stopwatch.Frequency;
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            Console.WriteLine(string.Create(inv, $"render {i + 1}: {pages.Count} pages, thread cpu {seconds:0.000} s ({seconds / pages.Count * 1e3:0.00} ms/page), " +
                $"allocated {allocated / 1048576} MB ({allocated / pages.Count / 1024} KB/page), {bytes / 1048576.0:0.0} MB of UTF-8 ({bytes / pages.Count / 1024.0:0.0} KB/page)"));
        }
        {
            // The share of it that is Markdig parsing the messages again (the renderer's dialect: HTML disabled; plain lines skipped, as the renderer does).
            GC.Collect();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var cpu = ThreadCpuClock.Now();
            foreach (var (_, analysis) in pages)
                foreach (var m in analysis.Trace.Messages)
                    if (!RubricEngine.Documents.MarkdownDocumentParser.IsPlainLine(m.Content)) SafeMarkdown.Default.Parse(m.Content);
            var seconds = (ThreadCpuClock.Now() - cpu) / (double)System.Diagnostics.Stopwatch.Frequency;
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            Console.WriteLine(string.Create(inv, $"of which Markdig parse: thread cpu {seconds:0.000} s, allocated {allocated / 1048576} MB ({allocated / pages.Count / 1024} KB/page)"));
        }
        return 0;
    }
}

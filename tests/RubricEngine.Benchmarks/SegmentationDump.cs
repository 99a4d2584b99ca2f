using System.Globalization;
using System.Text;
using RubricEngine.Documents;
using RubricEngine.Scripting;
using RubricEngine.Segmentation;
using RubricEngine.Traces;

namespace RubricEngine.Benchmarks;

/// <summary>
/// Writes every segment of every trace in a folder (question, attempt, message, block spans, restatement spans),
/// one line per segment in file order: diff two dumps to prove a segmenter change kept every result.
/// </summary>
internal static class SegmentationDump
{
    public static int Run(string rubricPath, string folder, string output)
    {
        using var loaded = RubricScriptLoader.Load(rubricPath);
        var segmenter = new Segmenter(loaded.Definition.SegmenterOptions);
        var parser = MarkdownDocumentParser.Default;
        var reader = new TraceReader();
        using var writer = new StreamWriter(output, false, new UTF8Encoding(false));
        foreach (var file in reader.ListFiles([folder]).Files)
        {
            foreach (var trace in reader.ReadFile(file, false).Traces)
            {
                var documents = trace.Messages.Select(m => parser.Parse(m.Content)).ToArray();
                writer.Write(Path.GetFileName(file));
                writer.Write('\n');
                foreach (var a in segmenter.Segment(trace, documents).Answers)
                {
                    var blocks = string.Join(' ', a.Blocks.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Span.Start}+{b.Span.Length}")));
                    var restated = string.Join(' ', a.Restatements.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Span.Start}+{b.Span.Length}")));
                    writer.Write(string.Create(CultureInfo.InvariantCulture, $"  {a.Question} #{a.Attempt}{(a.IsFollowUp ? "+" : "")} m{a.MessageIndex}: {blocks} | {restated} [{a.Confidence}: {a.Reason}]\n"));
                }
            }
        }
        return 0;
    }

    /// <summary>
    /// <c>segtime</c>: the segmentation phase alone — every trace of the folder read and parsed once, then segmented
    /// <paramref name="repeats"/> times on one thread; prints thread CPU seconds per pass (per 1k traces when the
    /// folder holds 1k).
    /// </summary>
    public static int Time(string rubricPath, string folder, int repeats)
    {
        using var loaded = RubricScriptLoader.Load(rubricPath);
        var segmenter = new Segmenter(loaded.Definition.SegmenterOptions);
        var parser = MarkdownDocumentParser.Default;
        var reader = new TraceReader();
        var work = new List<(Trace Trace, MessageDocument[] Documents)>();
        foreach (var file in reader.ListFiles([folder]).Files)
            foreach (var trace in reader.ReadFile(file, false).Traces)
                work.Add((trace, trace.Messages.Select(m => parser.Parse(m.Content)).ToArray()));
        var answers = 0;
        var once = ThreadCpuClock.Now();
        answers += segmenter.Segment(work[0].Trace, work[0].Documents).Answers.Count; // static initialisation and the first JIT
        var firstTrace = (ThreadCpuClock.Now() - once) / (double)System.Diagnostics.Stopwatch.Frequency;
        var cold = ThreadCpuClock.Now();
        foreach (var (trace, documents) in work) answers += segmenter.Segment(trace, documents).Answers.Count; // first pass: JIT included
        var first = (ThreadCpuClock.Now() - cold) / (double)System.Diagnostics.Stopwatch.Frequency;
        var passes = new List<double>();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var r = 0; r < repeats; r++)
        {
            var c0 = ThreadCpuClock.Now();
            foreach (var (trace, documents) in work) answers += segmenter.Segment(trace, documents).Answers.Count;
            passes.Add((ThreadCpuClock.Now() - c0) / (double)System.Diagnostics.Stopwatch.Frequency);
        }
        var perPass = (GC.GetAllocatedBytesForCurrentThread() - allocated) / Math.Max(1, repeats);
        passes.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{work.Count} traces: first trace {firstTrace:0.000} s, first pass (JIT included) {first:0.000} s; {repeats} more passes: thread CPU per pass min {passes[0]:0.000} s, median {passes[passes.Count / 2]:0.000} s, {perPass / 1e6:0.0} MB allocated per pass ({answers} answers)"));
        return 0;
    }
}

using RubricEngine.Traces;

namespace RubricEngine.Grading;

/// <summary>
/// Grades many trace files on every core while keeping the output in input order, so that the same inputs give
/// the same outputs whatever the thread count. Streams: a result is handed on as soon as every earlier one is,
/// and nothing holds the whole batch.
/// </summary>
internal sealed class BatchGrader(Grader grader, int parallelism)
{
    public int Parallelism { get; } = Math.Max(1, parallelism);

    /// <summary>
    /// Hand each grade's analysis (the trace parsed and segmented) on with its result, for a report that shows the
    /// conversation. The workers then stay at most <see cref="Window"/> files ahead of the consumer, so the
    /// analyses in flight are bounded whatever the consumer does: PLINQ lets each worker run up to its merge buffer
    /// (thousands of results) ahead of a slow consumer, and kept analyses piled up (720 MB for 10k traces).
    /// </summary>
    public bool KeepAnalyses { get; init; }

    /// <summary>How many files the workers may be ahead of the consumer when <see cref="KeepAnalyses"/> is set.</summary>
    public int Window => 8 * Parallelism;

    /// <summary>
    /// Reads and grades the files of <paramref name="source"/> (already in a deterministic order). Duplicate trace
    /// ids are rejected here, in order (<see cref="TraceIdRegistry"/>), so the first file wins whatever the scheduling.
    /// </summary>
    /// <param name="source">The trace files, in the order results must come out, and how to read one (on worker threads).</param>
    /// <param name="fileDone">Called once per file as its results come due (progress).</param>
    /// <param name="fileRead">
    /// Called once per file, in input order, before its results: what reading it gave (skipped, read as which format).
    /// </param>
    public IEnumerable<BatchResult> Grade(ITraceSource source, Action? fileDone = null, Action<FileReadResult>? fileRead = null)
    {
        var perFile = KeepAnalyses
            ? OrderedParallel.SelectWindowed(source.Files, Parallelism, Window, file => GradeFile(file, source))
            : OrderedParallel.Select(source.Files, Parallelism, file => GradeFile(file, source));

        var ids = new TraceIdRegistry();
        foreach (var (content, results) in perFile)
        {
            fileDone?.Invoke();
            if (content is not null) fileRead?.Invoke(content);
            foreach (var result in results)
            {
                if (result.Grade is { } g && ids.Claim(g.TraceId, g.File) is { } duplicate)
                {
                    yield return new BatchResult(null, new TraceError(g.File, duplicate));
                    continue;
                }
                yield return result;
            }
        }
    }

    private (FileReadResult? Content, List<BatchResult> Results) GradeFile(string file, ITraceSource source)
    {
        var results = new List<BatchResult>();
        FileReadResult content;
        try
        {
            content = source.Read(file);
        }
        catch (Exception e)
        {
            // Readers turn bad input into errors; this is the last line of defence so one file never stops a batch.
            results.Add(new BatchResult(null, new TraceError(file, $"could not be read: {e.Message}")));
            return (null, results);
        }
        foreach (var error in content.Errors) results.Add(new BatchResult(null, error));
        foreach (var trace in content.Traces)
        {
            try
            {
                if (KeepAnalyses)
                {
                    var (grade, analysis) = grader.GradeKeepingAnalysis(trace);
                    results.Add(new BatchResult(grade, null) { Analysis = analysis });
                }
                else
                {
                    results.Add(new BatchResult(grader.Grade(trace), null));
                }
            }
            catch (Exception e)
            {
                results.Add(new BatchResult(null, new TraceError(trace.File, $"trace '{trace.Id}' could not be graded: {e.Message}")));
            }
        }
        return (content, results);
    }
}

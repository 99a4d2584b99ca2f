using RubricEngine.Traces;

namespace RubricEngine.Grading;

/// <summary>One outcome of a batch: a graded trace or the reason a trace (or file) could not be graded.</summary>
public sealed record BatchResult(TraceGrade? Grade, TraceError? Error)
{
    /// <summary>The analysis the grade was made from, when the batch keeps them (<see cref="BatchGrader.KeepAnalyses"/>).</summary>
    public Rubrics.TraceAnalysis? Analysis { get; init; }
}

/// <summary>What reading one file gave: its traces and errors, in file order.</summary>
public sealed record FileReadResult(IReadOnlyList<Trace> Traces, IReadOnlyList<TraceError> Errors)
{
    /// <summary>The file itself when it was not read as a trace (a companion file of an export, a README), with why.</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; init; } = [];

    /// <summary>Which format the file was read as, and why.</summary>
    public IReadOnlyList<FileDetection> ReadAs { get; init; } = [];

    /// <summary>What a TA should know about a file that was still read (a student note that quotes no answer).</summary>
    public IReadOnlyList<ReadWarning> Warnings { get; init; } = [];
}

/// <summary>
/// Grades many trace files on every core while keeping the output in input order, so that the same inputs give
/// the same outputs whatever the thread count. Streams: a result is handed on as soon as every earlier one is,
/// and nothing holds the whole batch.
/// </summary>
public sealed class BatchGrader(Grader grader, int parallelism)
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
    /// Reads and grades <paramref name="files"/> (already in a deterministic order). Duplicate trace ids are
    /// rejected here, in order, so the first file wins whatever the scheduling.
    /// </summary>
    /// <param name="files">The trace files, in the order results must come out.</param>
    /// <param name="read">Reads one file (called on worker threads).</param>
    /// <param name="fileDone">Called once per file as its results come due (progress).</param>
    /// <param name="fileRead">
    /// Called once per file, in input order, before its results: what reading it gave (skipped, read as which format).
    /// </param>
    public IEnumerable<BatchResult> Grade(IReadOnlyList<string> files, Func<string, FileReadResult> read, Action? fileDone = null,
        Action<FileReadResult>? fileRead = null)
    {
        var perFile = KeepAnalyses
            ? OrderedParallel.SelectWindowed(files, Parallelism, Window, file => GradeFile(file, read))
            : OrderedParallel.Select(files, Parallelism, file => GradeFile(file, read));

        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (content, results) in perFile)
        {
            fileDone?.Invoke();
            if (content is not null) fileRead?.Invoke(content);
            foreach (var result in results)
            {
                if (result.Grade is { } g)
                {
                    if (seen.TryGetValue(g.TraceId, out var first))
                    {
                        yield return new BatchResult(null, new TraceError(g.File,
                            $"duplicate trace id '{g.TraceId}': already used by {first}; this copy is not graded"));
                        continue;
                    }
                    seen[g.TraceId] = g.File;
                }
                yield return result;
            }
        }
    }

    private (FileReadResult? Content, List<BatchResult> Results) GradeFile(string file, Func<string, FileReadResult> read)
    {
        var results = new List<BatchResult>();
        FileReadResult content;
        try
        {
            content = read(file);
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

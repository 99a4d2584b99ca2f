using RubricEngine.Grading;
using RubricEngine.Segmentation;
using RubricEngine.Traces;

namespace RubricEngine.Reports.Html;

/// <summary>What the review site needs besides the grades.</summary>
public sealed record HtmlReviewOptions
{
    /// <summary>
    /// Reads a trace file again (the run's own <c>TraceReader.ReadFile</c>, same options), so a page can show the
    /// conversation: grades carry no message text. Null: pages show grades and findings without the conversation.
    /// </summary>
    public Func<string, FileReadResult>? ReadFile { get; init; }

    /// <summary>
    /// Parses and segments a trace read again, exactly as the run's grader does (its attribution fixes included).
    /// Null: a <see cref="Grader"/> over the report's rubric, without fixes.
    /// </summary>
    public Func<Traces.Trace, Rubrics.TraceAnalysis>? Analyze { get; init; }

    /// <summary>
    /// Why an answer segment's attribution is uncertain, or null when it is not (or the engine cannot tell).
    /// Drives the low-confidence marks and the index's toggle; null here means the engine reports no confidence.
    /// </summary>
    public Func<AnswerSegment, string?>? LowConfidence { get; init; }

    /// <summary>Threads that render student pages (grades still arrive on one thread, in order).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}

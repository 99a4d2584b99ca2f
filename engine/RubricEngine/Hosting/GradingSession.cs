using RubricEngine.Grading;
using RubricEngine.Rubrics;
using RubricEngine.Segmentation;
using RubricEngine.Traces;

namespace RubricEngine.Hosting;

/// <summary>
/// Grades the way <c>rubric grade</c> does: one rubric (<see cref="ReadyRubric"/>, after <c>.rubricconfig</c>),
/// one trace reader, the TA's attribution fixes and manual overrides. <see cref="Grade"/> reads, attributes (fixes
/// applied), analyzes, scores and applies the overrides, so every grade it hands out is final: reports never see a
/// grade before its overrides, as Roslyn applies suppressions before any logger sees a diagnostic.
/// Set <see cref="UseAttribution"/> and <see cref="UseOverrides"/> before grading. Reports are the caller's.
/// </summary>
internal sealed class GradingSession
{
    private OverrideApplier? _overrides;

    /// <param name="rubric">The rubric; the session does not own it.</param>
    /// <param name="reader">How trace files are read (student pattern, roster, size limit).</param>
    /// <param name="parallelism">Worker threads; output is the same for any number.</param>
    /// <exception cref="ArgumentException">The reader options are invalid (file-name pattern, format).</exception>
    public GradingSession(ReadyRubric rubric, TraceReaderOptions? reader = null, int? parallelism = null)
    {
        Rubric = rubric;
        Reader = new TraceReader(reader);
        Parallelism = Math.Max(1, parallelism ?? Environment.ProcessorCount);
        Grader = new Grader(rubric.Definition, rubric.Runner);
    }

    public ReadyRubric Rubric { get; }

    public RubricDefinition Definition => Rubric.Definition;

    public TraceReader Reader { get; }

    public int Parallelism { get; }

    /// <summary>The TA's attribution fixes (<c>--attribution</c>); empty unless <see cref="UseAttribution"/> set them.</summary>
    public AttributionFixSet Fixes { get; private set; } = AttributionFixSet.Empty;

    /// <summary>Analyzes and grades one trace with the session's fixes (no overrides: they are per run, see <see cref="Grade"/>).</summary>
    public Grader Grader { get; private set; }

    /// <summary>The trace files <paramref name="paths"/> name, walked once, read by this session's reader.</summary>
    public FileTraceSource Open(IEnumerable<string> paths) => new(Reader, paths);

    /// <summary>Attribution fixes applied before grading (what <c>rubric show</c> and the review site show too).</summary>
    public void UseAttribution(AttributionFixSet fixes)
    {
        Fixes = fixes;
        Grader = new Grader(Definition, Rubric.Runner, fixes);
    }

    /// <summary>Manual overrides applied to every grade; returns an error for each row naming a rule the rubric lacks.</summary>
    public IReadOnlyList<OverrideDiagnostic> UseOverrides(IEnumerable<ManualOverride> overrides)
    {
        _overrides = new OverrideApplier(overrides);
        return _overrides.Validate(Definition);
    }

    /// <summary>
    /// Reads and grades every file of <paramref name="source"/> on <see cref="Parallelism"/> threads and hands out
    /// the results in input order, overrides applied (their warnings in <see cref="BatchResult.OverrideWarnings"/>).
    /// </summary>
    /// <param name="source">The trace files and how to read one.</param>
    /// <param name="fileDone">Called once per file as its results come due (progress).</param>
    /// <param name="fileRead">Called once per file, in input order, before its results: what reading it gave.</param>
    public IEnumerable<BatchResult> Grade(ITraceSource source, Action? fileDone = null, Action<FileReadResult>? fileRead = null)
    {
        var overrides = _overrides;
        foreach (var result in new BatchGrader(Grader, Parallelism) { KeepAnalyses = KeepAnalyses }.Grade(source, fileDone, fileRead))
        {
            if (result.Grade is not { } grade || overrides is null)
            {
                yield return result;
                continue;
            }
            var outcome = overrides.Apply(grade);
            yield return result with { Grade = outcome.Grade, OverrideWarnings = outcome.Warnings };
        }
    }

    /// <summary>
    /// Hand each result's analysis (the trace parsed and segmented) on in <see cref="BatchResult.Analysis"/>, for a
    /// report that shows the conversation; the batch then stays a bounded window ahead of the consumer.
    /// </summary>
    public bool KeepAnalyses { get; init; }

    /// <summary>Override rows that matched no graded trace (a typo in the student id?), in file order. Read after <see cref="Grade"/>.</summary>
    public IReadOnlyList<OverrideDiagnostic> UnusedOverrides() => _overrides?.Unused() ?? [];
}

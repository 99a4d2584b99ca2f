using RubricEngine.Rubrics;
using RubricEngine.Segmentation;
using RubricEngine.Traces;

namespace RubricEngine.Grading;

/// <summary>How one criterion (or custom rule) came out for one trace.</summary>
/// <param name="Rule">The rule, with severity and points after <c>.rubricconfig</c>.</param>
/// <param name="Question">The question it grades; null for a trace-wide custom rule.</param>
/// <param name="Points">Points awarded, from 0 to <see cref="RuleDescriptor.Points"/>.</param>
/// <param name="Comment">Why points were lost, in sentences a student understands; empty on full points.</param>
public sealed record CriterionResult(RuleDescriptor Rule, QuestionPath? Question, double Points, string Comment)
{
    /// <summary>Points the criterion is worth.</summary>
    public double MaxPoints => Rule.Points;

    /// <summary>The attempt the points came from (from 1); null when the question was not answered.</summary>
    public int? AttemptUsed { get; init; }

    /// <summary>How many attempts at the question the trace holds.</summary>
    public int Attempts { get; init; }

    /// <summary>How many re-prompts it took before the criterion first passed (0: passed first time); null if never.</summary>
    public int? RepromptsBeforePass { get; init; }

    /// <summary>The findings behind the comment, every attempt's (see <see cref="Finding.IsGradedAttempt"/>).</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>True when the rule itself failed (threw, timed out): the points are 0 and the comment says why.</summary>
    public bool IsError { get; init; }

    /// <summary>Set when a manual override replaced the automatic points: the reason and grader.</summary>
    public string? Override { get; init; }

    /// <summary>True when points were lost.</summary>
    public bool LostPoints => Points < MaxPoints;
}

/// <summary>One trace's grade: per-criterion results and totals. Holds no message text, so a run can stream.</summary>
public sealed record TraceGrade(
    string TraceId,
    string File,
    Student Student,
    string? Assignment,
    string? Model,
    IReadOnlyList<CriterionResult> Criteria)
{
    /// <summary>Points awarded.</summary>
    public double Total => Criteria.Sum(c => c.Points);

    /// <summary>Points possible.</summary>
    public double Max => Criteria.Sum(c => c.MaxPoints);

    /// <summary>Total over max, 0 to 1 (0 when nothing is worth points).</summary>
    public double Fraction => Max <= 0 ? 0 : Total / Max;

    /// <summary>Every finding of every criterion, in criterion order.</summary>
    public IEnumerable<Finding> Findings => Criteria.SelectMany(c => c.Findings);
}

/// <summary>What a whole run did: for the Run sheet, SARIF's invocation and the closing summary.</summary>
public sealed record RunInfo(
    string RubricPath,
    string RubricTitle,
    string RubricSha256,
    string EngineVersion,
    DateTimeOffset Started,
    DateTimeOffset Finished,
    int TracesGraded,
    IReadOnlyList<TraceError> Errors,
    IReadOnlyDictionary<string, string> Options)
{
    /// <summary>Files in the input that were not read as traces, each with the reason (companion files, images, a README).</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; init; } = [];

    /// <summary>Warnings about the run as a whole ("question 4: answered in 0 of 480 traces — is the id right?").</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

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

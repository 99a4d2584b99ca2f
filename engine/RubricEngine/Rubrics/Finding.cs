using RubricEngine.Segmentation;
using RubricEngine.Text;

namespace RubricEngine.Rubrics;

/// <summary>
/// One thing a rule found in a trace, like Roslyn's <c>Diagnostic</c>: rule id, severity, message, location,
/// and the points it cost.
/// </summary>
public sealed record Finding(string RuleId, Severity Severity, string Message, Location? Location)
{
    /// <summary>Points deducted because of this finding (0 for a note or a warning that costs nothing).</summary>
    public double PointsLost { get; init; }

    /// <summary>The question whose answer the finding is in, if any.</summary>
    public QuestionPath? Question { get; init; }

    /// <summary>The attempt (from 1) the finding is in, if any.</summary>
    public int? Attempt { get; init; }

    /// <summary>True when the attempt is the one the criterion's points came from.</summary>
    public bool IsGradedAttempt { get; init; } = true;

    /// <summary>The exact text the location covers (trimmed to a readable length).</summary>
    public string? Excerpt { get; init; }

    /// <summary>Set when a manual override suppressed the finding; the justification.</summary>
    public string? Suppression { get; init; }
}

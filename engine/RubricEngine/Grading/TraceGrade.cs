using RubricEngine.Rubrics;
using RubricEngine.Segmentation;
using RubricEngine.Traces;

namespace RubricEngine.Grading;

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

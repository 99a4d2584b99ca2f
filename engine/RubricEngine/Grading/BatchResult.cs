using RubricEngine.Traces;

namespace RubricEngine.Grading;

/// <summary>One outcome of a batch: a graded trace or the reason a trace (or file) could not be graded.</summary>
internal sealed record BatchResult(TraceGrade? Grade, TraceError? Error)
{
    /// <summary>What applying the manual overrides to <see cref="Grade"/> warned about (a row clamped or repeated).</summary>
    public IReadOnlyList<OverrideDiagnostic> OverrideWarnings { get; init; } = [];

    /// <summary>The analysis the grade was made from, when the batch keeps them (<see cref="BatchGrader.KeepAnalyses"/>).</summary>
    public Rubrics.TraceAnalysis? Analysis { get; init; }
}

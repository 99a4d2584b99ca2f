namespace RubricEngine.Grading;

/// <summary>What applying overrides to one grade gave: the new grade, warnings, and the rows that applied.</summary>
internal sealed record OverrideOutcome(TraceGrade Grade, IReadOnlyList<OverrideDiagnostic> Warnings, IReadOnlyList<ManualOverride> Applied);

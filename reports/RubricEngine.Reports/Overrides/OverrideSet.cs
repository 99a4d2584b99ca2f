using RubricEngine.Grading;

namespace RubricEngine.Reports.Overrides;

/// <summary>What reading an overrides file gave: the valid rows and a diagnostic for each bad one.</summary>
public sealed record OverrideSet(IReadOnlyList<ManualOverride> Overrides, IReadOnlyList<OverrideDiagnostic> Errors)
{
    public static OverrideSet Empty { get; } = new([], []);
}

namespace RubricEngine.Reports.Gradebook;

/// <summary>What an LMS makes of one cell of a grade column.</summary>
/// <param name="Effect">What the LMS does with it, for the check's message; null for a plain score.</param>
public sealed record LmsCell(LmsCellKind Kind, double? Score, string? Effect = null);

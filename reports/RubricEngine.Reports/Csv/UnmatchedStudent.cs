namespace RubricEngine.Reports.Csv;

/// <summary>A trace that has no row in the LMS CSV: no roster row matched, or another trace already took it.</summary>
public sealed record UnmatchedStudent(string StudentId, string? Name, string? Email, string File, string Reason)
{
    public override string ToString() => $"{File}: warning: {Reason}";
}

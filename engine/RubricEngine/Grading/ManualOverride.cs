namespace RubricEngine.Grading;

/// <summary>
/// One row of <c>overrides.csv</c>: a TA's decision on one criterion of one student, applied after automatic grading.
/// </summary>
/// <param name="Student">Matches a trace's student id, email or trace id (ignoring case).</param>
/// <param name="RuleId">The criterion or rule id (<c>HW7-03</c>).</param>
/// <param name="Points">The points to award; null for <c>suppress</c> (findings waived, full points).</param>
/// <param name="Reason">Why; shown to the student.</param>
/// <param name="Grader">Who decided; may be empty.</param>
/// <param name="File">The overrides file, for messages.</param>
/// <param name="Line">The line the row starts on.</param>
public sealed record ManualOverride(string Student, string RuleId, double? Points, string Reason, string? Grader, string File, int Line)
{
    /// <summary>True for <c>suppress</c>: the rule's findings are waived and its points restored to the maximum.</summary>
    public bool Suppress => Points is null;

    /// <summary>"reason (grader)": what <see cref="CriterionResult.Override"/> and suppressions carry.</summary>
    public string Justification => string.IsNullOrWhiteSpace(Grader) ? Reason : $"{Reason} ({Grader})";
}

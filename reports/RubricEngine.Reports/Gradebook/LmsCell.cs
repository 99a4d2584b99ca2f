namespace RubricEngine.Reports.Gradebook;

/// <summary>What an LMS makes of a cell in a grade column.</summary>
public enum LmsCellKind
{
    /// <summary>A number: the student's score.</summary>
    Score,

    /// <summary>Nothing: no grade (what that does depends on the LMS; see <see cref="LmsCell.Effect"/>).</summary>
    Empty,

    /// <summary>A documented non-numeric mark (Canvas EX, Blackboard Complete).</summary>
    Mark,

    /// <summary>Text the LMS rejects or cannot read as a grade.</summary>
    Invalid,
}

/// <param name="Effect">What the LMS does with it, for the check's message; null for a plain score.</param>
public sealed record LmsCell(LmsCellKind Kind, double? Score, string? Effect = null);

/// <summary>How serious an import check finding is.</summary>
public enum LmsIssueSeverity
{
    /// <summary>What the import will do, for information.</summary>
    Note,

    /// <summary>Probably not what the TA wants (a new assignment, a student the LMS does not know).</summary>
    Warning,

    /// <summary>The import fails, or changes what it must not (points possible, a grade by a misread cell).</summary>
    Error,
}

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

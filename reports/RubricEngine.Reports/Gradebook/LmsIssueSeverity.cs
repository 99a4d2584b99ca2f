namespace RubricEngine.Reports.Gradebook;

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

namespace RubricEngine.Reports.Gradebook;

/// <summary>What the LMS does with one column of the file.</summary>
public enum LmsColumnRole
{
    /// <summary>Identifies the student.</summary>
    Identity,

    /// <summary>A student detail or the LMS's bookkeeping: read, not imported as a grade.</summary>
    Detail,

    /// <summary>Grades for an existing grade item (or, where the LMS maps by hand, for the item the TA picks).</summary>
    Grade,

    /// <summary>Grades for a grade item the import creates.</summary>
    NewItem,

    /// <summary>A column the LMS computes itself (totals): not imported.</summary>
    Calculated,

    /// <summary>A column the LMS does not recognize: ignored or rejected.</summary>
    Unknown,
}

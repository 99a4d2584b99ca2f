namespace RubricEngine.Reports.Csv;

/// <summary>Which LMS the grade CSV is for (<c>--csv-format canvas|gradescope|moodle|blackboard|brightspace|plain</c>).</summary>
public enum CsvGradeFormat
{
    /// <summary>A Canvas gradebook import: Student, ID, SIS User ID, SIS Login ID, Section, "Assignment (id)".</summary>
    Canvas,

    /// <summary>A Gradescope score upload: First Name, Last Name, SID, Email, Total Score, one column per question.</summary>
    Gradescope,

    /// <summary>A Moodle "Import grades from CSV file" file: First name, Last name, ID number, Email address, the grade item.</summary>
    Moodle,

    /// <summary>A Blackboard Grade Center upload: Last Name, First Name, Username, Student ID, "Title [Total Pts: N Score] |id", every field quoted.</summary>
    Blackboard,

    /// <summary>A Brightspace grades import: OrgDefinedId (and Username from an export), "Item Points Grade", End-of-Line Indicator.</summary>
    Brightspace,

    /// <summary>Everything, one row per trace: id, name, email, file, each criterion's points/comment/override, totals.</summary>
    Plain,
}

/// <summary>Options of a grade CSV.</summary>
public sealed record CsvExportOptions
{
    public CsvGradeFormat Format { get; init; } = CsvGradeFormat.Plain;

    /// <summary>The assignment's name in the LMS (Canvas column header); defaults to the rubric's title.</summary>
    public string? AssignmentName { get; init; }

    /// <summary>The Canvas assignment id; when absent it is taken from a roster column "Name (id)" if there is one.</summary>
    public string? AssignmentId { get; init; }

    /// <summary>A Canvas gradebook export: rows are written in its order, students without a trace get an empty score.</summary>
    public CanvasRoster? Roster { get; init; }

    /// <summary>A Moodle, Blackboard or Brightspace gradebook export: rows are its students, the column its grade item.</summary>
    public LmsRoster? LmsRoster { get; init; }

    /// <summary>Canvas: factor applied to each total so the assignment's Points Possible stays as it is (<c>--scale-to-points</c>).</summary>
    public double Scale { get; init; } = 1;

    /// <summary>
    /// Write a UTF-8 byte-order mark (default true): Canvas's own exports carry one and accept it on import, Gradescope
    /// accepts it, and Excel needs it to show accented names instead of mojibake.
    /// </summary>
    public bool ByteOrderMark { get; init; } = true;
}

/// <summary>A trace that has no row in the LMS CSV: no roster row matched, or another trace already took it.</summary>
public sealed record UnmatchedStudent(string StudentId, string? Name, string? Email, string File, string Reason)
{
    public override string ToString() => $"{File}: warning: {Reason}";
}

namespace RubricEngine.Reports.Csv;

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

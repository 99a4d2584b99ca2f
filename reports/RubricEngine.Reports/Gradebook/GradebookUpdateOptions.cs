using RubricEngine.Reports.Excel;

namespace RubricEngine.Reports.Gradebook;

/// <summary>How <see cref="GradebookUpdater"/> writes grades into an existing gradebook.</summary>
/// <param name="Column">Header of the column that receives each student's total ("HW7"); added when missing.</param>
public sealed record GradebookUpdateOptions(string Column)
{
    /// <summary>Worksheet to update (xlsx only); the first sheet when null.</summary>
    public string? Sheet { get; init; }

    /// <summary>
    /// Which column identifies students: <c>id</c> (SIS User ID, Student ID, ID…), <c>email</c> (Email…),
    /// or the text of any header (matched case-insensitively). A header containing "mail" is compared with the
    /// student's email, any other with the student's id.
    /// </summary>
    public string Key { get; init; } = "id";

    /// <summary>Also write one column per criterion (headed like the Grades sheet: <c>HW7-01 Derivation shown (2)</c>).</summary>
    public bool PerCriterion { get; init; }

    /// <summary>The rubric's rules, for per-criterion columns; taken from the grades when null.</summary>
    public IReadOnlyList<GradebookRule>? Rules { get; init; }

    /// <summary>
    /// Canvas: allow adding a column Canvas would import as a new graded assignment. Without it, a Canvas export
    /// without the assignment's <c>Title (id)</c> column is refused before anything is written.
    /// </summary>
    public bool NewAssignment { get; init; }

    /// <summary>
    /// Canvas: when the assignment's Points Possible differs from the rubric's maximum, scale each total to the
    /// assignment's points (16/20 on a 100-point assignment becomes 80). Without it the difference is an error
    /// reported before anything is written. Points Possible itself is never changed.
    /// </summary>
    public bool ScaleToPoints { get; init; }

    /// <summary>Time stamp of the backup file; now when null.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>How long to wait for another run updating the same gradebook, and where to say so.</summary>
    public IO.OutputPolicy? Policy { get; init; }

    /// <summary>
    /// Called after the new gradebook is written to its temporary file and before it is checked against the file on
    /// disk and renamed over it: where a test plays the person who saves the gradebook at the worst moment.
    /// </summary>
    internal Action<int>? BeforeReplace { get; init; }
}

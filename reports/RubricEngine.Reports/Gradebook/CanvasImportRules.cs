using System.Text.RegularExpressions;
using RubricEngine.Traces;

namespace RubricEngine.Reports.Gradebook;

/// <summary>
/// What Canvas's gradebook importer does with a CSV (canvas-lms <c>GradebookImporter</c>), so an update never makes it
/// do harm: a header <c>Title (id)</c> is assignment <c>id</c>; any other header after the student columns becomes a new
/// graded assignment; the "Points Possible" row sets what an assignment is worth; <c>EX</c> marks a student excused.
/// </summary>
internal sealed partial class CanvasImportRules : LmsImportRules
{
    public static CanvasImportRules Instance { get; } = new();

    private CanvasImportRules()
    {
    }

    public override LmsSystem System => LmsSystem.Canvas;

    public override string Source => "Canvas gradebook import (canvas-lms GradebookImporter): 'Title (id)' is assignment id; any other new header a new assignment; the Points Possible row sets points";

    public override IReadOnlyList<string> IdentityHeaders { get; } = ["ID", "SIS User ID", "SIS Login ID", "Integration ID"];

    /// <summary>Student details and Canvas's read-only totals, never assignments.</summary>
    protected override IReadOnlyList<string> OtherHeaders { get; } =
    [
        "Student", "Last Name", "First Name", "Root Account", "Section", "Notes",
        "Current Score", "Final Score", "Current Points", "Final Points", "Current Grade", "Final Grade",
        "Unposted Current Score", "Unposted Final Score", "Unposted Current Grade", "Unposted Final Grade",
    ];

    public override IReadOnlyList<string> NativeIdentityHeaders { get; } = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"];

    public override string? NativeIdentity(string header, Student student) => header switch
    {
        "Student" => student.Name ?? student.Id,
        "SIS User ID" => student.Id,
        "SIS Login ID" => student.Email ?? "",
        _ => "",
    };

    public override string UnknownStudentEffect => "Canvas lists it as a student it does not know and imports nothing for it";

    /// <summary>True for a Canvas gradebook export: a Points Possible row, or Canvas's identity columns beside a <c>Title (id)</c> column.</summary>
    public static bool IsCanvas(IReadOnlyList<string> header, IEnumerable<string[]> rowsBelow) =>
        rowsBelow.Any(r => GradebookPlan.IsPointsPossible(r.Take(2)))
        || (header.Any(h => GradebookPlan.HeaderEquals(h, "SIS Login ID")) && header.Any(h => AssignmentHeader().IsMatch(h.Trim())));

    /// <summary>Only <c>Title (id)</c> is an existing assignment; Canvas's Points Possible row says what it is worth.</summary>
    public override LmsItemHeader? ParseItem(string header)
    {
        var m = AssignmentHeader().Match(header.Trim());
        return m.Success ? new LmsItemHeader(m.Groups[1].Value.Trim(), m.Groups[2].Value, null) : null;
    }

    public override LmsCell ReadCell(string cell) => Read(cell, t => t.ToUpperInvariant() switch
    {
        "EX" => new LmsCell(LmsCellKind.Mark, null, "excuses the student"),
        "COMPLETE" or "INCOMPLETE" or "PASS" or "FAIL" => new LmsCell(LmsCellKind.Mark, null, "a complete/incomplete mark"),
        _ => new LmsCell(LmsCellKind.Invalid, null, "not a number: Canvas reads it as a letter grade or rejects it"),
    });

    [GeneratedRegex(@"^(.+) \((\d+)\)$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex AssignmentHeader();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace RubricEngine.Reports.Gradebook;

/// <summary>
/// What Canvas's gradebook importer does with a CSV, so an update never makes it do harm: a header
/// <c>Title (id)</c> is assignment <c>id</c>; any other header after the student columns becomes a new graded
/// assignment; the "Points Possible" row sets what an assignment is worth; <c>EX</c> marks a student excused.
/// </summary>
internal static partial class CanvasImportRules
{
    /// <summary>Columns Canvas reads as student identity or as read-only totals, never as assignments.</summary>
    private static readonly string[] NotAssignments =
        ["Student", "Last Name", "First Name", "ID", "SIS User ID", "SIS Login ID", "Integration ID", "Root Account", "Section", "Notes"];

    /// <summary>True for a Canvas gradebook export: a Points Possible row, or Canvas's identity columns beside a <c>Title (id)</c> column.</summary>
    public static bool IsCanvas(IReadOnlyList<string> header, IEnumerable<string[]> rowsBelow) =>
        rowsBelow.Any(r => GradebookPlan.IsPointsPossible(r.Take(2)))
        || (header.Any(h => GradebookPlan.HeaderEquals(h, "SIS Login ID")) && header.Any(h => AssignmentHeader().IsMatch(h.Trim())));

    /// <summary>
    /// The column of the assignment named <paramref name="column"/>: the header itself, or the one <c>Title (id)</c>
    /// column whose title is <paramref name="column"/> or starts with it. -1 when none.
    /// </summary>
    public static int FindAssignment(IReadOnlyList<string> header, string column)
    {
        var wanted = column.Trim();
        for (var i = 0; i < header.Count; i++)
            if (GradebookPlan.HeaderEquals(header[i], wanted)) return i;
        var byTitle = new List<int>();
        var byPrefix = new List<int>();
        for (var i = 0; i < header.Count; i++)
        {
            var m = AssignmentHeader().Match(header[i].Trim());
            if (!m.Success) continue;
            var title = m.Groups[1].Value.Trim();
            if (title.Equals(wanted, StringComparison.OrdinalIgnoreCase)) byTitle.Add(i);
            else if (title.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)) byPrefix.Add(i);
        }
        var found = byTitle.Count > 0 ? byTitle : byPrefix;
        if (found.Count > 1)
            throw new GradebookUpdateException(
                $"'{column}' names {found.Count} Canvas assignments ({string.Join(", ", found.Select(i => header[i].Trim()))}); give the whole column header with --column.");
        return found.Count == 1 ? found[0] : -1;
    }

    /// <summary>True when Canvas would import a column of this header as a new graded assignment.</summary>
    public static bool WouldBeNewAssignment(string header) =>
        !AssignmentHeader().IsMatch(header.Trim()) && !NotAssignments.Any(n => GradebookPlan.HeaderEquals(header, n));

    /// <summary>A cell Canvas gives a meaning other than a score (EX = excused, complete/incomplete, pass/fail): never overwritten.</summary>
    public static bool IsMarker(string cell)
    {
        var t = cell.Trim();
        return t.Length > 0 && !double.TryParse(t.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            && !GradebookPlan.IsOverrideMark(t);
    }

    [GeneratedRegex(@"^(.+) \((\d+)\)$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex AssignmentHeader();
}

using RubricEngine.Reports.Gradebook;
using RubricEngine.Traces;

namespace RubricEngine.Reports.Csv;

/// <summary>
/// A Moodle, Blackboard or Brightspace gradebook export given as <c>--roster</c> to a native import file
/// (<c>--csv-format moodle|blackboard|brightspace</c>): its students, matched to traces by the ids that LMS
/// identifies them by (Brightspace's '#' prefix dropped), and its grade items, so the import file names the existing
/// item and keeps its points possible.
/// </summary>
public sealed class LmsRoster
{
    private readonly LmsImportRules _rules;
    private readonly List<(int Column, bool Email)> _keys = [];
    private readonly Dictionary<(int Column, string Key), List<int>> _index = [];

    private LmsRoster(LmsTable table, LmsImportRules rules)
    {
        Table = table;
        _rules = rules;
        foreach (var h in rules.IdentityHeaders.Concat(["Student ID", "Email", "Email address"]).Distinct(StringComparer.OrdinalIgnoreCase))
            if (table.Column(h) is var c and >= 0) _keys.Add((c, h.Contains("mail", StringComparison.OrdinalIgnoreCase)));
        for (var r = 0; r < table.Rows.Count; r++)
            foreach (var (column, _) in _keys)
            {
                var key = rules.Key(table.Rows[r].Cell(column));
                if (key.Length == 0) continue;
                if (!_index.TryGetValue((column, key.ToUpperInvariant()), out var rows)) _index[(column, key.ToUpperInvariant())] = rows = [];
                rows.Add(r);
            }
    }

    public LmsSystem System => _rules.System;

    /// <summary>The export as read.</summary>
    public LmsTable Table { get; }

    /// <summary>Reads the export at <paramref name="path"/> with <paramref name="system"/>'s rules.</summary>
    /// <exception cref="GradebookUpdateException">Unreadable, or no column identifies students.</exception>
    public static LmsRoster Read(string path, LmsSystem system)
    {
        var table = LmsTable.Read(path);
        var rules = LmsImportRules.For(system);
        if (!rules.IdentityHeaders.Any(h => table.Column(h) >= 0))
            throw new GradebookUpdateException(
                $"{path}(1): error: not a {system} gradebook export: expected a column {string.Join(" or ", rules.IdentityHeaders.Select(h => $"'{h}'"))}.");
        return new LmsRoster(table, rules);
    }

    /// <summary>The row <paramref name="student"/> belongs to, or null with the reason: by id, then email, then the email's user part.</summary>
    public (int? Row, string? Reason) Match(Student student)
    {
        var email = student.Email?.Trim() ?? "";
        var user = email.IndexOf('@') is > 0 and var at ? email[..at] : "";
        foreach (var (value, byEmail) in new[] { (student.Id, false), (email, true), (user, false) })
            foreach (var (column, isEmail) in _keys.Where(k => k.Email == byEmail))
            {
                if (value.Trim().Length == 0 || !_index.TryGetValue((column, value.Trim().ToUpperInvariant()), out var rows)) continue;
                if (rows.Count == 1) return (rows[0], null);
                return (null, $"'{value}' matches {rows.Count} rows of the {System} export by {Table.Header[column]} (lines {string.Join(", ", rows.Select(r => Table.Rows[r].Line))}).");
            }
        return (null, $"no row of the {System} export matches student id '{student.Id}'{(email.Length > 0 ? $" or email '{email}'" : "")}.");
    }

    /// <summary>The column of grade item <paramref name="name"/> (its header, title or title prefix), or -1.</summary>
    public int ItemColumn(string name) => _rules.FindItem(Table.Header, name);

    /// <summary>
    /// Before anything is written: the item must be one of the export's, or the LMS would create a new one — refused
    /// unless <paramref name="newAssignment"/>. Without an export, only Blackboard can tell: a header without a Column
    /// ID (<c>|123456</c>) is always a new column.
    /// </summary>
    /// <exception cref="GradebookUpdateException">The import would create a new item.</exception>
    public static void CheckAssignment(LmsSystem system, LmsRoster? roster, string name, bool newAssignment)
    {
        if (newAssignment) return;
        if (roster is not null)
        {
            roster.CheckAssignment(name);
            return;
        }
        if (system == LmsSystem.Blackboard && BlackboardImportRules.Instance.ParseItem(name)?.Id is null)
            throw new GradebookUpdateException(
                $"error: a Blackboard column '{name}' without a Column ID would be uploaded as a new text column worth 0 points. " +
                "Give the Grade Center download with --roster (the column is found by its title), or the whole header with --assignment " +
                "('HW7 [Total Pts: 100 Score] |123456'), or pass --new-assignment if a new column is what you want.");
    }

    private void CheckAssignment(string name)
    {
        if (ItemColumn(name) >= 0) return;
        throw new GradebookUpdateException(
            $"error: the {System} export {Table.Source} has no grade item '{name}' (its grade columns: {string.Join(", ", Table.Header.Where(h => _rules.ParseItem(h) is { Calculated: false } && !_rules.IsDetail(h)).Select(h => $"'{h}'"))}): " +
            $"importing the file would create a new grade item. Name the existing one with --assignment (its title or whole header), or pass --new-assignment if a new item is what you want.");
    }

    /// <summary>
    /// The factor each total is multiplied by so the item's points possible (from its header) stays as it is: 1 when
    /// equal or unknown; the ratio with <paramref name="scaleToPoints"/>; otherwise an error before anything is written.
    /// </summary>
    public double ScaleFor(string name, double rubricMax, bool scaleToPoints)
    {
        var column = ItemColumn(name);
        if (column < 0 || _rules.ParseItem(Table.Header[column])?.Points is not { } possible || possible <= 0 || rubricMax <= 0
            || Math.Abs(possible - rubricMax) < 0.005) return 1;
        if (scaleToPoints) return possible / rubricMax;
        throw new GradebookUpdateException(
            $"error: {System} grade item '{Table.Header[column]}' is worth {possible:0.##} points but the rubric's maximum is {rubricMax:0.##}. " +
            $"Points possible are never changed: pass --scale-to-points to write each total scaled to {possible:0.##}, or fix the rubric or the item.");
    }
}

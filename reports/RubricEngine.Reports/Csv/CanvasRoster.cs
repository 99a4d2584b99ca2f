using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using RubricEngine.Traces;

namespace RubricEngine.Reports.Csv;

/// <summary>
/// The students of a Canvas gradebook export (<c>--roster</c>): the "Points Possible" row and rows without any id
/// are skipped. Matches a trace's student to a row by SIS User ID, SIS Login ID (or its email local part), the
/// email, or the Canvas ID — a key shared by two rows matches neither.
/// </summary>
public sealed partial class CanvasRoster
{
    private readonly Dictionary<string, List<int>> _bySisUserId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<int>> _byLogin = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<int>> _byLoginUser = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<int>> _byCanvasId = new(StringComparer.OrdinalIgnoreCase);

    public CanvasRoster(IReadOnlyList<CanvasRosterRow> rows, IReadOnlyList<string> headers)
    {
        Rows = rows;
        Headers = headers;
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            Index(_bySisUserId, r.SisUserId, i);
            Index(_byLogin, r.SisLoginId, i);
            if (r.SisLoginId.IndexOf('@') is > 0 and var at) Index(_byLoginUser, r.SisLoginId[..at], i);
            Index(_byCanvasId, r.Id, i);
        }
    }

    /// <summary>The student rows, in file order.</summary>
    public IReadOnlyList<CanvasRosterRow> Rows { get; }

    /// <summary>The "Points Possible" row's cells as read, by column (empty when the export has none).</summary>
    public IReadOnlyList<string> PointsPossible { get; init; } = [];

    /// <summary>The header row as read (assignment columns included).</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>Reads a Canvas gradebook export CSV (UTF-8, with or without a byte-order mark).</summary>
    public static CanvasRoster Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        return Parse(reader, path);
    }

    /// <summary>Parses a Canvas gradebook export; <paramref name="source"/> names it in errors.</summary>
    public static CanvasRoster Parse(TextReader reader, string source)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = args => throw new CanvasRosterException(
                $"{source}({args.Context.Parser?.RawRow}): error: malformed CSV (a stray quote?)."),
            DetectColumnCountChanges = false,
        };
        using var csv = new CsvReader(reader, config, leaveOpen: true);
        if (!csv.Read()) throw new CanvasRosterException($"{source}: error: the roster is empty.");
        var headers = csv.Parser.Record!.Select(h => h.Trim()).ToList();
        int Column(string name) => headers.FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        var (student, id, sisUser, sisLogin, section) =
            (Column("Student"), Column("ID"), Column("SIS User ID"), Column("SIS Login ID"), Column("Section"));
        // Canvas's other export layout ("show separate first and last names") has Last Name and First Name instead of Student.
        var (last, first) = (Column("Last Name"), Column("First Name"));
        if (student < 0 && last >= 0 && first >= 0) student = last;
        if (student < 0 || (id < 0 && sisUser < 0 && sisLogin < 0))
            throw new CanvasRosterException(
                $"{source}(1): error: not a Canvas gradebook export: expected the columns Student (or Last Name and First Name) and ID, SIS User ID or SIS Login ID.");

        var rows = new List<CanvasRosterRow>();
        string[] pointsPossible = [];
        var line = csv.Parser.RawRow;
        while (csv.Read())
        {
            var start = line + 1;
            line = csv.Parser.RawRow;
            var record = csv.Parser.Record!;
            string Field(int i) => i >= 0 && i < record.Length ? record[i].Trim() : "";
            var name = student == last && first >= 0 && Field(first).Length > 0 ? $"{Field(last)}, {Field(first)}" : Field(student);
            var row = new CanvasRosterRow(name, Field(id), Field(sisUser), Field(sisLogin), Field(section), start) { Cells = [.. record] };
            if (row.Student.Equals("Points Possible", StringComparison.OrdinalIgnoreCase)) { pointsPossible = [.. record]; continue; }
            if (row.Id.Length == 0 && row.SisUserId.Length == 0 && row.SisLoginId.Length == 0) continue;
            rows.Add(row);
        }
        return new CanvasRoster(rows, headers) { PointsPossible = pointsPossible };
    }

    /// <summary>The Canvas id of assignment <paramref name="name"/> when the roster has its "Name (id)" column.</summary>
    public string? FindAssignmentId(string name)
    {
        foreach (var header in Headers)
        {
            var m = AssignmentColumn().Match(header);
            if (m.Success && string.Equals(m.Groups[1].Value.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase))
                return m.Groups[2].Value;
        }
        return null;
    }

    /// <summary>
    /// Before anything is written: the assignment a Canvas import file is written for must be one of its <c>Title (id)</c> columns (by
    /// title or a prefix of it), or Canvas would import the column as a new graded assignment — refused unless
    /// <paramref name="newAssignment"/>.
    /// </summary>
    /// <exception cref="CanvasRosterException">The roster has no such assignment.</exception>
    public void CheckAssignment(string name, bool newAssignment)
    {
        if (newAssignment || FindAssignmentId(name) is not null) return;
        int found;
        try { found = Gradebook.CanvasImportRules.Instance.FindItem(Headers, name); }
        catch (Gradebook.GradebookUpdateException e) { throw new CanvasRosterException(e.Message); }
        if (found >= 0 || !Gradebook.CanvasImportRules.Instance.WouldBeNewItem(name)) return;
        throw new CanvasRosterException(
            $"error: the Canvas roster has no column for assignment '{name}' (Canvas names them 'Title (id)', e.g. 'HW7 (12345)'): " +
            "Canvas would import the column as a new graded assignment. Name the existing one with --assignment (its title or whole header), " +
            "or pass --new-assignment if a new assignment is what you want.");
    }

    /// <summary>
    /// The factor each score is multiplied by so that Points Possible of assignment <paramref name="name"/> stays as
    /// it is: 1 when it equals <paramref name="rubricMax"/> (or is unknown); the ratio with
    /// <paramref name="scaleToPoints"/>; otherwise an error, before anything is written.
    /// </summary>
    /// <exception cref="CanvasRosterException">Points Possible differs and scaling was not asked for.</exception>
    public double ScaleFor(string name, double rubricMax, bool scaleToPoints)
    {
        var column = FindAssignmentId(name) is { } id ? Headers.ToList().FindIndex(h => string.Equals(h.Trim(), $"{name.Trim()} ({id})", StringComparison.OrdinalIgnoreCase))
            : Gradebook.CanvasImportRules.Instance.FindItem(Headers, name);
        if (column < 0 || column >= PointsPossible.Count) return 1;
        if (!double.TryParse(PointsPossible[column].Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var possible)
            || possible <= 0 || rubricMax <= 0 || Math.Abs(possible - rubricMax) < 0.005) return 1;
        if (scaleToPoints) return possible / rubricMax;
        throw new CanvasRosterException(
            $"error: Canvas assignment '{Headers[column].Trim()}' is worth {possible:0.##} points (Points Possible) but the rubric's maximum is {rubricMax:0.##}. " +
            $"Points Possible is never changed: pass --scale-to-points to write each total scaled to {possible:0.##}, or fix the rubric or the assignment.");
    }

    /// <summary>The row <paramref name="student"/> belongs to, or null with the reason.</summary>
    public (int? Row, string? Reason) Match(Student student)
    {
        var email = student.Email?.Trim() ?? "";
        var emailUser = email.IndexOf('@') is > 0 and var at ? email[..at] : "";
        (Dictionary<string, List<int>> Index, string Key, string What)[] tries =
        [
            (_bySisUserId, student.Id, "SIS User ID"),
            (_byLogin, student.Id, "SIS Login ID"),
            (_byLogin, email, "SIS Login ID"),
            (_byLoginUser, student.Id, "SIS Login ID"),
            (_byLogin, emailUser, "SIS Login ID"),
            (_byCanvasId, student.Id, "ID"),
        ];
        foreach (var (index, key, what) in tries)
        {
            if (string.IsNullOrWhiteSpace(key) || !index.TryGetValue(key.Trim(), out var rows)) continue;
            if (rows.Count == 1) return (rows[0], null);
            return (null, $"'{key}' matches {rows.Count} roster rows by {what} (lines {string.Join(", ", rows.Select(r => Rows[r].Line))}).");
        }
        var emailText = email.Length > 0 ? $" or email '{email}'" : "";
        return (null, $"no roster row matches student id '{student.Id}'{emailText}.");
    }

    private static void Index(Dictionary<string, List<int>> index, string key, int row)
    {
        if (key.Length == 0) return;
        if (!index.TryGetValue(key, out var rows)) index[key] = rows = [];
        rows.Add(row);
    }

    [GeneratedRegex(@"^(.+) \((\d+)\)$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex AssignmentColumn();
}

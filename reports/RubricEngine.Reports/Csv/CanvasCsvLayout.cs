using CsvHelper;
using RubricEngine.Grading;

namespace RubricEngine.Reports.Csv;

/// <summary>
/// The columns of a Canvas gradebook export, so Canvas's "Import" takes the file: Student, ID, SIS User ID,
/// SIS Login ID, Section, "Assignment (id)", with the "Points Possible" row second. With a roster, every roster row
/// is written in roster order (an empty score when the student has no trace); traces no row matches are returned in
/// <see cref="Unmatched"/>, not written. Without one, a row per trace (SIS User ID = student id, login = email).
/// The score is the only cell, so a trace with a criterion that was not graded gets an empty score, never a partial
/// total that Canvas would show as the grade; the reason is in <see cref="CsvGradeSink.NotGraded"/>.
/// </summary>
internal sealed class CanvasCsvLayout(CsvExportOptions options) : ICsvLayout
{
    private const string PointsPossible = "    Points Possible"; // Canvas indents it by four spaces
    private readonly CanvasRoster? _roster = options.Roster;
    private readonly List<UnmatchedStudent> _unmatched = [];
    private readonly Dictionary<int, (double? Score, string File)> _scores = [];
    private int _column = -1;

    public IReadOnlyList<UnmatchedStudent> Unmatched => _unmatched;

    public void WriteHeader(CsvWriter csv, ReportContext context)
    {
        var name = options.AssignmentName ?? context.Rubric.Title;
        var id = options.AssignmentId ?? _roster?.FindAssignmentId(name);
        foreach (var h in new[] { "Student", "ID", "SIS User ID", "SIS Login ID", "Section" }) csv.WriteField(h);
        var existing = _roster is null || id is not null ? -1 : Gradebook.CanvasImportRules.Instance.FindItem(_roster.Headers, name);
        var header = existing >= 0 ? _roster!.Headers[existing].Trim() : id is null ? name : $"{name} ({id})";
        csv.Header(header);
        _column = _roster?.Headers.ToList().FindIndex(h => string.Equals(h.Trim(), header, StringComparison.OrdinalIgnoreCase)) ?? -1;
        csv.NextRecord();

        csv.WriteField(PointsPossible);
        for (var i = 0; i < 4; i++) csv.WriteField("");
        // Points Possible of an existing assignment is written back as the roster has it, never changed.
        var possible = _column >= 0 && _roster is not null && _column < _roster.PointsPossible.Count ? _roster.PointsPossible[_column].Trim() : "";
        if (possible.Length > 0) csv.Text(possible);
        else csv.Number(context.Rules.Sum(r => r.Points));
        csv.NextRecord();
    }

    public void WriteGrade(CsvWriter csv, TraceGrade grade)
    {
        var s = grade.Student;
        if (_roster is null)
        {
            csv.Text(s.Name ?? s.Id);
            csv.WriteField("");
            csv.Text(s.Id);
            csv.Text(s.Email);
            csv.WriteField("");
            csv.Number(ScoreOf(grade));
            csv.NextRecord();
            return;
        }

        var (row, reason) = _roster.Match(s);
        if (row is not { } r)
        {
            _unmatched.Add(new UnmatchedStudent(s.Id, s.Name, s.Email, grade.File, reason!));
        }
        else if (_scores.TryGetValue(r, out var earlier))
        {
            _unmatched.Add(new UnmatchedStudent(s.Id, s.Name, s.Email, grade.File,
                $"roster row of '{_roster.Rows[r].Student}' (line {_roster.Rows[r].Line}) already has the grade of {earlier.File}; this trace was not written."));
        }
        else
        {
            _scores[r] = (ScoreOf(grade), grade.File);
        }
    }

    public void Complete(CsvWriter csv)
    {
        if (_roster is null) return;
        for (var i = 0; i < _roster.Rows.Count; i++)
        {
            var row = _roster.Rows[i];
            csv.Text(row.Student);
            csv.Text(row.Id);
            csv.Text(row.SisUserId);
            csv.Text(row.SisLoginId);
            csv.Text(row.Section);
            var has = _scores.TryGetValue(i, out var score);
            var existing = _column >= 0 && _column < row.Cells.Count ? row.Cells[_column].Trim() : "";
            if (Gradebook.CanvasImportRules.Instance.IsMarker(existing))
            {
                // EX (excused) and Canvas's other non-numeric marks are the instructor's: written back as they were.
                csv.Text(existing);
                if (has)
                    _unmatched.Add(new UnmatchedStudent(row.SisUserId, row.Student, null, score.File,
                        $"kept '{existing}' for '{row.Student}' (roster line {row.Line}) instead of the computed {(score.Score is { } v ? v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : "(not graded)")}: Canvas reads it as a mark, not a score."));
            }
            else csv.Number(has ? score.Score : null);
            csv.NextRecord();
        }
    }

    private double? ScoreOf(TraceGrade grade) =>
        grade.IsPartial() ? null : Math.Round(grade.Total * options.Scale, 2, MidpointRounding.AwayFromZero);
}

using System.Globalization;
using CsvHelper;
using RubricEngine.Grading;
using RubricEngine.Reports.Gradebook;

namespace RubricEngine.Reports.Csv;

/// <summary>
/// A native import file for Moodle, Blackboard or Brightspace, written by that LMS's import rules
/// (<see cref="LmsImportRules"/>): its identity columns, the grade item's column, and the trailer the LMS needs
/// (Brightspace's End-of-Line Indicator). Only students with a complete total get a row — an empty cell is "no grade"
/// to Moodle and a partial total would read as the grade. With an export (<see cref="CsvExportOptions.LmsRoster"/>), rows
/// follow its order and copy its identity cells, the column is its existing item's header, and a cell the export marks
/// with something other than a score is left out of the file and reported.
/// </summary>
internal sealed class LmsCsvLayout(LmsImportRules rules, CsvExportOptions options) : ICsvLayout
{
    private readonly LmsRoster? _roster = options.LmsRoster;
    private readonly List<UnmatchedStudent> _unmatched = [];
    private readonly List<(int? RosterRow, TraceGrade Grade, double Score)> _rows = [];
    private readonly Dictionary<string, string> _taken = new(StringComparer.OrdinalIgnoreCase);
    private int _column = -1;

    public IReadOnlyList<UnmatchedStudent> Unmatched => _unmatched;

    public void WriteHeader(CsvWriter csv, ReportContext context)
    {
        var name = options.AssignmentName ?? context.Rubric.Title;
        _column = _roster?.ItemColumn(name) ?? -1;
        var header = _column >= 0 ? _roster!.Table.Header[_column] : rules.NewItemHeader(name);
        foreach (var h in IdentityHeaders()) csv.WriteField(h);
        csv.Header(header);
        foreach (var (h, _) in rules.NativeTrailer) csv.WriteField(h);
        csv.NextRecord();
    }

    public void WriteGrade(CsvWriter csv, TraceGrade grade)
    {
        if (grade.IsPartial()) return; // reported by the sink: the score is not written
        var s = grade.Student;
        int? row = null;
        string key;
        if (_roster is not null)
        {
            var (r, reason) = _roster.Match(s);
            if (r is null)
            {
                _unmatched.Add(new UnmatchedStudent(s.Id, s.Name, s.Email, grade.File, reason!));
                return;
            }
            row = r;
            key = r.Value.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            key = s.Id;
        }
        if (_taken.TryGetValue(key, out var earlier))
        {
            _unmatched.Add(new UnmatchedStudent(s.Id, s.Name, s.Email, grade.File,
                $"the {rules.System} row of '{s.Id}' already has the grade of {earlier}; this trace was not written."));
            return;
        }
        _taken[key] = grade.File;
        _rows.Add((row, grade, Math.Round(grade.Total * options.Scale, 2, MidpointRounding.AwayFromZero)));
    }

    public void Complete(CsvWriter csv)
    {
        var headers = IdentityHeaders();
        foreach (var (row, grade, score) in _roster is null ? _rows : _rows.OrderBy(r => r.RosterRow).ToList())
        {
            var exported = row is { } r ? _roster!.Table.Rows[r] : null;
            var existing = exported?.Cell(_column).Trim() ?? "";
            if (_column >= 0 && rules.IsMarker(existing))
            {
                // A mark the LMS gave (Complete, a letter, a symbol) is a person's decision: not replaced.
                _unmatched.Add(new UnmatchedStudent(grade.Student.Id, grade.Student.Name, grade.Student.Email, grade.File,
                    $"kept '{existing}' for '{grade.Student.Id}' (export line {exported!.Line}) instead of the computed {CsvCells.Format(score)}: {rules.System} reads it as a mark, not a score; the row was left out."));
                continue;
            }
            foreach (var h in headers)
                csv.Text(exported is not null && _roster!.Table.Column(h) is var c and >= 0 ? exported.Cell(c) : rules.NativeIdentity(h, grade.Student));
            csv.Number(score);
            foreach (var (_, value) in rules.NativeTrailer) csv.WriteField(value);
            csv.NextRecord();
        }
    }

    /// <summary>The identity columns written: those the export has, or those that are not left out without one.</summary>
    private List<string> IdentityHeaders() =>
        rules.NativeIdentityHeaders.Where(h => _roster?.Table.Column(h) >= 0 || rules.NativeIdentity(h, new Traces.Student("")) is not null).ToList();
}

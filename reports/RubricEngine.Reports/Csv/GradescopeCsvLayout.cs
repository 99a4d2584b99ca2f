using CsvHelper;
using RubricEngine.Grading;
using RubricEngine.Segmentation;

namespace RubricEngine.Reports.Csv;

/// <summary>
/// A Gradescope score sheet: First Name, Last Name, SID, Email, Total Score, then one column per question
/// ("3.b.i: First-order optimality conditions (2 pts)", the sum of its criteria) and one per trace-wide rule.
/// A question with a criterion that was not graded is an empty cell, and so is the Total Score of that trace:
/// Gradescope would show a partial sum as the grade. Gradescope identifies a student by a unique email
/// (<see cref="Gradebook.GradescopeImportRules"/>): a trace without an email, or with the email of a row already
/// written, gets no row and is reported in <see cref="Unmatched"/>.
/// </summary>
internal sealed class GradescopeCsvLayout : ICsvLayout
{
    private readonly List<(string Header, HashSet<string> RuleIds)> _columns = [];
    private readonly List<UnmatchedStudent> _unmatched = [];
    private readonly Dictionary<string, string> _emails = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<UnmatchedStudent> Unmatched => _unmatched;

    public void WriteHeader(CsvWriter csv, ReportContext context)
    {
        var enabled = context.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var questions = context.Rubric.Questions.Select(q => q.Path)
            .Concat(context.Rubric.Criteria.Select(c => c.Question))
            .Distinct()
            .ToList();
        foreach (var path in questions)
        {
            var rules = context.Rubric.Criteria.Where(c => c.Question == path && enabled.Contains(c.Rule.Id)).Select(c => c.Rule).ToList();
            if (rules.Count == 0) continue;
            var title = context.Rubric.Questions.FirstOrDefault(q => q.Path == path)?.Title;
            _columns.Add((Column(path.Value, title, rules.Sum(r => r.Points)), rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal)));
        }
        foreach (var rule in context.Rubric.CustomRules.Select(r => r.Rule).Where(r => enabled.Contains(r.Id)))
            _columns.Add((Column(rule.Id, rule.Title, rule.Points), [rule.Id]));

        foreach (var h in new[] { "First Name", "Last Name", "SID", "Email", "Total Score" }) csv.WriteField(h);
        foreach (var (header, _) in _columns) csv.Header(header);
        csv.NextRecord();
    }

    public void WriteGrade(CsvWriter csv, TraceGrade grade)
    {
        var s = grade.Student;
        var email = s.Email?.Trim() ?? "";
        if (email.Length == 0 || _emails.TryGetValue(email, out _))
        {
            _unmatched.Add(new UnmatchedStudent(s.Id, s.Name, s.Email, grade.File, email.Length == 0
                ? $"'{s.Id}' has no email, which is how Gradescope identifies a student; this trace was not written (give emails with --students)."
                : $"the Gradescope row of {email} already has the grade of {_emails[email]}; this trace was not written."));
            return;
        }
        _emails[email] = grade.File;
        var (first, last) = Gradebook.PersonName.Split(grade.Student.Name);
        csv.Text(first);
        csv.Text(last);
        csv.Text(grade.Student.Id);
        csv.Text(grade.Student.Email);
        csv.Number(grade.IsPartial() ? null : grade.Total);
        foreach (var (_, ids) in _columns)
        {
            var graded = grade.Criteria.Where(c => ids.Contains(c.Rule.Id)).ToList();
            csv.Number(graded.Count == 0 || graded.Any(c => c.IsNotGraded()) ? null : graded.Sum(c => c.Points));
        }
        csv.NextRecord();
    }

    public void Complete(CsvWriter csv)
    {
    }

    private static string Column(string key, string? title, double points) =>
        $"{key}{(string.IsNullOrWhiteSpace(title) ? "" : ": " + title)} ({CsvCells.Format(points)} pts)";
}

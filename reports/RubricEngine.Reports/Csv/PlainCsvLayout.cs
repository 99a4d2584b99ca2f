using CsvHelper;
using RubricEngine.Grading;
using RubricEngine.Rubrics;

namespace RubricEngine.Reports.Csv;

/// <summary>
/// Everything, one row per trace: id, name, email, file, then for each enabled rule "&lt;id&gt; points",
/// "&lt;id&gt; comment", "&lt;id&gt; override", then total, max, percent (0–100, two decimals) and graded.
/// A criterion that was not graded has empty points and "Not graded: …" as its comment; its row's total is the sum
/// of what was graded, percent is empty and graded says "12 of 14 points graded (HW7-05 not graded)".
/// </summary>
internal sealed class PlainCsvLayout : ICsvLayout
{
    private IReadOnlyList<RuleDescriptor> _rules = [];

    public IReadOnlyList<UnmatchedStudent> Unmatched => [];

    public void WriteHeader(CsvWriter csv, ReportContext context)
    {
        _rules = context.Rules;
        foreach (var h in new[] { "id", "name", "email", "file" }) csv.WriteField(h);
        foreach (var rule in _rules)
        {
            csv.Header($"{rule.Id} points");
            csv.Header($"{rule.Id} comment");
            csv.Header($"{rule.Id} override");
        }
        foreach (var h in new[] { "total", "max", "percent", "graded" }) csv.WriteField(h);
        csv.NextRecord();
    }

    public void WriteGrade(CsvWriter csv, TraceGrade grade)
    {
        csv.Text(grade.Student.Id);
        csv.Text(grade.Student.Name);
        csv.Text(grade.Student.Email);
        csv.Text(grade.File);
        foreach (var rule in _rules)
        {
            var c = grade.Criteria.FirstOrDefault(x => x.Rule.Id == rule.Id);
            csv.Number(c?.GradedPoints());
            csv.Text(c?.CommentText());
            csv.Text(c?.Override);
        }
        csv.Number(grade.Total);
        csv.Number(grade.Max);
        csv.Number(grade.IsPartial() ? null : Math.Round(grade.Fraction * 100, 2, MidpointRounding.AwayFromZero));
        csv.Text(grade.PartialText());
        csv.NextRecord();
    }

    public void Complete(CsvWriter csv)
    {
    }
}

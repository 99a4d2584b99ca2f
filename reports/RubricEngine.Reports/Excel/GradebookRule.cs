using System.Globalization;
using RubricEngine.Grading;
using RubricEngine.Rubrics;
using RubricEngine.Segmentation;

namespace RubricEngine.Reports.Excel;

/// <summary>A column of the gradebook: a rule and the question it grades (null for a trace-wide rule).</summary>
public sealed record GradebookRule(RuleDescriptor Rule, QuestionPath? Question)
{
    /// <summary>The column header: <c>HW7-01 Derivation shown (2)</c>.</summary>
    public string Header => $"{Rule.Id} {Rule.Title} ({FormatPoints(Rule.Points)})";

    /// <summary>Points as a TA writes them: 2, 1.5, 0.25.</summary>
    public static string FormatPoints(double points) => points.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The enabled rules of <paramref name="rubric"/>, in the order it declared them.</summary>
    public static IReadOnlyList<GradebookRule> From(RubricDefinition rubric) =>
        rubric.Criteria.Select(c => new GradebookRule(c.Rule, c.Question))
            .Concat(rubric.CustomRules.Select(r => new GradebookRule(r.Rule, null)))
            .Where(r => r.Rule.IsActive)
            .ToList();

    /// <summary>
    /// The columns to write: <paramref name="rules"/> in order, then any rule the grades hold that the list lacks
    /// (first seen first), so no graded criterion is ever dropped. Ids are unique.
    /// </summary>
    public static IReadOnlyList<GradebookRule> Columns(IEnumerable<GradebookRule> rules, IEnumerable<TraceGrade> grades)
    {
        var columns = new List<GradebookRule>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules)
            if (seen.Add(rule.Rule.Id)) columns.Add(rule);
        foreach (var grade in grades)
            foreach (var c in grade.Criteria)
                if (seen.Add(c.Rule.Id)) columns.Add(new GradebookRule(c.Rule, c.Question));
        return columns;
    }
}

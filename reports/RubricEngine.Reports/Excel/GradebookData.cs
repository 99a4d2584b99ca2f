using RubricEngine.Grading;

namespace RubricEngine.Reports.Excel;

/// <summary>What every sheet reads: the columns, the grades and, per grade, its results by rule id.</summary>
internal sealed class GradebookData
{
    public GradebookData(IReadOnlyList<GradebookRule> rules, IReadOnlyList<TraceGrade> grades, RunInfo run, ExcelGradebookOptions options)
    {
        Rules = GradebookRule.Columns(rules, grades);
        Grades = grades;
        Run = run;
        Options = options;
        var results = new Dictionary<string, CriterionResult>[grades.Count];
        for (var i = 0; i < grades.Count; i++)
        {
            var byId = new Dictionary<string, CriterionResult>(grades[i].Criteria.Count, StringComparer.Ordinal);
            foreach (var c in grades[i].Criteria) byId.TryAdd(c.Rule.Id, c);
            results[i] = byId;
        }
        Results = results;
    }

    public IReadOnlyList<GradebookRule> Rules { get; }
    public IReadOnlyList<TraceGrade> Grades { get; }
    public RunInfo Run { get; }
    public ExcelGradebookOptions Options { get; }

    /// <summary>Per grade (same index), its criterion results by rule id.</summary>
    public IReadOnlyList<Dictionary<string, CriterionResult>> Results { get; }

    public CriterionResult? Result(int grade, string ruleId) => Results[grade].GetValueOrDefault(ruleId);
}

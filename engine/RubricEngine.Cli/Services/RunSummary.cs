using System.Globalization;
using RubricEngine.Grading;
using RubricEngine.Rubrics;
using RubricEngine.Traces;
using Spectre.Console;

namespace RubricEngine.Cli.Services;

/// <summary>
/// Running totals per criterion for the closing table (mean points, pass rate) and per question (how many traces
/// answered it), without keeping grades.
/// </summary>
internal sealed class RunSummary(RubricDefinition rubric)
{
    // Below this share of traces, a question's answers are so rare that its id is more likely wrong than the class.
    private const double RarelyAnswered = 0.05;

    private readonly Dictionary<string, (double Points, int Passed, int Errors, int Count)> _byRule = new(StringComparer.Ordinal);
    private readonly Dictionary<RubricEngine.Segmentation.QuestionPath, int> _answered = new();

    public int Count { get; private set; }

    public void Add(TraceGrade grade)
    {
        Count++;
        foreach (var q in grade.Criteria.Where(c => c.Question is not null && c.Attempts > 0).Select(c => c.Question!).Distinct())
            _answered[q] = _answered.GetValueOrDefault(q) + 1;
        foreach (var c in grade.Criteria)
        {
            var s = _byRule.GetValueOrDefault(c.Rule.Id);
            _byRule[c.Rule.Id] = (s.Points + c.Points, s.Passed + (c.LostPoints ? 0 : 1), s.Errors + (c.IsError ? 1 : 0), s.Count + 1);
        }
    }

    /// <summary>
    /// One warning per graded question that no trace (or under 5% of them) answered: a wrong id in the rubric gives
    /// every student a zero, so it is said once for the run rather than once per student.
    /// </summary>
    public IReadOnlyList<string> CoverageWarnings()
    {
        var warnings = new List<string>();
        if (Count == 0) return warnings;
        var graded = rubric.Criteria.Select(c => c.Question).Distinct();
        foreach (var q in graded)
        {
            var answered = _answered.GetValueOrDefault(q);
            if (answered > 0 && answered >= RarelyAnswered * Count) continue;
            var hint = answered == 0 ? "is the id right?" : "is the id right, or do few students reach it?";
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"question {q.Value}: answered in {answered} of {Count} {(Count == 1 ? "trace" : "traces")} — {hint} ('rubric show <trace> --rubric …' shows what each trace answers)"));
        }
        return warnings;
    }

    /// <summary>The closing table (unless <paramref name="table"/> is false) and the closing line.</summary>
    public void Print(IAnsiConsole console, int failedTraces, IReadOnlyList<SkippedFile>? skipped = null, bool table = true)
    {
        if (table) PrintTable(console);
        console.WriteLine(ClosingLine(Count, failedTraces, skipped ?? []));
    }

    private void PrintTable(IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Rule").AddColumn("Title").AddColumn(new TableColumn("Max").RightAligned())
            .AddColumn(new TableColumn("Mean").RightAligned()).AddColumn(new TableColumn("Pass rate").RightAligned())
            .AddColumn(new TableColumn("Errors").RightAligned());
        foreach (var rule in rubric.Rules)
        {
            if (!_byRule.TryGetValue(rule.Id, out var s) || s.Count == 0) continue;
            table.AddRow(
                Markup.Escape(rule.Id), Markup.Escape(rule.Title), F(rule.Points), F(s.Points / s.Count),
                ((double)s.Passed / s.Count).ToString("P0", CultureInfo.InvariantCulture), s.Errors.ToString(CultureInfo.InvariantCulture));
        }
        console.Write(table);
    }

    /// <summary>
    /// "13 traces graded, 1 could not be graded, 2 files skipped (companion files of a ChatGPT export)." The kinds of
    /// skipped files are named, with counts when there are several kinds, and files that might be traces are called
    /// out, so a skipped trace is never silent.
    /// </summary>
    public static string ClosingLine(int graded, int failedTraces, IReadOnlyList<SkippedFile> skipped)
    {
        var line = $"{graded} {(graded == 1 ? "trace" : "traces")} graded, {failedTraces} could not be graded";
        if (skipped.Count == 0) return line + ".";
        var kinds = skipped.GroupBy(s => s.Kind).OrderBy(g => g.First().MightBeTrace)
            .Select(g => (Count: g.Count(), Text: g.Count() == 1 ? g.Key : g.First().Kinds)).ToArray();
        var what = kinds.Length == 1 ? kinds[0].Text : string.Join(", ", kinds.Select(k => $"{k.Count} {k.Text}"));
        line += $", {skipped.Count} {(skipped.Count == 1 ? "file" : "files")} skipped ({what})";
        if (skipped.Any(s => s.MightBeTrace)) line += "; see the warnings above";
        return line + ".";
    }

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}

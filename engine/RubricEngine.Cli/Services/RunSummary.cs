using System.Globalization;
using RubricEngine.Grading;
using RubricEngine.Rubrics;
using RubricEngine.Traces;
using Spectre.Console;

namespace RubricEngine.Cli.Services;

/// <summary>Running totals per criterion for the closing table: mean points and pass rate, without keeping grades.</summary>
public sealed class RunSummary(RubricDefinition rubric)
{
    private readonly Dictionary<string, (double Points, int Passed, int Errors, int Count)> _byRule = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    public void Add(TraceGrade grade)
    {
        Count++;
        foreach (var c in grade.Criteria)
        {
            var s = _byRule.GetValueOrDefault(c.Rule.Id);
            _byRule[c.Rule.Id] = (s.Points + c.Points, s.Passed + (c.LostPoints ? 0 : 1), s.Errors + (c.IsError ? 1 : 0), s.Count + 1);
        }
    }

    public void Print(IAnsiConsole console, int failedTraces, IReadOnlyList<SkippedFile>? skipped = null)
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
        console.WriteLine(ClosingLine(Count, failedTraces, skipped ?? []));
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

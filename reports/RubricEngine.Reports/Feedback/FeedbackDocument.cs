using System.Globalization;
using System.Text;
using RubricEngine.Grading;
using RubricEngine.Rubrics;
using RubricEngine.Segmentation;

namespace RubricEngine.Reports.Feedback;

/// <summary>
/// One student's feedback as Markdown: title, total, then per question its criteria with points, the comment, any
/// staff adjustment, and for each finding of the graded attempt that cost points or warns: the message, where it is
/// (message number counted from 0 as in the trace, line and column within that message) and the quoted excerpt.
/// All trace text is escaped with <see cref="MarkdownText"/>.
/// </summary>
public static class FeedbackDocument
{
    /// <summary>Renders <paramref name="grade"/>'s feedback.</summary>
    public static string Render(ReportContext context, TraceGrade grade)
    {
        var md = new StringBuilder();
        var s = grade.Student;
        var who = string.IsNullOrWhiteSpace(s.Name) ? s.Id : $"{s.Name} ({s.Id})";
        md.Append("# ").Append(MarkdownText.Inline(context.Rubric.Title)).Append(" — feedback for ").Append(MarkdownText.Inline(who)).Append('\n').Append('\n');
        if (grade.IsPartial())
            md.Append("**Total so far: ").Append(Points(grade.Total)).Append(" — ").Append(MarkdownText.Inline(grade.PartialText()))
                .Append("; course staff will grade the rest.**\n\n");
        else
            md.Append("**Total: ").Append(Points(grade.Total)).Append(" / ").Append(Points(grade.Max))
                .Append(string.Create(CultureInfo.InvariantCulture, $" ({grade.Fraction * 100:0.#}%)**")).Append('\n').Append('\n');
        md.Append("Graded from `").Append(CodeSpan(grade.File)).Append("`.\n");

        var questionTitles = context.Rubric.Questions.ToDictionary(q => q.Path, q => q.Title);
        var order = context.Rubric.Questions.Select(q => q.Path).ToList();
        var groups = grade.Criteria
            .GroupBy(c => c.Question)
            .OrderBy(g => g.Key is null ? int.MaxValue : order.IndexOf(g.Key) is var i and >= 0 ? i : int.MaxValue - 1)
            .ThenBy(g => g.Key?.Value, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            md.Append('\n');
            var earned = group.Sum(c => c.Points); // not graded adds nothing; its heading says "not graded yet"
            var max = group.Sum(c => c.MaxPoints);
            if (group.Key is { } q)
            {
                questionTitles.TryGetValue(q, out var title);
                md.Append("## Question ").Append(MarkdownText.Inline(q.Value));
                if (!string.IsNullOrWhiteSpace(title)) md.Append(" — ").Append(MarkdownText.Inline(title));
            }
            else
            {
                md.Append("## Whole conversation");
            }
            md.Append(" (").Append(Points(earned)).Append(" / ").Append(Points(max)).Append(")\n");
            foreach (var criterion in group) AppendCriterion(md, criterion);
        }
        return md.ToString();
    }

    private static void AppendCriterion(StringBuilder md, CriterionResult c)
    {
        md.Append('\n').Append("### ").Append(MarkdownText.Inline(c.Rule.Id)).Append(' ').Append(MarkdownText.Inline(c.Rule.Title))
            .Append(": ").Append(c.IsNotGraded() ? "not graded yet" : Points(c.Points)).Append(" / ").Append(Points(c.MaxPoints)).Append('\n');
        if (!string.IsNullOrWhiteSpace(c.Comment)) md.Append('\n').Append(MarkdownText.Inline(c.Comment)).Append('\n');
        if (c.Override is { } adjusted) md.Append('\n').Append("*Adjusted by course staff: ").Append(MarkdownText.Inline(adjusted)).Append("*\n");

        var shown = c.Findings.Where(f => f.IsGradedAttempt && (f.PointsLost > 0 || f.Severity >= Severity.Warning)).ToList();
        if (shown.Count == 0) return;
        md.Append('\n');
        foreach (var f in shown)
        {
            md.Append("- ").Append(MarkdownText.Inline(f.Message));
            var where = Where(f);
            if (where.Length > 0) md.Append(" (").Append(where).Append(')');
            if (f.PointsLost > 0 && !c.IsNotGraded()) md.Append(" — −").Append(Points(f.PointsLost)).Append(f.PointsLost == 1 ? " point" : " points");
            if (f.Suppression is { } waived) md.Append(" — waived: ").Append(MarkdownText.Inline(waived));
            md.Append('\n');
            if (!string.IsNullOrWhiteSpace(f.Excerpt)) md.Append("  ").Append(MarkdownText.Quote(f.Excerpt)).Append('\n');
        }
    }

    private static string Where(Finding f)
    {
        var parts = new List<string>();
        if (f.Location is { } l)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"message {l.MessageIndex}, line {l.Start.Line}, column {l.Start.Column}"));
        }
        if (f.Attempt is { } a) parts.Add(string.Create(CultureInfo.InvariantCulture, $"attempt {a}"));
        return string.Join(", ", parts);
    }

    private static string Points(double value) =>
        Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);

    // A file path inside a code span: backticks would close it, so they are replaced.
    private static string CodeSpan(string text) => Safety.ReportText.OneSafeLine(text).Replace('`', '\'');
}

namespace RubricEngine.Reports.Excel;

/// <summary>
/// Each trace that could not be graded, then each criterion that could not be graded on a trace (its rule threw or
/// timed out), then each file that was skipped: file, place and reason, so nothing is silently lost.
/// </summary>
internal static class ErrorsSheet
{
    public const string Name = "Errors";

    public static SheetWriter Create(GradebookData data)
    {
        var w = new SheetWriter(Name, ["File", "Place", "Reason"], data.Options.MaxColumnWidth);
        w.Wrap(1, 48);
        w.Wrap(3, 60);
        if (data.Run.Errors.Count > 0 || data.Run.Skipped.Any(s => s.MightBeTrace) || data.Grades.Any(g => g.IsPartial())) w.TabColor = "FFC00000";
        return w;
    }

    public static IEnumerable<SheetCell[]> Rows(GradebookData data) =>
        data.Run.Errors.Select(e => new[] { SheetCell.Of(e.File), SheetCell.Of(Place(e)), SheetCell.Of(e.Reason) })
            .Concat(data.Grades.SelectMany(g => g.Criteria.Where(c => c.IsNotGraded()).Select(c => new[]
            {
                SheetCell.Of(g.File),
                SheetCell.Of($"{c.Rule.Id}{(c.Question is { } q ? $" (question {q})" : "")}, student {g.Student.Id}"),
                SheetCell.Of(c.CommentText()),
            })))
            .Concat(data.Run.Skipped.Select(s => new[]
            {
                SheetCell.Of(s.File), SheetCell.Of(s.MightBeTrace ? "skipped (might be a trace)" : "skipped"), SheetCell.Of(s.Reason),
            }));

    private static string Place(Traces.TraceError e)
    {
        var where = e.Line is { } l ? $"line {l}, column {e.Column ?? 1}" : "";
        return string.IsNullOrEmpty(e.JsonPath) ? where : where.Length == 0 ? e.JsonPath : $"{e.JsonPath} ({where})";
    }
}

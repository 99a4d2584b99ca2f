using System.Globalization;

namespace RubricEngine.Reports.Excel;

/// <summary>What produced the workbook: rubric and its SHA-256, engine version, times, counts and options.</summary>
internal static class RunSheet
{
    public const string Name = "Run";

    public static SheetWriter Create(GradebookData data)
    {
        var w = new SheetWriter(Name, ["Key", "Value"], data.Options.MaxColumnWidth + 20);
        w.Wrap(2, 80);
        w.Align(2, GradebookStyles.LeftWrapped);
        return w;
    }

    public static IEnumerable<SheetCell[]> Rows(GradebookData data)
    {
        var run = data.Run;
        static SheetCell[] Text(string key, string? value) => [SheetCell.Of(key), SheetCell.Of(value)];
        static SheetCell[] Number(string key, double value) => [SheetCell.Of(key), SheetCell.Of(value)];

        yield return Text("Rubric", run.RubricPath);
        yield return Text("Rubric title", run.RubricTitle);
        yield return Text("Rubric SHA-256", run.RubricSha256);
        yield return Text("Engine version", run.EngineVersion);
        yield return Text("Started", run.Started.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
        yield return Text("Finished", run.Finished.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
        yield return Number("Duration (s)", Math.Round((run.Finished - run.Started).TotalSeconds, 3));
        yield return Number("Traces graded", run.TracesGraded);
        yield return Number("Traces failed", run.Errors.Count);
        yield return Number("Files skipped", run.Skipped.Count);
        foreach (var (key, value) in run.Options.OrderBy(o => o.Key, StringComparer.Ordinal))
            yield return Text("option: " + key, value);
        // Numbered: the sheet is a key/value list whose keys stay unique.
        for (var i = 0; i < run.Warnings.Count; i++)
            yield return Text(run.Warnings.Count == 1 ? "warning" : $"warning {i + 1}", run.Warnings[i]);
    }
}

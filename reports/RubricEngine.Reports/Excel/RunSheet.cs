using System.Globalization;
using ClosedXML.Excel;

namespace RubricEngine.Reports.Excel;

/// <summary>What produced the workbook: rubric and its SHA-256, engine version, times, counts and options.</summary>
internal static class RunSheet
{
    public const string Name = "Run";

    public static void Add(XLWorkbook workbook, GradebookData data)
    {
        var run = data.Run;
        var sheet = workbook.Worksheets.Add(Name);
        var w = new SheetWriter(sheet, ["Key", "Value"], data.Options.MaxColumnWidth + 20);
        w.Wrap(2, 80);
        var row = 1;
        void Text(string key, string? value) { row++; w.Text(row, 1, key); w.Text(row, 2, value); }
        void Number(string key, double value) { row++; w.Text(row, 1, key); w.Number(row, 2, value); }

        Text("Rubric", run.RubricPath);
        Text("Rubric title", run.RubricTitle);
        Text("Rubric SHA-256", run.RubricSha256);
        Text("Engine version", run.EngineVersion);
        Text("Started", run.Started.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
        Text("Finished", run.Finished.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
        Number("Duration (s)", Math.Round((run.Finished - run.Started).TotalSeconds, 3));
        Number("Traces graded", run.TracesGraded);
        Number("Traces failed", run.Errors.Count);
        foreach (var (key, value) in run.Options.OrderBy(o => o.Key, StringComparer.Ordinal))
            Text("option: " + key, value);
        sheet.Column(2).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
        w.Finish(row);
    }
}

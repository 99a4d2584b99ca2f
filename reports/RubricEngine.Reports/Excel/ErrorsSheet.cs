using ClosedXML.Excel;

namespace RubricEngine.Reports.Excel;

/// <summary>Each trace that could not be graded: file, place and reason, so nothing is silently lost.</summary>
internal static class ErrorsSheet
{
    public const string Name = "Errors";

    public static void Add(XLWorkbook workbook, GradebookData data)
    {
        var sheet = workbook.Worksheets.Add(Name);
        var w = new SheetWriter(sheet, ["File", "Place", "Reason"], data.Options.MaxColumnWidth);
        w.Wrap(1, 48);
        w.Wrap(3, 60);
        var row = 1;
        foreach (var e in data.Run.Errors)
        {
            row++;
            w.Text(row, 1, e.File);
            w.Text(row, 2, Place(e));
            w.Text(row, 3, e.Reason);
        }
        if (row > 1) sheet.TabColor = XLColor.FromHtml("#C00000");
        w.Finish(row);
    }

    private static string Place(Traces.TraceError e)
    {
        var where = e.Line is { } l ? $"line {l}, column {e.Column ?? 1}" : "";
        return string.IsNullOrEmpty(e.JsonPath) ? where : where.Length == 0 ? e.JsonPath : $"{e.JsonPath} ({where})";
    }
}

using ClosedXML.Excel;

namespace RubricEngine.Reports.Excel;

/// <summary>
/// The import-ready sheet: one row per trace with points per criterion, total, max and percent. Lost points are
/// coloured by a conditional format and explained in a note; criteria that could not be graded are marked.
/// </summary>
internal static class GradesSheet
{
    public const string Name = "Grades";
    public const int FirstCriterionColumn = 4;

    /// <summary>Fill of a criterion cell that lost points.</summary>
    public static readonly XLColor LostFill = XLColor.FromHtml("#F8CBAD");

    /// <summary>Font colour of a criterion that could not be graded.</summary>
    public static readonly XLColor ErrorFont = XLColor.FromHtml("#C00000");

    /// <summary>
    /// Points as 2.0, 0.33, 1.5: "0.##" would print a bare "2." in Excel, and "General" prints 0.333333333.
    /// </summary>
    public const string PointsFormat = "0.0#";

    public static void Add(XLWorkbook workbook, GradebookData data)
    {
        var sheet = workbook.Worksheets.Add(Name);
        var headers = new List<string> { "Student ID", "Name", "Email" };
        headers.AddRange(data.Rules.Select(r => r.Header));
        headers.AddRange(["Total", "Max", "Percent"]);
        var w = new SheetWriter(sheet, headers, data.Options.MaxColumnWidth);
        var totalColumn = FirstCriterionColumn + data.Rules.Count;

        for (var i = 0; i < data.Grades.Count; i++)
        {
            var grade = data.Grades[i];
            var row = i + 2;
            w.Text(row, 1, grade.Student.Id);
            w.Text(row, 2, grade.Student.Name);
            w.Text(row, 3, grade.Student.Email);
            for (var r = 0; r < data.Rules.Count; r++)
            {
                var result = data.Result(i, data.Rules[r].Rule.Id);
                if (result is null) continue;
                var cell = w.Number(row, FirstCriterionColumn + r, result.Points);
                if (result.IsError)
                {
                    cell.Style.Font.FontColor = ErrorFont;
                    cell.Style.Font.Bold = true;
                    cell.Style.Font.Italic = true;
                }
                if (data.Options.Notes && (result.LostPoints || result.IsError) && result.Comment.Length > 0)
                {
                    var note = (result.IsError ? "Not graded: " : "") + result.Comment;
                    cell.Comment.AddText(ExcelText.Clean(note));
                }
            }
            w.Number(row, totalColumn, grade.Total);
            w.Number(row, totalColumn + 1, grade.Max);
            w.Number(row, totalColumn + 2, grade.Fraction, "100.0%");
        }

        var lastRow = data.Grades.Count + 1;
        if (data.Grades.Count > 0)
        {
            for (var r = 0; r < data.Rules.Count; r++)
            {
                var column = FirstCriterionColumn + r;
                sheet.Range(2, column, lastRow, column).AddConditionalFormat()
                    .WhenLessThan(data.Rules[r].Rule.Points).Fill.SetBackgroundColor(LostFill);
            }
            sheet.Range(2, FirstCriterionColumn, lastRow, totalColumn + 1).Style.NumberFormat.Format = PointsFormat;
            var percent = sheet.Range(2, totalColumn + 2, lastRow, totalColumn + 2);
            percent.Style.NumberFormat.Format = "0.0%";
            percent.AddConditionalFormat().ColorScale()
                .LowestValue(XLColor.FromHtml("#F8696B"))
                .Midpoint(XLCFContentType.Percentile, 50, XLColor.FromHtml("#FFEB84"))
                .HighestValue(XLColor.FromHtml("#63BE7B"));
        }
        w.Finish(lastRow, frozenColumns: 2);
    }
}

using ClosedXML.Excel;

namespace RubricEngine.Reports.Excel;

/// <summary>
/// The import-ready sheet: one row per trace with points per criterion, total, max and percent. Lost points are
/// coloured by a conditional format and explained in a note. A criterion that could not be graded is an empty,
/// marked cell with the reason in its note (never a 0), and its row's total says it is partial in a note.
/// </summary>
internal static class GradesSheet
{
    public const string Name = "Grades";
    public const int FirstCriterionColumn = 4;

    /// <summary>Fill of a criterion cell that lost points.</summary>
    public static readonly XLColor LostFill = XLColor.FromHtml("#" + GradebookStyles.LostFill[2..]);

    /// <summary>Font colour of a criterion that could not be graded.</summary>
    public static readonly XLColor ErrorFont = XLColor.FromHtml("#" + GradebookStyles.ErrorFont[2..]);

    /// <summary>
    /// Points as 2.0, 0.33, 1.5: "0.##" would print a bare "2." in Excel, and "General" prints 0.333333333.
    /// </summary>
    public const string PointsFormat = "0.0#";

    public static SheetWriter Create(GradebookData data)
    {
        var headers = new List<string> { "Student ID", "Name", "Email" };
        headers.AddRange(data.Rules.Select(r => r.Header));
        headers.AddRange(["Total", "Max", "Percent"]);
        var w = new SheetWriter(Name, headers, data.Options.MaxColumnWidth) { FrozenColumns = 2 };
        var totalColumn = FirstCriterionColumn + data.Rules.Count;
        w.ConditionalFormats = (x, lastRow) =>
        {
            var priority = 1;
            for (var r = 0; r < data.Rules.Count; r++)
            {
                var column = SheetWriter.ColumnName(FirstCriterionColumn + r);
                x.Raw("<conditionalFormatting sqref=\"").Raw(column).Raw("2:").Raw(column).Int(lastRow)
                    .Raw("\"><cfRule type=\"cellIs\" dxfId=\"").Int(GradebookStyles.LostFillDxf).Raw("\" priority=\"").Int(priority++)
                    .Raw("\" operator=\"lessThan\"><formula>").Number(data.Rules[r].Rule.Points).Raw("</formula></cfRule></conditionalFormatting>");
            }
            var percent = SheetWriter.ColumnName(totalColumn + 2);
            x.Raw("<conditionalFormatting sqref=\"").Raw(percent).Raw("2:").Raw(percent).Int(lastRow)
                .Raw("\"><cfRule type=\"colorScale\" priority=\"").Int(priority)
                .Raw("\"><colorScale><cfvo type=\"min\"/><cfvo type=\"percentile\" val=\"50\"/><cfvo type=\"max\"/>")
                .Raw("<color rgb=\"FFF8696B\"/><color rgb=\"FFFFEB84\"/><color rgb=\"FF63BE7B\"/></colorScale></cfRule></conditionalFormatting>");
        };
        return w;
    }

    public static IEnumerable<SheetCell[]> Rows(GradebookData data)
    {
        var totalColumn = FirstCriterionColumn + data.Rules.Count;
        for (var i = 0; i < data.Grades.Count; i++)
        {
            var grade = data.Grades[i];
            var row = new SheetCell[totalColumn + 2];
            row[0] = SheetCell.Of(grade.Student.Id);
            row[1] = SheetCell.Of(grade.Student.Name);
            row[2] = SheetCell.Of(grade.Student.Email);
            for (var r = 0; r < data.Rules.Count; r++)
            {
                var result = data.Result(i, data.Rules[r].Rule.Id);
                if (result is null) continue;
                var note = data.Options.Notes && (result.LostPoints || result.IsError) && result.Comment.Length > 0
                    ? result.CommentText()
                    : null;
                row[FirstCriterionColumn - 1 + r] = result.IsNotGraded()
                    ? SheetCell.Blank(GradebookStyles.PointsNotGraded, data.Options.Notes ? note ?? "Not graded." : null)
                    : SheetCell.Of(result.Points, result.IsError ? GradebookStyles.PointsNotGraded : GradebookStyles.Points, note: note);
            }
            var partial = grade.PartialText();
            row[totalColumn - 1] = SheetCell.Of(grade.Total, partial.Length > 0 ? GradebookStyles.PointsNotGraded : GradebookStyles.Points,
                note: partial.Length > 0 && data.Options.Notes ? $"Partial total: {partial}." : null);
            row[totalColumn] = SheetCell.Of(grade.Max, GradebookStyles.Points);
            // A percent of a partial total would understate the grade: left empty until the rest is graded.
            row[totalColumn + 1] = partial.Length > 0 ? default : SheetCell.Of(grade.Fraction, GradebookStyles.Percent, "100.0%");
            yield return row;
        }
    }
}

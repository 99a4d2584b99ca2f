using ClosedXML.Excel;

namespace RubricEngine.Reports.Excel;

/// <summary>The Grades rows again, with each criterion's full comment as text.</summary>
internal static class FeedbackSheet
{
    public const string Name = "Feedback";

    public static void Add(XLWorkbook workbook, GradebookData data)
    {
        var sheet = workbook.Worksheets.Add(Name);
        var headers = new List<string> { "Student ID", "Name", "Email" };
        headers.AddRange(data.Rules.Select(r => r.Header));
        var w = new SheetWriter(sheet, headers, data.Options.MaxColumnWidth);
        // Comments are sentences: narrow wrapped columns keep a row of ten criteria readable on one page.
        for (var r = 0; r < data.Rules.Count; r++) w.Wrap(4 + r, 32);
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
                if (result is null || result.Comment.Length == 0) continue;
                w.Text(row, 4 + r, result.Comment);
            }
        }
        w.Finish(data.Grades.Count + 1, frozenColumns: 2);
    }
}

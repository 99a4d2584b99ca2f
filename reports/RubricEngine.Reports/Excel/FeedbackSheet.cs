namespace RubricEngine.Reports.Excel;

/// <summary>The Grades rows again, with each criterion's full comment as text.</summary>
internal static class FeedbackSheet
{
    public const string Name = "Feedback";

    public static SheetWriter Create(GradebookData data)
    {
        var headers = new List<string> { "Student ID", "Name", "Email" };
        headers.AddRange(data.Rules.Select(r => r.Header));
        var w = new SheetWriter(Name, headers, data.Options.MaxColumnWidth) { FrozenColumns = 2 };
        // Comments are sentences: narrow wrapped columns keep a row of ten criteria readable on one page.
        for (var r = 0; r < data.Rules.Count; r++) w.Wrap(4 + r, 32);
        return w;
    }

    public static IEnumerable<SheetCell[]> Rows(GradebookData data)
    {
        for (var i = 0; i < data.Grades.Count; i++)
        {
            var grade = data.Grades[i];
            var row = new SheetCell[3 + data.Rules.Count];
            row[0] = SheetCell.Of(grade.Student.Id);
            row[1] = SheetCell.Of(grade.Student.Name);
            row[2] = SheetCell.Of(grade.Student.Email);
            for (var r = 0; r < data.Rules.Count; r++)
            {
                var result = data.Result(i, data.Rules[r].Rule.Id);
                if (result is null || result.Comment.Length == 0) continue;
                row[3 + r] = SheetCell.Of(result.Comment);
            }
            yield return row;
        }
    }
}

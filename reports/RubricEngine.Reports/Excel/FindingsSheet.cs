using ClosedXML.Excel;

namespace RubricEngine.Reports.Excel;

/// <summary>One row per finding, every attempt's, with where it is and whether it was suppressed or overridden.</summary>
internal static class FindingsSheet
{
    public const string Name = "Findings";

    public static readonly string[] Headers =
    [
        "Student ID", "Name", "Question", "Attempt", "Graded attempt", "Rule", "Severity", "Points lost",
        "Message", "File", "Message #", "Line:Column", "Excerpt", "Suppressed / overridden",
    ];

    public static void Add(XLWorkbook workbook, GradebookData data)
    {
        var sheet = workbook.Worksheets.Add(Name);
        var w = new SheetWriter(sheet, Headers, data.Options.MaxColumnWidth);
        var row = 1;
        for (var i = 0; i < data.Grades.Count; i++)
        {
            var grade = data.Grades[i];
            foreach (var criterion in grade.Criteria)
            {
                foreach (var f in criterion.Findings)
                {
                    row++;
                    w.Text(row, 1, grade.Student.Id);
                    w.Text(row, 2, grade.Student.Name);
                    w.Text(row, 3, (f.Question ?? criterion.Question)?.Value);
                    if (f.Attempt is { } attempt) w.Number(row, 4, attempt);
                    w.Text(row, 5, f.IsGradedAttempt ? "yes" : "no");
                    w.Text(row, 6, f.RuleId);
                    w.Text(row, 7, f.Severity.ToString().ToLowerInvariant());
                    w.Number(row, 8, f.PointsLost);
                    w.Text(row, 9, f.Message);
                    w.Text(row, 10, f.Location?.File ?? grade.File);
                    if (f.Location is { } l)
                    {
                        w.Number(row, 11, l.MessageIndex);
                        w.Text(row, 12, l.Start.ToString());
                    }
                    w.Text(row, 13, f.Excerpt);
                    w.Text(row, 14, SuppressedOrOverridden(f.Suppression, criterion.Override));
                }
            }
        }
        if (row > 1)
        {
            var graded = sheet.Range(2, 5, row, 5);
            graded.AddConditionalFormat().WhenEquals("\"no\"").Font.SetFontColor(XLColor.Gray);
            sheet.Range(2, 8, row, 8).AddConditionalFormat().WhenGreaterThan(0).Fill.SetBackgroundColor(GradesSheet.LostFill);
        }
        w.Finish(row);
    }

    private static string? SuppressedOrOverridden(string? suppression, string? criterionOverride) =>
        (suppression, criterionOverride) switch
        {
            (null, null) => null,
            ({ } s, null) => "suppressed: " + s,
            (null, { } o) => "overridden: " + o,
            ({ } s, { } o) => $"suppressed: {s}; overridden: {o}",
        };
}

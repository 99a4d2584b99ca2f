using ClosedXML.Excel;

namespace RubricEngine.Reports.Excel;

/// <summary>Per rule: what it is worth and how the class did — mean, pass rate (data bars), re-prompts before passing.</summary>
internal static class CriteriaSheet
{
    public const string Name = "Criteria";
    public const int PassRateColumn = 7;

    public static readonly string[] Headers =
    [
        "Rule", "Title", "Question", "Category", "Max points", "Mean points", "Pass rate",
        "Mean re-prompts before passing", "Graded", "Not graded (errors)",
    ];

    public static void Add(XLWorkbook workbook, GradebookData data)
    {
        var sheet = workbook.Worksheets.Add(Name);
        var w = new SheetWriter(sheet, Headers, data.Options.MaxColumnWidth);
        w.Wrap(2, 30);
        for (var r = 0; r < data.Rules.Count; r++)
        {
            var rule = data.Rules[r];
            var row = r + 2;
            var results = data.Results.Select(d => d.GetValueOrDefault(rule.Rule.Id)).OfType<Grading.CriterionResult>().ToList();
            w.Text(row, 1, rule.Rule.Id);
            w.Text(row, 2, rule.Rule.Title);
            w.Text(row, 3, rule.Question?.Value);
            w.Text(row, 4, rule.Rule.Category);
            w.Number(row, 5, rule.Rule.Points);
            if (results.Count > 0)
            {
                w.Number(row, 6, results.Average(c => c.Points));
                w.Number(row, PassRateColumn, results.Count(c => !c.LostPoints && !c.IsError) / (double)results.Count, "100.0%");
                var passed = results.Where(c => c.RepromptsBeforePass is not null).ToList();
                if (passed.Count > 0) w.Number(row, 8, passed.Average(c => c.RepromptsBeforePass!.Value));
            }
            w.Number(row, 9, results.Count);
            w.Number(row, 10, results.Count(c => c.IsError));
        }
        var lastRow = data.Rules.Count + 1;
        if (data.Rules.Count > 0)
        {
            sheet.Range(2, 5, lastRow, 6).Style.NumberFormat.Format = GradesSheet.PointsFormat;
            sheet.Range(2, 8, lastRow, 8).Style.NumberFormat.Format = GradesSheet.PointsFormat;
            var passRate = sheet.Range(2, PassRateColumn, lastRow, PassRateColumn);
            passRate.Style.NumberFormat.Format = "0.0%";
            passRate.AddConditionalFormat().DataBar(XLColor.FromHtml("#63BE7B"))
                .Minimum(XLCFContentType.Number, 0).Maximum(XLCFContentType.Number, 1);
        }
        w.Finish(lastRow);
    }
}

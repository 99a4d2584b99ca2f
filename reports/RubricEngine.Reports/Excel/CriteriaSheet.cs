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

    public static SheetWriter Create(GradebookData data)
    {
        var w = new SheetWriter(Name, Headers, data.Options.MaxColumnWidth);
        w.Wrap(2, 30);
        var column = SheetWriter.ColumnName(PassRateColumn);
        w.ConditionalFormats = (x, lastRow) => x
            .Raw("<conditionalFormatting sqref=\"").Raw(column).Raw("2:").Raw(column).Int(lastRow)
            .Raw("\"><cfRule type=\"dataBar\" priority=\"1\"><dataBar><cfvo type=\"num\" val=\"0\"/><cfvo type=\"num\" val=\"1\"/>")
            .Raw("<color rgb=\"FF63BE7B\"/></dataBar></cfRule></conditionalFormatting>");
        return w;
    }

    public static IEnumerable<SheetCell[]> Rows(GradebookData data)
    {
        foreach (var rule in data.Rules)
        {
            var results = data.Results.Select(d => d.GetValueOrDefault(rule.Rule.Id)).OfType<Grading.CriterionResult>().ToList();
            var row = new SheetCell[Headers.Length];
            row[0] = SheetCell.Of(rule.Rule.Id);
            row[1] = SheetCell.Of(rule.Rule.Title);
            row[2] = SheetCell.Of(rule.Question?.Value);
            row[3] = SheetCell.Of(rule.Rule.Category);
            row[4] = SheetCell.Of(rule.Rule.Points, GradebookStyles.Points);
            if (results.Count > 0)
            {
                row[5] = SheetCell.Of(results.Average(c => c.Points), GradebookStyles.Points);
                row[PassRateColumn - 1] = SheetCell.Of(results.Count(c => !c.LostPoints && !c.IsError) / (double)results.Count, GradebookStyles.Percent, "100.0%");
                var passed = results.Where(c => c.RepromptsBeforePass is not null).ToList();
                if (passed.Count > 0) row[7] = SheetCell.Of(passed.Average(c => c.RepromptsBeforePass!.Value), GradebookStyles.Points);
            }
            row[8] = SheetCell.Of(results.Count);
            row[9] = SheetCell.Of(results.Count(c => c.IsError));
            yield return row;
        }
    }
}

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

    /// <summary>Prose columns, wrapped: Message, File, Excerpt, Suppressed / overridden (1-based).</summary>
    public static readonly int[] WrappedColumns = [9, 10, 13, 14];

    private static readonly int[] WrappedWidths = [48, 36, 40, 30];

    public static SheetWriter Create(GradebookData data)
    {
        var w = new SheetWriter(Name, Headers, data.Options.MaxColumnWidth);
        foreach (var (column, width) in WrappedColumns.Zip(WrappedWidths)) w.Wrap(column, width);
        // Small numbers and yes/no between text columns read better centred.
        foreach (var c in (int[])[4, 5, 11]) w.Align(c, GradebookStyles.Centered);
        w.ConditionalFormats = (x, lastRow) => x
            .Raw("<conditionalFormatting sqref=\"E2:E").Int(lastRow).Raw("\"><cfRule type=\"cellIs\" dxfId=\"").Int(GradebookStyles.GreyFontDxf)
            .Raw("\" priority=\"1\" operator=\"equal\"><formula>\"no\"</formula></cfRule></conditionalFormatting>")
            .Raw("<conditionalFormatting sqref=\"H2:H").Int(lastRow).Raw("\"><cfRule type=\"cellIs\" dxfId=\"").Int(GradebookStyles.LostFillDxf)
            .Raw("\" priority=\"2\" operator=\"greaterThan\"><formula>0</formula></cfRule></conditionalFormatting>");
        return w;
    }

    /// <summary>The data rows, one per finding.</summary>
    public static IEnumerable<SheetCell[]> Rows(GradebookData data)
    {
        foreach (var grade in data.Grades)
        {
            var id = SheetCell.Of(grade.Student.Id);
            var name = SheetCell.Of(grade.Student.Name);
            foreach (var criterion in grade.Criteria)
            {
                foreach (var f in criterion.Findings)
                {
                    yield return
                    [
                        id,
                        name,
                        SheetCell.Of((f.Question ?? criterion.Question)?.Value),
                        f.Attempt is { } attempt ? SheetCell.Of(attempt) : default,
                        SheetCell.Of(f.IsGradedAttempt ? "yes" : "no"),
                        SheetCell.Of(f.RuleId),
                        SheetCell.Of(SeverityName(f.Severity)),
                        SheetCell.Of(f.PointsLost),
                        SheetCell.Of(f.Message),
                        SheetCell.Of(f.Location?.File ?? grade.File),
                        f.Location is { } l ? SheetCell.Of(l.MessageIndex) : default,
                        SheetCell.Of(f.Location?.Start.ToString()),
                        SheetCell.Of(f.Excerpt),
                        SheetCell.Of(SuppressedOrOverridden(f.Suppression, criterion.Override)),
                    ];
                }
            }
        }
    }

    private static string SeverityName(Rubrics.Severity severity) => severity switch
    {
        Rubrics.Severity.Error => "error",
        Rubrics.Severity.Warning => "warning",
        Rubrics.Severity.Info => "info",
        _ => severity.ToString().ToLowerInvariant(),
    };

    private static string? SuppressedOrOverridden(string? suppression, string? criterionOverride) =>
        (suppression, criterionOverride) switch
        {
            (null, null) => null,
            ({ } s, null) => "suppressed: " + s,
            (null, { } o) => "overridden: " + o,
            ({ } s, { } o) => $"suppressed: {s}; overridden: {o}",
        };
}

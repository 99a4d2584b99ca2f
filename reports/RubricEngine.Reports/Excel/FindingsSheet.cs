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

    /// <summary>Prose columns, wrapped: Message, File, Excerpt, Suppressed / overridden (1-based).</summary>
    public static readonly int[] WrappedColumns = [9, 10, 13, 14];

    private static readonly int[] WrappedWidths = [48, 36, 40, 30];

    /// <summary>
    /// Adds the sheet with its header, widths, filter and formats but no data rows: ClosedXML is too slow for
    /// tens of thousands of rows, so <see cref="FindingsRowsWriter"/> streams them in after the workbook is saved.
    /// </summary>
    public static void Add(XLWorkbook workbook, GradebookData data)
    {
        var sheet = workbook.Worksheets.Add(Name);
        var w = new SheetWriter(sheet, Headers, data.Options.MaxColumnWidth);
        foreach (var (column, width) in WrappedColumns.Zip(WrappedWidths)) w.Wrap(column, width);
        var row = 1;
        foreach (var values in Rows(data))
        {
            row++;
            for (var c = 0; c < values.Length; c++)
                if (values[c] is { } v) w.Measure(c + 1, v as string ?? ((double)v).ToString("0.0#", System.Globalization.CultureInfo.InvariantCulture));
        }
        if (row > 1)
        {
            sheet.Range(2, 5, row, 5).AddConditionalFormat().WhenEquals("\"no\"").Font.SetFontColor(XLColor.Gray);
            sheet.Range(2, 8, row, 8).AddConditionalFormat().WhenGreaterThan(0).Fill.SetBackgroundColor(GradesSheet.LostFill);
        }
        w.Finish(row);
        // Small numbers and yes/no between text columns read better centred.
        foreach (var c in (int[])[4, 5, 11]) sheet.Column(c).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
    }

    /// <summary>The data rows, one per finding, as cleaned strings and doubles (null: empty cell).</summary>
    public static IEnumerable<object?[]> Rows(GradebookData data)
    {
        foreach (var grade in data.Grades)
        {
            var id = ExcelText.Clean(grade.Student.Id);
            var name = ExcelText.Clean(grade.Student.Name);
            foreach (var criterion in grade.Criteria)
            {
                foreach (var f in criterion.Findings)
                {
                    yield return
                    [
                        id,
                        name,
                        Text((f.Question ?? criterion.Question)?.Value),
                        f.Attempt is { } attempt ? (double)attempt : null,
                        f.IsGradedAttempt ? "yes" : "no",
                        Text(f.RuleId),
                        f.Severity.ToString().ToLowerInvariant(),
                        f.PointsLost,
                        Text(f.Message),
                        Text(f.Location?.File ?? grade.File),
                        f.Location is { } l ? (double)l.MessageIndex : null,
                        f.Location?.Start.ToString(),
                        Text(f.Excerpt),
                        Text(SuppressedOrOverridden(f.Suppression, criterion.Override)),
                    ];
                }
            }
        }
    }

    private static string? Text(string? value) => string.IsNullOrEmpty(value) ? null : ExcelText.Clean(value);

    private static string? SuppressedOrOverridden(string? suppression, string? criterionOverride) =>
        (suppression, criterionOverride) switch
        {
            (null, null) => null,
            ({ } s, null) => "suppressed: " + s,
            (null, { } o) => "overridden: " + o,
            ({ } s, { } o) => $"suppressed: {s}; overridden: {o}",
        };
}

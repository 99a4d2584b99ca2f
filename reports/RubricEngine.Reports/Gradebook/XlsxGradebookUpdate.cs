using ClosedXML.Excel;
using RubricEngine.Grading;
using RubricEngine.Reports.Excel;

namespace RubricEngine.Reports.Gradebook;

/// <summary>
/// Writes grades into one sheet of an existing workbook: finds the header row by its key column, adds missing
/// target columns at the end of that row, and sets only the target cells of matched rows (and of the
/// "Points Possible" row). Every other cell, sheet, formula and format is loaded and saved unchanged.
/// </summary>
internal static class XlsxGradebookUpdate
{
    private const int HeaderSearchRows = 20;

    public static void Apply(XLWorkbook workbook, GradebookPlan plan)
    {
        var sheet = plan.Options.Sheet is { } name
            ? workbook.Worksheets.FirstOrDefault(s => GradebookPlan.HeaderEquals(s.Name, name))
              ?? throw new GradebookUpdateException($"The workbook has no sheet \"{name}\" (it has: {string.Join(", ", workbook.Worksheets.Select(s => s.Name))}).")
            : workbook.Worksheets.FirstOrDefault() ?? throw new GradebookUpdateException("The workbook has no sheet.");

        var lastRow = sheet.LastRowUsed()?.RowNumber() ?? 0;
        var lastColumn = sheet.LastColumnUsed()?.ColumnNumber() ?? 0;
        int headerRow = 0, keyColumn = -1;
        List<string> headers = [];
        for (var r = 1; r <= Math.Min(lastRow, HeaderSearchRows) && keyColumn < 0; r++)
        {
            headers = Enumerable.Range(1, lastColumn).Select(c => sheet.Cell(r, c).GetString()).ToList();
            keyColumn = plan.FindKeyColumn(headers);
            headerRow = r;
        }
        if (keyColumn < 0)
            throw new GradebookUpdateException(
                $"Sheet \"{sheet.Name}\" has no key column ({string.Join(" / ", plan.KeyHeaders)}) in its first {HeaderSearchRows} rows.");
        keyColumn++;

        var lastHeader = sheet.Row(headerRow).LastCellUsed()?.Address.ColumnNumber ?? 0;
        var columns = new List<(TargetColumn Target, int Column)>();
        foreach (var target in plan.Columns)
        {
            var index = headers.FindIndex(h => GradebookPlan.HeaderEquals(h, target.Header));
            if (index < 0)
            {
                var cell = sheet.Cell(headerRow, ++lastHeader);
                cell.SetValue(ExcelText.Clean(target.Header));
                cell.DataType = XLDataType.Text;
                if (lastHeader > 1) cell.Style = sheet.Cell(headerRow, lastHeader - 1).Style;
                headers.Add(target.Header);
                plan.AddedColumns.Add(target.Header);
                columns.Add((target, lastHeader));
            }
            else
            {
                columns.Add((target, index + 1));
            }
        }

        for (var r = headerRow + 1; r <= lastRow; r++)
        {
            var row = sheet.Row(r);
            if (GradebookPlan.IsPointsPossible([row.Cell(1).GetString(), row.Cell(2).GetString(), row.Cell(keyColumn).GetString()]))
            {
                foreach (var (target, column) in columns) row.Cell(column).SetValue(plan.PointsPossible(target));
                continue;
            }
            var keyValue = row.Cell(keyColumn).GetString();
            if (keyValue.Trim().Length == 0) continue;
            var grade = plan.Match(keyValue);
            if (grade is null) continue;
            Write(row, grade, columns, plan, keyValue.Trim());
            plan.Updated++;
        }
    }

    private static void Write(IXLRow row, TraceGrade grade, List<(TargetColumn Target, int Column)> columns, GradebookPlan plan, string student)
    {
        foreach (var (target, column) in columns)
        {
            if (GradebookPlan.ValueOf(grade, target, plan.Scale) is not { } value) continue;
            var cell = row.Cell(column);
            var existing = cell.HasFormula ? "=" + cell.FormulaA1 : cell.GetString();
            plan.CellsRead[(student, target.Header)] = existing;
            if (cell.HasComment && GradebookPlan.IsOverrideMark(cell.Comment.Text)
                && existing.Trim().Length > 0 && !GradebookPlan.SameNumber(existing, value))
            {
                plan.KeptOverrides.Add(new KeptOverride(student, target.Header, existing, GradebookPlan.Format(value)));
                continue;
            }
            cell.SetValue(value);
        }
    }
}

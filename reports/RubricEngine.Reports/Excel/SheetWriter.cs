using ClosedXML.Excel;

namespace RubricEngine.Reports.Excel;

/// <summary>
/// Writes one sheet's cells and remembers each column's widest text, so widths can be set without
/// <c>AdjustToContents()</c> (which throws on Linux with ClosedXML 0.95.4).
/// </summary>
internal sealed class SheetWriter
{
    private readonly int[] _widths;
    private readonly int _maxWidth;

    public SheetWriter(IXLWorksheet sheet, IReadOnlyList<string> headers, int maxWidth)
    {
        Sheet = sheet;
        _maxWidth = maxWidth;
        _widths = new int[headers.Count + 1];
        for (var c = 0; c < headers.Count; c++) Text(1, c + 1, headers[c]);
        var header = sheet.Range(1, 1, 1, Math.Max(1, headers.Count));
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#D9E1F2");
        ColumnCount = headers.Count;
    }

    public IXLWorksheet Sheet { get; }

    public int ColumnCount { get; }

    /// <summary>Writes untrusted text as text, never as a formula, cleaned for XML and capped.</summary>
    public IXLCell Text(int row, int column, string? text)
    {
        var clean = ExcelText.Clean(text);
        var cell = Sheet.Cell(row, column);
        cell.SetValue(clean);
        cell.DataType = XLDataType.Text;
        Measure(column, clean);
        return cell;
    }

    public IXLCell Number(int row, int column, double value, string? display = null)
    {
        var cell = Sheet.Cell(row, column);
        cell.SetValue(double.IsFinite(value) ? value : 0);
        Measure(column, display ?? value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
        return cell;
    }

    public void Measure(int column, string text)
    {
        if (column >= _widths.Length || _widths[column] >= _maxWidth) return;
        var longest = 0;
        var current = 0;
        foreach (var c in text)
        {
            if (c == '\n') { current = 0; continue; }
            if (++current > longest) longest = current;
            if (longest >= _maxWidth) break;
        }
        if (longest > _widths[column]) _widths[column] = longest;
    }

    /// <summary>Freezes the header, turns the filter on over the written rows and sets readable widths.</summary>
    public void Finish(int lastRow, int frozenColumns = 0)
    {
        if (ColumnCount == 0) return;
        if (frozenColumns > 0) Sheet.SheetView.Freeze(1, frozenColumns);
        else Sheet.SheetView.FreezeRows(1);
        Sheet.Range(1, 1, Math.Max(1, lastRow), ColumnCount).SetAutoFilter();
        for (var c = 1; c <= ColumnCount; c++)
            Sheet.Column(c).Width = Math.Clamp(_widths[c] + 3, 8, _maxWidth + 2);
    }
}

using ClosedXML.Excel;

namespace RubricEngine.Reports.Excel;

/// <summary>
/// Writes one sheet's cells and remembers each column's widest text, so widths can be set without
/// <c>AdjustToContents()</c> (which throws on Linux with ClosedXML 0.95.4). Headers wrap (a long criterion title
/// takes two or three lines instead of a wide column), and every sheet prints landscape, one page wide.
/// </summary>
internal sealed class SheetWriter
{
    /// <summary>Most lines a header is allowed to wrap to before its column is widened instead.</summary>
    private const int HeaderLines = 3;

    /// <summary>Points of height per line of 11 pt text.</summary>
    private const double LineHeight = 15;

    private readonly int[] _widths;
    private readonly int[] _caps;
    private readonly bool[] _wrapped;
    private readonly IReadOnlyList<string> _headers;
    private readonly Dictionary<int, List<(int Column, string Text)>> _wrappedTexts = [];

    public SheetWriter(IXLWorksheet sheet, IReadOnlyList<string> headers, int maxWidth)
    {
        Sheet = sheet;
        _headers = headers;
        _widths = new int[headers.Count + 1];
        _caps = Enumerable.Repeat(maxWidth, headers.Count + 1).ToArray();
        _wrapped = new bool[headers.Count + 1];
        for (var c = 0; c < headers.Count; c++)
        {
            var cell = Sheet.Cell(1, c + 1);
            cell.SetValue(ExcelText.Clean(headers[c]));
            cell.DataType = XLDataType.Text;
            _widths[c + 1] = HeaderWidth(headers[c]);
        }
        var header = sheet.Range(1, 1, 1, Math.Max(1, headers.Count));
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#D9E1F2");
        header.Style.Alignment.WrapText = true;
        header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
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
        if (column < _wrapped.Length && _wrapped[column])
        {
            if (!_wrappedTexts.TryGetValue(row, out var texts)) _wrappedTexts[row] = texts = [];
            texts.Add((column, clean));
        }
        return cell;
    }

    public IXLCell Number(int row, int column, double value, string? display = null)
    {
        var cell = Sheet.Cell(row, column);
        cell.SetValue(double.IsFinite(value) ? value : 0);
        Measure(column, display ?? value.ToString("0.0#", System.Globalization.CultureInfo.InvariantCulture));
        return cell;
    }

    /// <summary>
    /// Makes <paramref name="column"/> a prose column: at most <paramref name="width"/> characters wide, text wrapped
    /// onto more lines (the row grows) rather than cut off at the next cell.
    /// </summary>
    public void Wrap(int column, int width)
    {
        if (column >= _caps.Length) return;
        _caps[column] = Math.Min(_caps[column], width);
        _wrapped[column] = true;
    }

    public void Measure(int column, string text)
    {
        if (column >= _widths.Length || _widths[column] >= _caps[column]) return;
        var longest = 0;
        var current = 0;
        foreach (var c in text)
        {
            if (c == '\n') { current = 0; continue; }
            if (++current > longest) longest = current;
            if (longest >= _caps[column]) break;
        }
        if (longest > _widths[column]) _widths[column] = longest;
    }

    /// <summary>
    /// Freezes the header, turns the filter on over the written rows, sets readable widths and the header's height,
    /// and sets up printing: landscape, one page wide, header row repeated, sheet name and page in the footer.
    /// </summary>
    public void Finish(int lastRow, int frozenColumns = 0)
    {
        if (ColumnCount == 0) return;
        if (frozenColumns > 0) Sheet.SheetView.Freeze(1, frozenColumns);
        else Sheet.SheetView.FreezeRows(1);
        Sheet.Range(1, 1, Math.Max(1, lastRow), ColumnCount).SetAutoFilter();
        var headerLines = 1;
        for (var c = 1; c <= ColumnCount; c++)
        {
            var width = Math.Clamp(_widths[c] + 3, 8, _caps[c] + 2);
            var column = Sheet.Column(c);
            column.Width = width;
            // Column styles reach rows streamed in later (FindingsRowsWriter copies them onto its cells).
            column.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            if (_wrapped[c]) column.Style.Alignment.WrapText = true;
            // The filter button takes about two characters of the header cell.
            headerLines = Math.Max(headerLines, Lines(ExcelText.Clean(_headers[c - 1]), width - 1));
        }
        Sheet.Row(1).Height = LineHeight * headerLines + 2;
        // Neither Excel nor LibreOffice reliably grows a row for wrapped text on load: set the heights.
        foreach (var (row, texts) in _wrappedTexts)
        {
            var lines = texts.Max(t => Lines(t.Text, (int)Sheet.Column(t.Column).Width));
            if (lines > 1) Sheet.Row(row).Height = RowHeight(lines);
        }

        var page = Sheet.PageSetup;
        page.PageOrientation = XLPageOrientation.Landscape;
        page.FitToPages(1, 0);
        page.SetRowsToRepeatAtTop(1, 1);
        page.Margins.Left = page.Margins.Right = 0.4;
        page.Margins.Top = page.Margins.Bottom = 0.6;
        page.Footer.Center.AddText(XLHFPredefinedText.SheetName, XLHFOccurrence.AllPages);
        page.Footer.Center.AddText(" – page ", XLHFOccurrence.AllPages);
        page.Footer.Center.AddText(XLHFPredefinedText.PageNumber, XLHFOccurrence.AllPages);
        page.Footer.Center.AddText(" of ", XLHFOccurrence.AllPages);
        page.Footer.Center.AddText(XLHFPredefinedText.NumberOfPages, XLHFOccurrence.AllPages);
    }

    /// <summary>Width a header asks for: its longest word, or a third of it when that is wider (so it wraps to ≤ 3 lines).</summary>
    private static int HeaderWidth(string header)
    {
        var words = header.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var longestWord = words.Length == 0 ? 0 : words.Max(w => w.Length);
        return Math.Max(longestWord, (header.Length + HeaderLines - 1) / HeaderLines) + 3;
    }

    /// <summary>Height in points of a row of <paramref name="lines"/> lines of text, capped so one cell never fills a page.</summary>
    public static double RowHeight(int lines) => LineHeight * Math.Min(lines, MaxRowLines) + 2;

    /// <summary>Most lines a data row is made tall enough for; longer text stays readable in the cell.</summary>
    private const int MaxRowLines = 8;

    /// <summary>
    /// Lines <paramref name="text"/> takes in a wrapped column <paramref name="width"/> characters wide: word wrap,
    /// long words broken, line breaks kept. An estimate (fonts differ), kept on the generous side.
    /// </summary>
    public static int Lines(string text, int width)
    {
        width = Math.Max(1, width - 1);
        var total = 0;
        foreach (var paragraph in text.Split('\n'))
        {
            var lines = 1;
            var current = 0;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (current == 0) current = word.Length;
                else if (current + 1 + word.Length <= width) current += 1 + word.Length;
                else { lines++; current = word.Length; }
                while (current > width) { lines++; current -= width; }
            }
            total += lines;
            if (total > 100) break;
        }
        return total;
    }
}

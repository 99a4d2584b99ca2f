using System.Globalization;

namespace RubricEngine.Reports.Excel;

/// <summary>
/// Writes one worksheet part as it goes (no cell objects kept): a first pass over the rows measures each column's
/// widest text, so widths are set without <c>AdjustToContents()</c>; the second streams the rows. Headers wrap (a
/// long criterion title takes two or three lines instead of a wide column), the header row is frozen and filtered,
/// and every sheet prints landscape, one page wide, header row repeated, sheet name and page in the footer.
/// </summary>
internal sealed class SheetWriter
{
    /// <summary>Most lines a header is allowed to wrap to before its column is widened instead.</summary>
    private const int HeaderLines = 3;

    /// <summary>Points of height per line of 11 pt text.</summary>
    private const double LineHeight = 15;

    /// <summary>What Excel adds to a width in characters for the cell padding (ClosedXML takes it off on load).</summary>
    private const double WidthPadding = 0.710625;

    /// <summary>Id of the notes' VML drawing in the sheet's relationships.</summary>
    public const string NotesDrawingId = "rId2";

    private readonly int[] _widths;
    private readonly int[] _caps;
    private readonly bool[] _wrapped;
    private readonly int[] _styles;
    private readonly string[] _headers;
    private readonly string[] _columnNames;

    public SheetWriter(string name, IReadOnlyList<string> headers, int maxWidth)
    {
        Name = name;
        _headers = headers.Select(h => ExcelText.Clean(h)).ToArray();
        _widths = new int[headers.Count + 1];
        _caps = Enumerable.Repeat(maxWidth, headers.Count + 1).ToArray();
        _wrapped = new bool[headers.Count + 1];
        _styles = Enumerable.Repeat(GradebookStyles.Top, headers.Count + 1).ToArray();
        _columnNames = Enumerable.Range(0, headers.Count + 1).Select(ColumnName).ToArray();
        for (var c = 0; c < headers.Count; c++) _widths[c + 1] = HeaderWidth(headers[c]);
    }

    public string Name { get; }

    public int ColumnCount => _headers.Length;

    /// <summary>Columns frozen at the left, besides the header row.</summary>
    public int FrozenColumns { get; set; }

    /// <summary>Tab colour as ARGB, or null.</summary>
    public string? TabColor { get; set; }

    /// <summary>Writes the sheet's conditional formats for data rows 2..lastRow (called only when there are rows).</summary>
    public Action<XmlPartWriter, int>? ConditionalFormats { get; set; }

    /// <summary>The last row written (1 when there are no data rows); set by <see cref="Write"/>.</summary>
    public int LastRow { get; private set; } = 1;

    /// <summary>The filtered range, e.g. <c>$A$1:$P$14</c>; set by <see cref="Write"/>.</summary>
    public string FilterRange => $"$A$1:${_columnNames[ColumnCount]}${LastRow}";

    /// <summary>
    /// Makes <paramref name="column"/> a prose column: at most <paramref name="width"/> characters wide, text wrapped
    /// onto more lines (the row grows) rather than cut off at the next cell.
    /// </summary>
    public void Wrap(int column, int width)
    {
        if (column >= _caps.Length) return;
        _caps[column] = Math.Min(_caps[column], width);
        _wrapped[column] = true;
        if (_styles[column] == GradebookStyles.Top) _styles[column] = GradebookStyles.Wrapped;
    }

    /// <summary>Gives <paramref name="column"/>'s cells <paramref name="style"/> (alignment) unless a cell names its own.</summary>
    public void Align(int column, int style)
    {
        if (column < _styles.Length) _styles[column] = style;
    }

    /// <summary>
    /// Writes the worksheet part: measures <paramref name="rows"/>, then enumerates them again to write them.
    /// Cells with a note are listed in <paramref name="notes"/> (and the sheet then names its VML drawing).
    /// </summary>
    public void Write(XmlPartWriter x, Func<IEnumerable<SheetCell[]>> rows, bool selected, List<CellNote>? notes = null)
    {
        var lastRow = 1;
        Span<char> digits = stackalloc char[32];
        foreach (var row in rows())
        {
            lastRow++;
            for (var c = 0; c < row.Length && c < ColumnCount; c++)
            {
                var cell = row[c];
                if (cell.Text is { } text) Measure(c + 1, text);
                else if (cell.IsNumber)
                {
                    if (cell.Display is { } display) Measure(c + 1, display);
                    else if (cell.Number.TryFormat(digits, out var n, "0.0#", CultureInfo.InvariantCulture)) MeasureLength(c + 1, n);
                }
            }
        }
        LastRow = lastRow;

        var widths = new int[ColumnCount + 1];
        var headerLines = 1;
        for (var c = 1; c <= ColumnCount; c++)
        {
            widths[c] = Math.Clamp(_widths[c] + 3, 8, _caps[c] + 2);
            // The filter button takes about two characters of the header cell.
            headerLines = Math.Max(headerLines, Lines(_headers[c - 1], widths[c] - 1));
        }

        var last = _columnNames[ColumnCount];
        x.Raw("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">");
        x.Raw("<sheetPr>");
        if (TabColor is { } tab) x.Raw("<tabColor rgb=\"").Raw(tab).Raw("\"/>");
        x.Raw("<pageSetUpPr fitToPage=\"1\"/></sheetPr>");
        x.Raw("<dimension ref=\"A1:").Raw(last).Int(lastRow).Raw("\"/>");
        x.Raw(selected ? "<sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\">" : "<sheetViews><sheetView workbookViewId=\"0\">");
        var pane = FrozenColumns > 0 ? "bottomRight" : "bottomLeft";
        x.Raw("<pane ");
        if (FrozenColumns > 0) x.Raw("xSplit=\"").Int(FrozenColumns).Raw("\" ");
        x.Raw("ySplit=\"1\" topLeftCell=\"").Raw(_columnNames[FrozenColumns + 1]).Raw("2\" activePane=\"").Raw(pane).Raw("\" state=\"frozen\"/>");
        x.Raw("<selection pane=\"").Raw(pane).Raw("\"/></sheetView></sheetViews>");
        x.Raw("<sheetFormatPr defaultRowHeight=\"15\"/><cols>");
        for (var c = 1; c <= ColumnCount; c++)
        {
            x.Raw("<col min=\"").Int(c).Raw("\" max=\"").Int(c).Raw("\" width=\"").Number(widths[c] + WidthPadding)
                .Raw("\" style=\"").Int(_styles[c]).Raw("\" customWidth=\"1\"/>");
        }
        x.Raw("</cols><sheetData>");

        x.Raw("<row r=\"1\" ht=\"").Number(LineHeight * headerLines + 2).Raw("\" customHeight=\"1\">");
        for (var c = 1; c <= ColumnCount; c++)
            TextCell(x, c, 1, GradebookStyles.HeaderFor(_styles[c]), _headers[c - 1]);
        x.Raw("</row>");

        var r = 1;
        foreach (var row in rows())
        {
            r++;
            var lines = 1;
            for (var c = 0; c < row.Length && c < ColumnCount; c++)
                if (_wrapped[c + 1] && row[c].Text is { } wrapped) lines = Math.Max(lines, Lines(wrapped, widths[c + 1]));
            x.Raw("<row r=\"").Int(r);
            if (lines > 1) x.Raw("\" ht=\"").Number(RowHeight(lines)).Raw("\" customHeight=\"1");
            x.Raw("\">");
            for (var c = 0; c < row.Length && c < ColumnCount; c++)
            {
                var cell = row[c];
                var style = cell.Style != 0 ? cell.Style : _styles[c + 1];
                if (cell.Text is { } text) TextCell(x, c + 1, r, style, text);
                else if (cell.IsNumber)
                {
                    x.Raw("<c r=\"").Raw(_columnNames[c + 1]).Int(r).Raw("\" s=\"").Int(style).Raw("\"><v>").Number(cell.Number).Raw("</v></c>");
                }
                else if (cell.Style != 0)
                {
                    x.Raw("<c r=\"").Raw(_columnNames[c + 1]).Int(r).Raw("\" s=\"").Int(style).Raw("\"/>");
                }
                if (cell.Note is { } note && notes is not null)
                {
                    var clean = ExcelText.Clean(note);
                    if (clean.Length > 0) notes.Add(new CellNote(r, c + 1, clean));
                }
            }
            x.Raw("</row>");
        }
        x.Raw("</sheetData>");

        x.Raw("<autoFilter ref=\"A1:").Raw(last).Int(lastRow).Raw("\"/>");
        if (lastRow > 1) ConditionalFormats?.Invoke(x, lastRow);
        x.Raw("<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>");
        x.Raw("<pageSetup orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>");
        x.Raw("<headerFooter><oddFooter>&amp;C&amp;A – page &amp;P of &amp;N</oddFooter></headerFooter>");
        if (notes is { Count: > 0 }) x.Raw("<legacyDrawing r:id=\"").Raw(NotesDrawingId).Raw("\"/>");
        x.Raw("</worksheet>");
    }

    private void TextCell(XmlPartWriter x, int column, int row, int style, string text)
    {
        x.Raw("<c r=\"").Raw(_columnNames[column]).Int(row).Raw("\" s=\"").Int(style).Raw("\" t=\"inlineStr\"><is>");
        x.Raw(char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) ? "<t xml:space=\"preserve\">" : "<t>");
        x.Text(text).Raw("</t></is></c>");
    }

    private void Measure(int column, string text)
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

    private void MeasureLength(int column, int length)
    {
        if (column < _widths.Length && length > _widths[column]) _widths[column] = Math.Min(length, _caps[column]);
    }

    /// <summary>A1-style column letters; 0 gives "".</summary>
    public static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26) name = (char)('A' + (column - 1) % 26) + name;
        return name;
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
    /// long words broken, line breaks kept. An estimate (fonts differ), kept on the generous side. Scans without
    /// allocating: it runs for every wrapped cell.
    /// </summary>
    public static int Lines(string text, int width)
    {
        width = Math.Max(1, width - 1);
        if (text.Length <= width && !text.Contains('\n')) return 1;
        var total = 0;
        var rest = text.AsSpan();
        while (true)
        {
            var end = rest.IndexOf('\n');
            var paragraph = end < 0 ? rest : rest[..end];
            var lines = 1;
            var current = 0;
            var i = 0;
            while (i < paragraph.Length)
            {
                while (i < paragraph.Length && paragraph[i] == ' ') i++;
                if (i == paragraph.Length) break;
                var start = i;
                while (i < paragraph.Length && paragraph[i] != ' ') i++;
                var word = i - start;
                if (current == 0) current = word;
                else if (current + 1 + word <= width) current += 1 + word;
                else { lines++; current = word; }
                while (current > width) { lines++; current -= width; }
            }
            total += lines;
            if (total > 100 || end < 0) break;
            rest = rest[(end + 1)..];
        }
        return total;
    }
}

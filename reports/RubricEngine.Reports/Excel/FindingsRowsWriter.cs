using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using XText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace RubricEngine.Reports.Excel;

/// <summary>
/// Streams the Findings rows into a saved workbook with the Open XML SDK's forward-only writer (inline strings,
/// so no text can become a formula), keeping everything ClosedXML wrote for that sheet: header, widths, freeze,
/// filter and conditional formats.
/// </summary>
internal static class FindingsRowsWriter
{
    public static void Fill(Stream package, GradebookData data)
    {
        package.Position = 0;
        using var document = SpreadsheetDocument.Open(package, true, new OpenSettings { AutoSave = false });
        var workbookPart = document.WorkbookPart ?? throw new InvalidOperationException("The workbook has no workbook part.");
        var sheet = workbookPart.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name?.Value == FindingsSheet.Name);
        var part = (WorksheetPart)workbookPart.GetPartById(sheet.Id!.Value!);

        // AutoSave is off, so this loaded copy is never saved back over the streamed part.
        var original = part.Worksheet;

        var rows = FindingsSheet.Rows(data).ToList();
        var columns = FindingsSheet.Headers.Length;
        var styles = ColumnStyles(original, columns);
        var widths = ColumnWidths(original, columns);
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet(), original.GetAttributes(), original.NamespaceDeclarations);
        foreach (var child in original.ChildElements)
        {
            switch (child)
            {
                case SheetDimension:
                    writer.WriteElement(new SheetDimension { Reference = $"A1:{ColumnName(columns)}{rows.Count + 1}" });
                    break;
                case SheetData sheetData:
                    writer.WriteStartElement(new SheetData());
                    foreach (var header in sheetData.Elements<Row>()) writer.WriteElement((Row)header.CloneNode(true));
                    WriteRows(writer, rows, styles, widths);
                    writer.WriteEndElement();
                    break;
                default:
                    writer.WriteElement(child.CloneNode(true));
                    break;
            }
        }
        writer.WriteEndElement();
    }

    private static void WriteRows(OpenXmlWriter writer, List<object?[]> rows, string?[] styles, int[] widths)
    {
        var names = Enumerable.Range(1, FindingsSheet.Headers.Length).Select(ColumnName).ToArray();
        for (var r = 0; r < rows.Count; r++)
        {
            var rowNumber = (r + 2).ToString(CultureInfo.InvariantCulture);
            var values = rows[r];
            var lines = 1;
            foreach (var c in FindingsSheet.WrappedColumns)
                if (values[c - 1] is string wrapped) lines = Math.Max(lines, SheetWriter.Lines(wrapped, widths[c - 1]));
            writer.WriteStartElement(new Row(), lines == 1
                ? [new OpenXmlAttribute("r", "", rowNumber)]
                : [new OpenXmlAttribute("r", "", rowNumber), new OpenXmlAttribute("ht", "", SheetWriter.RowHeight(lines).ToString(CultureInfo.InvariantCulture)), new OpenXmlAttribute("customHeight", "", "1")]);
            for (var c = 0; c < values.Length; c++)
            {
                var reference = new OpenXmlAttribute("r", "", names[c] + rowNumber);
                var style = styles[c] is { } s ? new OpenXmlAttribute("s", "", s) : default;
                switch (values[c])
                {
                    case string text:
                        writer.WriteStartElement(new Cell(), styles[c] is null ? [reference, new OpenXmlAttribute("t", "", "inlineStr")] : [reference, style, new OpenXmlAttribute("t", "", "inlineStr")]);
                        writer.WriteStartElement(new InlineString());
                        var t = new XText(text);
                        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))) t.Space = SpaceProcessingModeValues.Preserve;
                        writer.WriteElement(t);
                        writer.WriteEndElement();
                        writer.WriteEndElement();
                        break;
                    case double number:
                        writer.WriteStartElement(new Cell(), styles[c] is null ? [reference] : [reference, style]);
                        writer.WriteElement(new CellValue(double.IsFinite(number) ? number.ToString("R", CultureInfo.InvariantCulture) : "0"));
                        writer.WriteEndElement();
                        break;
                }
            }
            writer.WriteEndElement();
        }
    }

    /// <summary>
    /// Each column's style index from the sheet's &lt;cols&gt; (wrapping, alignment): a cell without its own style
    /// does not take its column's in Excel, so the streamed cells name it.
    /// </summary>
    private static string?[] ColumnStyles(Worksheet worksheet, int columns)
    {
        var styles = new string?[columns];
        foreach (var col in worksheet.Elements<Columns>().SelectMany(c => c.Elements<Column>()))
        {
            if (col.Style?.Value is not { } style || col.Min?.Value is not { } min || col.Max?.Value is not { } max) continue;
            for (var c = (int)min; c <= Math.Min((int)max, columns); c++)
                styles[c - 1] = style.ToString(CultureInfo.InvariantCulture);
        }
        return styles;
    }

    /// <summary>Each column's width in characters, as ClosedXML set it.</summary>
    private static int[] ColumnWidths(Worksheet worksheet, int columns)
    {
        var widths = new int[columns];
        foreach (var col in worksheet.Elements<Columns>().SelectMany(c => c.Elements<Column>()))
        {
            if (col.Width?.Value is not { } width || col.Min?.Value is not { } min || col.Max?.Value is not { } max) continue;
            for (var c = (int)min; c <= Math.Min((int)max, columns); c++) widths[c - 1] = (int)width;
        }
        return widths;
    }

    private static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26) name = (char)('A' + (column - 1) % 26) + name;
        return name;
    }
}

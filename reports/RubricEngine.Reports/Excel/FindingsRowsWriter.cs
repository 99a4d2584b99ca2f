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
                    WriteRows(writer, rows);
                    writer.WriteEndElement();
                    break;
                default:
                    writer.WriteElement(child.CloneNode(true));
                    break;
            }
        }
        writer.WriteEndElement();
    }

    private static void WriteRows(OpenXmlWriter writer, List<object?[]> rows)
    {
        var names = Enumerable.Range(1, FindingsSheet.Headers.Length).Select(ColumnName).ToArray();
        for (var r = 0; r < rows.Count; r++)
        {
            var rowNumber = (r + 2).ToString(CultureInfo.InvariantCulture);
            writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", rowNumber)]);
            var values = rows[r];
            for (var c = 0; c < values.Length; c++)
            {
                var reference = new OpenXmlAttribute("r", "", names[c] + rowNumber);
                switch (values[c])
                {
                    case string text:
                        writer.WriteStartElement(new Cell(), [reference, new OpenXmlAttribute("t", "", "inlineStr")]);
                        writer.WriteStartElement(new InlineString());
                        var t = new XText(text);
                        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))) t.Space = SpaceProcessingModeValues.Preserve;
                        writer.WriteElement(t);
                        writer.WriteEndElement();
                        writer.WriteEndElement();
                        break;
                    case double number:
                        writer.WriteStartElement(new Cell(), [reference]);
                        writer.WriteElement(new CellValue(double.IsFinite(number) ? number.ToString("R", CultureInfo.InvariantCulture) : "0"));
                        writer.WriteEndElement();
                        break;
                }
            }
            writer.WriteEndElement();
        }
    }

    private static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26) name = (char)('A' + (column - 1) % 26) + name;
        return name;
    }
}

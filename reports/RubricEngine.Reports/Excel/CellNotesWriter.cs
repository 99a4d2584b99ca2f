namespace RubricEngine.Reports.Excel;

/// <summary>
/// Writes a sheet's cell notes as Excel stores them: the comments part (the text, read by LibreOffice and
/// ClosedXML) and the legacy VML drawing (one hidden note shape per comment, in the same order, without which
/// Excel does not show them).
/// </summary>
internal static class CellNotesWriter
{
    public static void WriteComments(XmlPartWriter x, IReadOnlyList<CellNote> notes)
    {
        x.Raw("<comments xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><authors><author>rubric</author></authors><commentList>");
        foreach (var note in notes)
        {
            x.Raw("<comment ref=\"").Raw(SheetWriter.ColumnName(note.Column)).Int(note.Row).Raw("\" authorId=\"0\"><text><r>")
                .Raw("<rPr><sz val=\"9\"/><color rgb=\"FF000000\"/><rFont val=\"Tahoma\"/><family val=\"2\"/></rPr>")
                .Raw(char.IsWhiteSpace(note.Text[0]) || char.IsWhiteSpace(note.Text[^1]) ? "<t xml:space=\"preserve\">" : "<t>")
                .Text(note.Text).Raw("</t></r></text></comment>");
        }
        x.Raw("</commentList></comments>");
    }

    public static void WriteVml(Stream stream, IReadOnlyList<CellNote> notes)
    {
        // VML is not XML-declared like the other parts: Excel expects the bare <xml> root.
        using var x = new XmlPartWriter(stream, declaration: false);
        x.Raw("<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:x=\"urn:schemas-microsoft-com:office:excel\">");
        // Shape ids come in blocks of 1024, each block listed in the id map.
        x.Raw("<o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"");
        var blocks = (1024 + notes.Count) / 1024;
        for (var b = 1; b <= blocks; b++)
        {
            if (b > 1) x.Raw(',');
            x.Int(b);
        }
        x.Raw("\"/></o:shapelayout>");
        x.Raw("<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" path=\"m,l,21600r21600,l21600,xe\">")
            .Raw("<v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>");
        for (var i = 0; i < notes.Count; i++)
        {
            var row = notes[i].Row - 1;
            var column = notes[i].Column - 1;
            x.Raw("<v:shape id=\"_x0000_s").Int(1025 + i).Raw("\" type=\"#_x0000_t202\" style=\"position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:144pt;height:59.25pt;z-index:")
                .Int(i + 1).Raw(";visibility:hidden\" fillcolor=\"#FFFFE1\" o:insetmode=\"auto\">")
                .Raw("<v:fill color2=\"#FFFFE1\"/><v:shadow on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/>")
                .Raw("<v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox>")
                .Raw("<x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>")
                .Int(column + 1).Raw(", 15, ").Int(Math.Max(0, row - 1)).Raw(", 10, ").Int(column + 3).Raw(", 15, ").Int(row + 3).Raw(", 4</x:Anchor>")
                .Raw("<x:AutoFill>False</x:AutoFill><x:Row>").Int(row).Raw("</x:Row><x:Column>").Int(column).Raw("</x:Column></x:ClientData></v:shape>");
        }
        x.Raw("</xml>");
    }
}

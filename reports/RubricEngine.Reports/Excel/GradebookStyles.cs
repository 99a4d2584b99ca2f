namespace RubricEngine.Reports.Excel;

/// <summary>
/// The workbook's fixed stylesheet: every cell format the gradebook uses, by index into <c>cellXfs</c>, and the
/// differential formats its conditional formats refer to. Fixed, so nothing is interned per cell while writing.
/// </summary>
internal static class GradebookStyles
{
    public const int Default = 0;
    public const int Top = 1;
    public const int Header = 2;
    public const int Points = 3;
    public const int Percent = 4;
    public const int Wrapped = 5;
    public const int Centered = 6;
    public const int HeaderCentered = 7;
    public const int LeftWrapped = 8;
    public const int HeaderLeft = 9;
    public const int PointsNotGraded = 10;

    /// <summary>Differential format: the lost-points fill.</summary>
    public const int LostFillDxf = 0;

    /// <summary>Differential format: grey text.</summary>
    public const int GreyFontDxf = 1;

    /// <summary>Header fill, lost-points fill and the not-graded font colour, as ARGB.</summary>
    public const string HeaderFill = "FFD9E1F2";
    public const string LostFill = "FFF8CBAD";
    public const string ErrorFont = "FFC00000";

    /// <summary>The header style over a column whose cells have <paramref name="columnStyle"/>.</summary>
    public static int HeaderFor(int columnStyle) => columnStyle switch
    {
        Centered => HeaderCentered,
        LeftWrapped => HeaderLeft,
        _ => Header,
    };

    public static void Write(XmlPartWriter x)
    {
        x.Raw("<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">")
            .Raw("<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"").Attribute(GradesSheet.PointsFormat)
            .Raw("\"/><numFmt numFmtId=\"165\" formatCode=\"0.0%\"/></numFmts>")
            .Raw("<fonts count=\"3\">")
            .Raw("<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>")
            .Raw("<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>")
            .Raw("<font><b/><i/><sz val=\"11\"/><color rgb=\"" + ErrorFont + "\"/><name val=\"Calibri\"/><family val=\"2\"/></font>")
            .Raw("</fonts>")
            .Raw("<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>")
            .Raw("<fill><patternFill patternType=\"solid\"><fgColor rgb=\"" + HeaderFill + "\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>")
            .Raw("<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>")
            .Raw("<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>")
            .Raw("<cellXfs count=\"11\">")
            .Raw("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>")
            .Raw(Xf(0, 0, 0, "vertical=\"top\""))
            .Raw(Xf(0, 1, 2, "vertical=\"top\" wrapText=\"1\""))
            .Raw(Xf(164, 0, 0, "vertical=\"top\""))
            .Raw(Xf(165, 0, 0, "vertical=\"top\""))
            .Raw(Xf(0, 0, 0, "vertical=\"top\" wrapText=\"1\""))
            .Raw(Xf(0, 0, 0, "horizontal=\"center\" vertical=\"top\""))
            .Raw(Xf(0, 1, 2, "horizontal=\"center\" vertical=\"top\" wrapText=\"1\""))
            .Raw(Xf(0, 0, 0, "horizontal=\"left\" vertical=\"top\" wrapText=\"1\""))
            .Raw(Xf(0, 1, 2, "horizontal=\"left\" vertical=\"top\" wrapText=\"1\""))
            .Raw(Xf(164, 2, 0, "vertical=\"top\""))
            .Raw("</cellXfs>")
            .Raw("<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>")
            .Raw("<dxfs count=\"2\">")
            .Raw("<dxf><fill><patternFill patternType=\"solid\"><bgColor rgb=\"" + LostFill + "\"/></patternFill></fill></dxf>")
            .Raw("<dxf><font><color rgb=\"FF808080\"/></font></dxf>")
            .Raw("</dxfs></styleSheet>");
    }

    private static string Xf(int numFmt, int font, int fill, string alignment) =>
        $"<xf numFmtId=\"{numFmt}\" fontId=\"{font}\" fillId=\"{fill}\" borderId=\"0\" xfId=\"0\"" +
        (numFmt != 0 ? " applyNumberFormat=\"1\"" : "") + (font != 0 ? " applyFont=\"1\"" : "") + (fill != 0 ? " applyFill=\"1\"" : "") +
        $" applyAlignment=\"1\"><alignment {alignment}/></xf>";
}

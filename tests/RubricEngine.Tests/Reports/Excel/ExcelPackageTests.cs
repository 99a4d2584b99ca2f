using System.IO.Compression;
using System.Xml.Linq;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using RubricEngine.Reports.Excel;
using RubricEngine.Traces;
using static RubricEngine.Tests.Reports.GradeBuilder;

namespace RubricEngine.Tests.Reports.Excel;

/// <summary>The package the streamed writer produces: valid, fixed metadata, notes Excel can show, same bytes per run.</summary>
public sealed class ExcelPackageTests
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private string _path = "";

    [SetUp]
    public void SetUp() => _path = TempPath(".xlsx");

    [TearDown]
    public void TearDown()
    {
        if (File.Exists(_path)) File.Delete(_path);
    }

    private static TraceError BadTrace => new("traces/bad.json", "expected a string", "$.messages[3].role", 12, 5);

    [Test]
    public void The_package_validates_against_the_Office_schema()
    {
        ExcelGradebookWriter.Write(_path, Rules, Sample(), Run(BadTrace));
        using var document = SpreadsheetDocument.Open(_path, false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void Workbook_properties_come_from_the_run_and_Grades_is_the_active_tab()
    {
        var run = Run();
        ExcelGradebookWriter.Write(_path, Rules, Sample(), run);
        using var wb = new XLWorkbook(_path);
        Assert.That(wb.Properties.Author, Is.EqualTo("rubric"));
        Assert.That(wb.Properties.Title, Is.EqualTo(run.RubricTitle));
        Assert.That(wb.Properties.Created.ToUniversalTime(), Is.EqualTo(run.Started.UtcDateTime).Within(TimeSpan.FromSeconds(1)));
        Assert.That(wb.Properties.Modified.ToUniversalTime(), Is.EqualTo(run.Finished.UtcDateTime).Within(TimeSpan.FromSeconds(1)));
        Assert.That(wb.Worksheet("Grades").TabActive, Is.True);
        Assert.That(wb.Worksheets.Where(s => s.TabActive).Select(s => s.Name), Is.EqualTo(new[] { "Grades" }));
    }

    [Test]
    public void The_same_run_gives_the_same_bytes()
    {
        ExcelGradebookWriter.Write(_path, Rules, Sample(), Run(BadTrace));
        var first = File.ReadAllBytes(_path);
        ExcelGradebookWriter.Write(_path, Rules, Sample(), Run(BadTrace));
        Assert.That(File.ReadAllBytes(_path), Is.EqualTo(first));
    }

    [Test]
    public void Every_note_has_a_hidden_note_shape_for_its_cell_in_the_legacy_drawing()
    {
        ExcelGradebookWriter.Write(_path, Rules, Sample(), Run());
        using var zip = ZipFile.OpenRead(_path);
        var comments = XDocument.Load(zip.GetEntry("xl/comments1.xml")!.Open()).Descendants(Main + "comment").Select(c => c.Attribute("ref")!.Value).ToList();
        XNamespace x = "urn:schemas-microsoft-com:office:excel";
        var shapes = XDocument.Load(zip.GetEntry("xl/drawings/vmlDrawing1.vml")!.Open()).Descendants(x + "ClientData")
            .Select(d => XLHelper.GetColumnLetterFromNumber(int.Parse(d.Element(x + "Column")!.Value) + 1) + (int.Parse(d.Element(x + "Row")!.Value) + 1))
            .ToList();
        Assert.That(comments, Is.EqualTo(new[] { "D3", "F3", "E4", "G4" }));
        Assert.That(shapes, Is.EqualTo(comments), "one shape per note, same order, same cell");
        var sheet = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        Assert.That(sheet.Root!.Element(Main + "legacyDrawing"), Is.Not.Null);
    }

    [Test]
    public void Without_notes_there_is_no_comments_part()
    {
        ExcelGradebookWriter.Write(_path, Rules, Sample(), Run(), new ExcelGradebookOptions { Notes = false });
        using (var zip = ZipFile.OpenRead(_path))
            Assert.That(zip.Entries.Select(e => e.FullName), Has.None.Contains("comments").And.None.Contains("vml"));
        using var wb = new XLWorkbook(_path);
        Assert.That(wb.Worksheet("Grades").CellsUsed(XLCellsUsedOptions.All).Any(c => c.HasComment), Is.False);
    }

    [Test]
    public void Rows_are_written_once_each_in_order_with_cells_in_column_order()
    {
        ExcelGradebookWriter.Write(_path, Rules, Sample(), Run(BadTrace));
        using var zip = ZipFile.OpenRead(_path);
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)))
        {
            var rows = XDocument.Load(entry.Open()).Descendants(Main + "row").ToList();
            var numbers = rows.Select(r => int.Parse(r.Attribute("r")!.Value)).ToList();
            Assert.That(numbers, Is.Ordered.Ascending.And.Unique, entry.FullName);
            foreach (var row in rows)
            {
                var columns = row.Elements(Main + "c").Select(c => XLHelper.GetColumnNumberFromAddress(c.Attribute("r")!.Value)).ToList();
                Assert.That(columns, Is.Ordered.Ascending.And.Unique, $"{entry.FullName} row {row.Attribute("r")!.Value}");
            }
        }
    }

    [Test]
    public void The_errors_tab_is_red_only_when_a_trace_or_a_criterion_was_not_graded()
    {
        ExcelGradebookWriter.Write(_path, Rules, FullyGradedSample(), Run(BadTrace));
        using (var wb = new XLWorkbook(_path)) Assert.That(wb.Worksheet("Errors").TabColor, Is.EqualTo(XLColor.FromHtml("#C00000")));
        ExcelGradebookWriter.Write(_path, Rules, Sample(), Run());
        using (var wb = new XLWorkbook(_path)) Assert.That(wb.Worksheet("Errors").TabColor, Is.EqualTo(XLColor.FromHtml("#C00000")), "s3's HW7-02");
        ExcelGradebookWriter.Write(_path, Rules, FullyGradedSample(), Run());
        using (var wb = new XLWorkbook(_path)) Assert.That(wb.Worksheet("Errors").TabColor.HasValue, Is.False);
    }

    [Test]
    public void Wrapped_prose_rows_are_made_tall_enough()
    {
        var longComment = string.Join(' ', Enumerable.Repeat("The expansion of the norm as a trace is not shown.", 4));
        ExcelGradebookWriter.Write(_path, Rules, [Grade("s1", "A", null, Lost(Derivation, 0, longComment))], Run());
        using var wb = new XLWorkbook(_path);
        Assert.That(wb.Worksheet("Feedback").Row(2).Height, Is.GreaterThan(30));
        Assert.That(wb.Worksheet("Feedback").Cell("D2").Style.Alignment.WrapText, Is.True);
        Assert.That(wb.Worksheet("Grades").Row(2).Height, Is.EqualTo(15).Within(0.5), "no wrapped column on Grades");
    }

    [TestCase("short", 10, 1)]
    [TestCase("one two three four", 11, 2)]
    [TestCase("one two three four", 10, 3)]
    [TestCase("line one\nline two", 40, 2)]
    [TestCase("abcdefghijklmnopqrstuvwxyz", 11, 3)]
    [TestCase("", 10, 1)]
    [TestCase("a\n\nb", 10, 3)]
    public void Lines_estimates_word_wrapped_lines(string text, int width, int expected) =>
        Assert.That(SheetWriter.Lines(text, width), Is.EqualTo(expected));
}

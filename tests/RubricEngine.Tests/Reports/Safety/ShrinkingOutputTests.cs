using RubricEngine.Reports.IO;
using RubricEngine.Reports.Safety;

namespace RubricEngine.Tests.Reports.Safety;

public sealed class ShrinkingOutputTests
{
    [TestCase("id,comment\n1,a\n2,b\n", 2)]
    [TestCase("id,comment\r\n1,\"two\r\nlines, and a \"\"quote\"\"\"\r\n2,b", 2)]
    [TestCase("\uFEFFStudent,ID\n    Points Possible,\n\"Lima, Ana\",1\n\n\n", 2)]
    [TestCase("", 0)]
    public void Csv_rows_are_records_after_the_header_whatever_the_quoting(string text, int rows)
    {
        using var temp = new TempFolder();
        var path = temp.File("g.csv");
        File.WriteAllText(path, text);

        Assert.That(ShrinkingOutput.CsvRows(path), Is.EqualTo(rows));
    }
}

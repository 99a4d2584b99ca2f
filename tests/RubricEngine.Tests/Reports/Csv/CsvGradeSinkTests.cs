using System.Text;
using RubricEngine.Reports.Csv;
using static RubricEngine.Tests.Reports.Csv.CsvTestFiles;

namespace RubricEngine.Tests.Reports.Csv;

public sealed class CsvGradeSinkTests
{
    private static readonly string[] Hostile = ["=HYPERLINK(\"http://x\",\"y\")", "+1", "@SUM(A1)", "-2+3"];

    private static ReportFilesGradeBuilder Student(string id, string? name = null, string? email = null) =>
        new(ReportFilesGradeBuilder.Rubric(), id, name, email);

    [Test]
    public void Plain_has_every_criterion_with_points_comment_and_override_then_totals()
    {
        using var temp = new TempFolder();
        var path = temp.File("grades.csv");
        var grade = Student("ana", "Ana Lopez", "ana@uni.edu").Lose("HW7-03", 0.5, "~18 hours, 68% are not in the blog.").Build();
        Run(CsvGradeSink.ToFile(path, new CsvExportOptions { Format = CsvGradeFormat.Plain }), grade);

        var rows = ReadRows(path);
        Assert.That(rows[0], Is.EqualTo(new[]
        {
            "id", "name", "email", "file",
            "HW7-01 points", "HW7-01 comment", "HW7-01 override",
            "HW7-03 points", "HW7-03 comment", "HW7-03 override",
            "HW7-04 points", "HW7-04 comment", "HW7-04 override",
            "HW7-90 points", "HW7-90 comment", "HW7-90 override",
            "total", "max", "percent", "graded",
        }));
        var row = rows[1];
        Assert.That(row[..4], Is.EqualTo(new[] { "ana", "Ana Lopez", "ana@uni.edu", "traces/ana.json" }));
        Assert.That(row[7], Is.EqualTo("1.5"));
        Assert.That(row[8], Is.EqualTo("~18 hours, 68% are not in the blog."));
        Assert.That(row[^4..], Is.EqualTo(new[] { "6", "6.5", "92.31", "" }));
        Assert.That(rows, Has.Count.EqualTo(2));
    }

    [Test]
    public void Numbers_are_invariant_even_under_a_comma_culture()
    {
        using var temp = new TempFolder();
        var path = temp.File("grades.csv");
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            // Globalization-invariant mode has no de-DE: make a culture with a decimal comma by hand.
            var comma = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            Thread.CurrentThread.CurrentCulture = comma;
            Assume.That(1.25.ToString(), Is.EqualTo("1,25"));
            Run(CsvGradeSink.ToFile(path, new CsvExportOptions()), Student("ana").Lose("HW7-04", 0.25, "long").Build());
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
        var row = ReadRows(path)[1];
        Assert.That(row[10], Is.EqualTo("1.25"));
        foreach (var cell in new[] { row[4], row[7], row[10], row[13], row[^4], row[^3], row[^2] })
            Assert.That(() => ParseInvariant(cell), Throws.Nothing, cell);
        Assert.That(File.ReadAllText(path), Does.Not.Contain("1,25"));
    }

    [TestCase(CsvGradeFormat.Plain)]
    [TestCase(CsvGradeFormat.Gradescope)]
    [TestCase(CsvGradeFormat.Canvas)]
    [TestCase(CsvGradeFormat.Moodle)]
    [TestCase(CsvGradeFormat.Blackboard)]
    public void Hostile_names_emails_and_comments_are_escaped(CsvGradeFormat format)
    {
        using var temp = new TempFolder();
        var path = temp.File("grades.csv");
        var grades = Hostile.Select((h, i) => Student(h, h + " " + h, h).Lose("HW7-01", 1, h).Build()).ToArray();
        Run(CsvGradeSink.ToFile(path, new CsvExportOptions { Format = format }), grades);

        var cells = ReadRows(path).Skip(1).SelectMany(r => r).ToList();
        foreach (var cell in cells)
            Assert.That(cell, Does.Not.Match("^[=+@\t\r]").And.Not.Match("^-[^0-9]|^-[0-9].*[^0-9.]"), $"{format}: unescaped cell {cell}");
        Assert.That(cells, Has.Member("'=HYPERLINK(\"http://x\",\"y\")"));
        Assert.That(cells, Has.Member("'@SUM(A1)"));
    }

    [Test]
    public void Canvas_has_its_columns_and_the_points_possible_row_second()
    {
        using var temp = new TempFolder();
        var path = temp.File("canvas.csv");
        Run(CsvGradeSink.ToFile(path, new CsvExportOptions { Format = CsvGradeFormat.Canvas, AssignmentName = "HW7", AssignmentId = "4242" }),
            Student("s1", "Ana Lopez", "ana@uni.edu").Lose("HW7-01", 2, "no derivation").Build());

        var rows = ReadRows(path);
        Assert.That(rows[0], Is.EqualTo(new[] { "Student", "ID", "SIS User ID", "SIS Login ID", "Section", "HW7 (4242)" }));
        Assert.That(rows[1][0].Trim(), Is.EqualTo("Points Possible"));
        Assert.That(ParseInvariant(rows[1][5]), Is.EqualTo(6.5));
        Assert.That(rows[2], Is.EqualTo(new[] { "Ana Lopez", "", "s1", "ana@uni.edu", "", "4.5" }));
        Assert.That(File.ReadAllBytes(path).Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "Canvas file starts with a UTF-8 BOM");
    }

    [Test]
    public void Canvas_with_a_roster_keeps_roster_order_leaves_missing_students_empty_and_returns_strays()
    {
        using var temp = new TempFolder();
        var rosterPath = temp.File("export.csv");
        File.WriteAllText(rosterPath,
            "\uFEFFStudent,ID,SIS User ID,SIS Login ID,Section,HW6 (4100),HW7 (4242)\r\n" +
            "    Points Possible,,,,,10,6.5\r\n" +
            "\"Lopez, Ana\",101,s1,ana@uni.edu,Sec 1,9,\r\n" +
            "\"Kim, Bo\",102,s2,bokim,Sec 1,8,\r\n" +
            "\"Roe, Cy\",103,,cyroe,Sec 2,7,\r\n" +
            "\"Doe, Di\",104,s4,didoe@uni.edu,Sec 2,7,\r\n", new UTF8Encoding(false));
        var roster = CanvasRoster.Read(rosterPath);
        var path = temp.File("canvas.csv");
        var sink = CsvGradeSink.ToFile(path, new CsvExportOptions { Format = CsvGradeFormat.Canvas, AssignmentName = "HW7", Roster = roster });
        Run(sink,
            Student("cy", "Cy", "cyroe@uni.edu").Lose("HW7-90", 1, "no annotations").Build(), // by email local part = login
            Student("bokim").Build(),                                                          // by SIS Login ID
            Student("s1", "Ana").Lose("HW7-01", 0.5, "short").Build(),                         // by SIS User ID
            Student("zed", "Zed", "zed@uni.edu").Build(),                                      // no row
            Student("s1", "Ana again").Build());                                               // duplicate

        var rows = ReadRows(path);
        Assert.That(rows[0][5], Is.EqualTo("HW7 (4242)"), "assignment id taken from the roster's column");
        Assert.That(rows.Skip(2).Select(r => (r[0], r[1], r[2], r[3], r[4], r[5])), Is.EqualTo(new[]
        {
            ("Lopez, Ana", "101", "s1", "ana@uni.edu", "Sec 1", "6"),
            ("Kim, Bo", "102", "s2", "bokim", "Sec 1", "6.5"),
            ("Roe, Cy", "103", "", "cyroe", "Sec 2", "5.5"),
            ("Doe, Di", "104", "s4", "didoe@uni.edu", "Sec 2", ""),
        }));
        var unmatched = sink.Inner.Unmatched;
        Assert.That(unmatched.Select(u => u.StudentId), Is.EqualTo(new[] { "zed", "s1" }));
        Assert.That(unmatched[0].Reason, Does.Contain("zed@uni.edu"));
        Assert.That(unmatched[1].Reason, Does.Contain("already has the grade of traces/s1.json"));
    }

    [Test]
    public void Roster_without_id_columns_is_refused_with_file_and_line()
    {
        var e = Assert.Throws<CanvasRosterException>(() => CanvasRoster.Parse(new StringReader("Name,Score\r\nAna,1\r\n"), "roster.csv"));
        Assert.That(e!.Message, Does.StartWith("roster.csv(1): error:"));
    }

    [Test]
    public void Roster_keys_shared_by_two_rows_match_neither()
    {
        var roster = CanvasRoster.Parse(new StringReader("Student,ID,SIS User ID,SIS Login ID,Section\r\nA,1,x,a,\r\nB,2,x,b,\r\n"), "r.csv");
        var (row, reason) = roster.Match(new RubricEngine.Traces.Student("x"));
        Assert.That(row, Is.Null);
        Assert.That(reason, Does.Contain("2 roster rows"));
    }

    [Test]
    public void Gradescope_sums_each_question_and_splits_names()
    {
        using var temp = new TempFolder();
        var path = temp.File("gs.csv");
        Run(CsvGradeSink.ToFile(path, new CsvExportOptions { Format = CsvGradeFormat.Gradescope }),
            Student("s1", "Ana María Lopez", "ana@uni.edu").Lose("HW7-04", 1, "too long").Build(),
            Student("s2", "Kim, Bo", "bo@uni.edu").Build());

        var rows = ReadRows(path);
        Assert.That(rows[0], Is.EqualTo(new[]
        {
            "First Name", "Last Name", "SID", "Email", "Total Score",
            "3.b.i: First-order optimality conditions (2 pts)", "4.a: Figures from the blog (2 pts)",
            "4.b: Summary in about 100 words (1.5 pts)", "HW7-90: Answers annotated (1 pts)",
        }));
        Assert.That(rows[1], Is.EqualTo(new[] { "Ana María", "Lopez", "s1", "ana@uni.edu", "5.5", "2", "2", "0.5", "1" }));
        Assert.That(rows[2][..2], Is.EqualTo(new[] { "Bo", "Kim" }));
    }

    [Test]
    public void Output_is_rfc4180_with_crlf_and_quotes_only_where_needed()
    {
        using var temp = new TempFolder();
        var path = temp.File("g.csv");
        Run(CsvGradeSink.ToFile(path, new CsvExportOptions { ByteOrderMark = false }),
            Student("ana", "Ana \"A\" Lopez").Lose("HW7-01", 1, "line one\nline two, with comma").Build());
        var text = File.ReadAllText(path);
        Assert.That(text, Does.Not.StartWith("\uFEFF"));
        Assert.That(text.Replace("\r\n", ""), Does.Contain("\"Ana \"\"A\"\" Lopez\""));
        Assert.That(text, Does.Contain("\"line one\nline two, with comma\""));
        Assert.That(text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(2));
        Assert.That(ReadRows(path)[1][5], Is.EqualTo("line one\nline two, with comma"));
    }

    [Test]
    public void A_sink_disposed_before_complete_leaves_no_file()
    {
        using var temp = new TempFolder();
        var path = temp.File("g.csv");
        using (var sink = CsvGradeSink.ToFile(path, new CsvExportOptions()))
        {
            sink.Begin(ReportFilesGradeBuilder.Context());
            sink.Add(Student("ana").Build());
        }
        Assert.That(Directory.GetFiles(temp.Path), Is.Empty);
    }

    [Test]
    public void Same_grades_give_byte_identical_files()
    {
        using var temp = new TempFolder();
        var grades = Enumerable.Range(0, 50).Select(i => Student($"s{i}", $"N{i}").Lose("HW7-03", i % 3 * 0.5, $"c{i}").Build()).ToArray();
        Run(CsvGradeSink.ToFile(temp.File("a.csv"), new CsvExportOptions()), grades);
        Run(CsvGradeSink.ToFile(temp.File("b.csv"), new CsvExportOptions()), grades);
        Assert.That(File.ReadAllBytes(temp.File("a.csv")), Is.EqualTo(File.ReadAllBytes(temp.File("b.csv"))));
    }
}

using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;

namespace RubricEngine.Tests.Cli;

/// <summary><c>rubric grade</c> into a course's own gradebook, into Canvas's CSV, and with manual overrides.</summary>
public sealed class GradebookUpdateTests : CliTestBase
{
    private static string Alice => Path.Combine(Hw7Example.Traces, "01-alice-all-in-one.json");

    private static string Carol => Path.Combine(Hw7Example.Traces, "03-carol-retry-problem-4.json");

    private static List<IDictionary<string, object>> ReadCsv(string path, bool skipPointsPossible = false)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
    }

    private static double Number(object value) => double.Parse((string)value, CultureInfo.InvariantCulture);

    [Test]
    public async Task Into_an_existing_workbook_updates_the_total_column_keeps_the_rest_and_writes_a_backup()
    {
        var course = At("course.xlsx");
        using (var wb = new XLWorkbook())
        {
            var ws = wb.Worksheets.Add("Roster");
            ws.Cell("A1").Value = "Student"; ws.Cell("B1").Value = "SIS User ID"; ws.Cell("C1").Value = "HW6";
            ws.Cell("A2").Value = "Nguyen, Alice"; ws.Cell("B2").SetValue("3031001"); ws.Cell("C2").Value = 9;
            ws.Cell("A3").Value = "Diaz, Carol"; ws.Cell("B3").SetValue("3031003"); ws.Cell("C3").Value = 7;
            ws.Cell("A4").Value = "Nobody, Ned"; ws.Cell("B4").SetValue("3039999"); ws.Cell("C4").Value = 8;
            ws.Cell("D1").Value = "Sum"; ws.Cell("D2").FormulaA1 = "=SUM(C2:C2)";
            wb.SaveAs(course);
        }
        var before = File.ReadAllBytes(course);

        var result = await CliRun.Rubric("grade", Hw7Rubric, Alice, Carol, "--into", course, "--column", "HW7", "--csv", At("g.csv"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Does.Contain("Updated 2 students in"));
        Assert.That(result.Out, Does.Contain("no trace for student 3039999"));
        var totals = ReadCsv(At("g.csv")).ToDictionary(r => (string)r["id"], r => Number(r["total"]));
        using (var wb = new XLWorkbook(course))
        {
            var ws = wb.Worksheet("Roster");
            Assert.That(ws.Cell("E1").GetString(), Is.EqualTo("HW7"), "the column is added at the end");
            Assert.That(ws.Cell("E2").GetDouble(), Is.EqualTo(totals["3031001"]).Within(0.011));
            Assert.That(ws.Cell("E3").GetDouble(), Is.EqualTo(totals["3031003"]).Within(0.011));
            Assert.That(ws.Cell("E4").IsEmpty(), Is.True, "no trace, no grade");
            Assert.That(ws.Cell("C3").GetDouble(), Is.EqualTo(7), "other columns are kept");
            Assert.That(ws.Cell("D2").FormulaA1, Is.EqualTo("SUM(C2:C2)"), "formulas are kept");
        }
        var backups = Directory.GetFiles(Dir, "course.xlsx.*.bak");
        Assert.That(backups, Has.Length.EqualTo(1));
        Assert.That(File.ReadAllBytes(backups[0]), Is.EqualTo(before), "the backup is the workbook as it was");
    }

    [Test]
    public async Task Canvas_csv_with_a_roster_has_a_row_per_roster_student_and_the_assignment_column()
    {
        var roster = At("canvas-export.csv");
        File.WriteAllText(roster, """
            Student,ID,SIS User ID,SIS Login ID,Section,HW6 (111)
                Points Possible,,,,,10
            "Nguyen, Alice",501,3031001,alice@berkeley.example,CS182 LEC 001,9
            "Diaz, Carol",503,3031003,carol@berkeley.example,CS182 LEC 001,7
            "Nobody, Ned",599,3039999,ned@berkeley.example,CS182 LEC 001,8

            """);

        var result = await CliRun.Rubric("grade", Hw7Rubric, Alice, Carol, "--csv", At("canvas.csv"), "--csv-format", "canvas",
            "--roster", roster, "--assignment", "HW7 (12345)");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var rows = ReadCsv(At("canvas.csv"));
        Assert.That(rows[0].Keys, Is.EqualTo(new[] { "Student", "ID", "SIS User ID", "SIS Login ID", "Section", "HW7 (12345)" }));
        Assert.That(((string)rows[0]["Student"]).Trim(), Is.EqualTo("Points Possible"));
        Assert.That(Number(rows[0]["HW7 (12345)"]), Is.EqualTo(16));
        var byId = rows.Skip(1).ToDictionary(r => (string)r["SIS User ID"]);
        Assert.That(byId.Keys, Is.EquivalentTo(new[] { "3031001", "3031003", "3039999" }));
        Assert.That(byId["3031001"]["Student"], Is.EqualTo("Nguyen, Alice"), "the roster's own name");
        Assert.That(Number(byId["3031001"]["HW7 (12345)"]), Is.EqualTo(16));
        Assert.That(Number(byId["3031003"]["HW7 (12345)"]), Is.LessThan(16));
        Assert.That(byId["3039999"]["HW7 (12345)"], Is.EqualTo(""), "no trace: left blank, not zero");
    }

    [Test]
    public async Task A_roster_that_is_not_a_Canvas_export_exits_2()
    {
        File.WriteAllText(At("roster.csv"), "name,score\nAlice,1\n");

        var result = await CliRun.Rubric("grade", Hw7Rubric, Alice, "--csv", At("canvas.csv"), "--csv-format", "canvas", "--roster", At("roster.csv"));

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("roster.csv(1): error: not a Canvas gradebook export"));
    }

    [Test]
    public async Task Overrides_change_the_points_and_are_recorded_in_every_report()
    {
        File.WriteAllText(At("overrides.csv"), """
            student,rule,points,reason,grader
            # Carol's "~18 hours" was a typo for 18 minutes in her notes; full credit after regrade.
            3031003,HW7-03,2,regrade request 42,TA Kim

            """);

        var plain = await CliRun.Rubric("grade", Hw7Rubric, Carol, "--csv", At("before.csv"));
        var result = await CliRun.Rubric("grade", Hw7Rubric, Carol, "--csv", At("after.csv"), "-o", At("g.xlsx"), "--overrides", At("overrides.csv"));

        Assert.That(plain.ExitCode, Is.EqualTo(0), plain.ToString());
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var before = ReadCsv(At("before.csv")).Single();
        var after = ReadCsv(At("after.csv")).Single();
        Assert.That(Number(before["HW7-03 points"]), Is.LessThan(2));
        Assert.That(Number(after["HW7-03 points"]), Is.EqualTo(2));
        Assert.That((string)after["HW7-03 override"], Does.Contain("regrade request 42"));
        Assert.That(Number(after["total"]), Is.EqualTo(Number(before["total"]) - Number(before["HW7-03 points"]) + 2).Within(0.011));

        using var wb = new XLWorkbook(At("g.xlsx"));
        var findings = wb.Worksheet("Findings").RowsUsed().Skip(1).Where(r => r.Cell(6).GetString() == "HW7-03").ToList();
        Assert.That(findings, Is.Not.Empty);
        Assert.That(findings.All(r => r.Cell(14).GetString().Contains("regrade request 42", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public async Task An_override_for_an_unknown_rule_is_reported_and_the_rest_still_grades()
    {
        File.WriteAllText(At("overrides.csv"), "student,rule,points,reason,grader\n3031003,HW7-77,2,typo,TA\n");

        var result = await CliRun.Rubric("grade", Hw7Rubric, Carol, "--csv", At("g.csv"), "--overrides", At("overrides.csv"));

        Assert.That(result.Out, Does.Contain("overrides.csv(2)").And.Contain("HW7-77"), result.ToString());
        Assert.That(File.Exists(At("g.csv")), Is.True);
    }
}

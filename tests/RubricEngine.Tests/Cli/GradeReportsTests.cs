using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using CsvHelper;
using RubricEngine.Scripting;

namespace RubricEngine.Tests.Cli;

/// <summary>
/// <c>rubric grade hw7.rubric.csx traces -o g.xlsx --csv g.csv --sarif g.sarif --feedback fb</c>, run once, and every
/// file it wrote read back with the libraries a TA's tools would use.
/// </summary>
public sealed class GradeReportsTests
{
    private static readonly Regex Canonical = new(
        @"^(?<file>.+?)(\((?<line>\d+),(?<col>\d+)\))?: (?<severity>error|warning|info) (?<id>[A-Z0-9]+-\d+|RE\d{4}): (?<message>.+)$",
        RegexOptions.NonBacktracking);

    private string _dir = "";
    private CliResult _run = null!;

    private string At(string name) => Path.Combine(_dir, name);

    [OneTimeSetUp]
    public async Task GradeHw7Once()
    {
        _dir = Path.Combine(Path.GetTempPath(), "rubric-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        _run = await CliRun.Rubric("grade", Hw7Example.RubricPath, Hw7Example.Traces,
            "-o", At("g.xlsx"), "--csv", At("g.csv"), "--sarif", At("g.sarif"), "--feedback", At("fb"),
            "--students", Path.Combine(Hw7Example.Folder, "students.csv"), "--no-progress");
    }

    [OneTimeTearDown]
    public void Delete() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Grading_the_example_exits_0_and_says_what_it_wrote()
    {
        Assert.That(_run.ExitCode, Is.EqualTo(0), _run.ToString());
        Assert.That(_run.Out, Does.Contain("Wrote gradebook: " + At("g.xlsx")).And.Contain("Wrote CSV:").And.Contain("Wrote SARIF:").And.Contain("Wrote feedback:"));
        Assert.That(_run.Console, Does.Contain("13 traces graded, 0 could not be graded."));
        Assert.That(CliRun.HasStackTrace(_run.All), Is.False);
    }

    [Test]
    public void Console_findings_are_MSBuild_canonical_lines()
    {
        var findings = _run.OutLines.Where(l => !l.StartsWith("Wrote ", StringComparison.Ordinal)).ToList();
        Assert.That(findings, Is.Not.Empty);
        foreach (var line in findings) Assert.That(Canonical.IsMatch(line), Is.True, line);

        // The classic hallucination "~18 hours" in Carol's answer to 4.a, with its line and column.
        var carol = findings.Where(l => l.Contains("03-carol-retry-problem-4.json(", StringComparison.Ordinal) && l.Contains(": warning HW7-03: ", StringComparison.Ordinal)).ToList();
        Assert.That(carol.Any(l => l.Contains("~18 hours", StringComparison.Ordinal)), Is.True, string.Join("\n", carol));
        var m = Canonical.Match(carol[0]);
        Assert.That(File.Exists(m.Groups["file"].Value), Is.True, "the file part is a real path");
        Assert.That(int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture), Is.GreaterThan(0));
    }

    [Test]
    public void Grades_sheet_has_13_students_whose_totals_are_the_sum_of_their_criteria()
    {
        using var wb = new XLWorkbook(At("g.xlsx"));
        var ws = wb.Worksheet("Grades");
        var headers = ws.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        var total = headers.IndexOf("Total") + 1;
        var criteria = Enumerable.Range(4, total - 4).ToList();
        Assert.That(criteria, Has.Count.EqualTo(10), string.Join(" | ", headers));

        var rows = ws.RowsUsed().Skip(1).ToList();
        Assert.That(rows, Has.Count.EqualTo(13));
        Assert.That(rows.Select(r => r.Cell(1).GetString()), Is.Unique);
        Assert.That(rows.Select(r => r.Cell(2).GetString()), Has.None.Empty, "students.csv names the folder traces' students");
        foreach (var row in rows)
        {
            var sum = criteria.Sum(c => row.Cell(c).GetDouble());
            Assert.That(row.Cell(total).GetDouble(), Is.EqualTo(sum).Within(1e-9), row.Cell(1).GetString());
            Assert.That(row.Cell(total + 1).GetDouble(), Is.EqualTo(16));
            Assert.That(row.Cell(total + 2).GetDouble(), Is.EqualTo(sum / 16).Within(1e-9));
        }
        // Alice answers everything well; Carol's invented numbers lose HW7-03.
        Assert.That(rows.Single(r => r.Cell(2).GetString() == "Alice Nguyen").Cell(total).GetDouble(), Is.EqualTo(16));
        var carol = rows.Single(r => r.Cell(2).GetString() == "Carol Diaz");
        Assert.That(carol.Cell(headers.FindIndex(h => h.StartsWith("HW7-03", StringComparison.Ordinal)) + 1).GetDouble(), Is.LessThan(2));
    }

    [Test]
    public void Run_sheet_names_the_rubric_and_its_sha256()
    {
        using var loaded = RubricScriptLoader.Load(Hw7Example.RubricPath, new RubricLoadOptions { CacheFolder = CliRun.SharedCache });
        using var wb = new XLWorkbook(At("g.xlsx"));
        var run = wb.Worksheet("Run").RowsUsed().Skip(1).ToDictionary(r => r.Cell(1).GetString(), r => r.Cell(2).GetString());

        Assert.That(run["Rubric"], Is.EqualTo(Path.GetFullPath(Hw7Example.RubricPath)));
        Assert.That(run["Rubric title"], Is.EqualTo("CS182 HW7 — LLM use"));
        Assert.That(run["Rubric SHA-256"], Does.Match("^[0-9a-f]{64}$").And.EqualTo(loaded.Sha256));
        Assert.That(run["Traces graded"], Is.EqualTo("13"));
        Assert.That(run["Traces failed"], Is.EqualTo("0"));
        Assert.That(wb.Worksheet("Errors").RowsUsed().Count(), Is.EqualTo(1), "only the header");
    }

    [Test]
    public void Every_sheet_prints_landscape_one_page_wide()
    {
        using var wb = new XLWorkbook(At("g.xlsx"));
        foreach (var ws in wb.Worksheets)
        {
            Assert.That(ws.PageSetup.PageOrientation, Is.EqualTo(XLPageOrientation.Landscape), ws.Name);
            Assert.That(ws.PageSetup.PagesWide, Is.EqualTo(1), ws.Name);
            Assert.That(ws.PageSetup.FirstRowToRepeatAtTop, Is.EqualTo(1), ws.Name);
        }
    }

    [Test]
    public void Csv_has_the_same_13_totals_as_the_workbook()
    {
        using var wb = new XLWorkbook(At("g.xlsx"));
        var ws = wb.Worksheet("Grades");
        var total = ws.Row(1).CellsUsed().First(c => c.GetString() == "Total").Address.ColumnNumber;
        var xlsx = ws.RowsUsed().Skip(1).ToDictionary(r => r.Cell(1).GetString(), r => r.Cell(total).GetDouble());

        using var reader = new StreamReader(At("g.csv"));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.That(rows, Has.Count.EqualTo(13));
        foreach (var row in rows)
        {
            var id = (string)row["id"];
            var sum = Hw7RuleIds.Sum(r => double.Parse((string)row[r + " points"], CultureInfo.InvariantCulture));
            var csvTotal = double.Parse((string)row["total"], CultureInfo.InvariantCulture);
            Assert.That(csvTotal, Is.EqualTo(sum).Within(0.011), id);
            Assert.That(csvTotal, Is.EqualTo(xlsx[id]).Within(0.011), id);
        }
    }

    private static readonly string[] Hw7RuleIds = ["HW7-01", "HW7-02", "HW7-03", "HW7-04", "HW7-05", "HW7-09", "HW7-06", "HW7-07", "HW7-08", "HW7-90"];

    [Test]
    public void Sarif_is_a_2_1_0_log_with_every_console_finding()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(At("g.sarif")));
        var root = doc.RootElement;
        Assert.That(root.GetProperty("version").GetString(), Is.EqualTo("2.1.0"));
        var run = root.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray().ToList();
        var ruleIds = results.Select(r => r.GetProperty("ruleId").GetString()).ToHashSet();
        Assert.That(ruleIds, Is.SupersetOf(new[] { "HW7-03", "HW7-04", "HW7-90" }));

        var printed = _run.OutLines.Count(l => Canonical.IsMatch(l));
        Assert.That(results.Count, Is.GreaterThanOrEqualTo(printed), "normal verbosity prints a subset of what SARIF keeps");
        var hallucination = results.First(r => r.GetProperty("message").GetProperty("text").GetString()!.Contains("~18 hours", StringComparison.Ordinal));
        var location = hallucination.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.That(location.GetProperty("artifactLocation").GetProperty("uri").GetString(), Does.EndWith("03-carol-retry-problem-4.json"));
        Assert.That(location.GetProperty("region").GetProperty("startLine").GetInt32(), Is.GreaterThan(0));
    }

    [Test]
    public void Feedback_has_one_markdown_file_per_student()
    {
        var files = Directory.GetFiles(At("fb"), "*.md").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        var expected = Enumerable.Range(1, 13).Select(i => (3031000 + i).ToString(CultureInfo.InvariantCulture)).ToList();
        Assert.That(files, Is.EqualTo(expected));

        var carol = File.ReadAllText(At(Path.Combine("fb", "3031003.md")));
        Assert.That(carol, Does.Contain("Carol Diaz").And.Contain("HW7-03").And.Contain("~18 hours"));
    }
}

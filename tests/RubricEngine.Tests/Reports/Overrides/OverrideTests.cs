using System.Security.Cryptography;
using RubricEngine.Grading;
using RubricEngine.Reports.Csv;
using RubricEngine.Reports.Feedback;
using RubricEngine.Reports.Overrides;
using RubricEngine.Reports.Sarif;
using RubricEngine.Rubrics;
using RubricEngine.Tests.Reports.Csv;

namespace RubricEngine.Tests.Reports.Overrides;

public sealed class OverrideTests
{
    private static ReportFilesGradeBuilder Student(string id, string? email = null) => new(ReportFilesGradeBuilder.Rubric(), id, id, email);

    private static OverrideSet Parse(string csv) => OverrideFile.Parse(new StringReader(csv), "overrides.csv");

    [Test]
    public void Good_rows_are_read_with_their_lines()
    {
        var set = Parse("student,rule,points,reason,grader\n" +
                        "ana,HW7-03,1.5,Numbers are in the appendix,TA Kim\n" +
                        "# a comment\n" +
                        "bo@uni.edu,HW7-01,SUPPRESS,Derivation on paper,\n");
        Assert.That(set.Errors, Is.Empty);
        Assert.That(set.Overrides.Select(o => (o.Student, o.RuleId, o.Points, o.Suppress, o.Line)), Is.EqualTo(new[]
        {
            ("ana", "HW7-03", (double?)1.5, false, 2),
            ("bo@uni.edu", "HW7-01", (double?)null, true, 4),
        }));
        Assert.That(set.Overrides[0].Justification, Is.EqualTo("Numbers are in the appendix (TA Kim)"));
        Assert.That(set.Overrides[1].Justification, Is.EqualTo("Derivation on paper"));
    }

    [Test]
    public void Bad_rows_are_reported_with_file_line_and_reason_and_do_not_stop_the_good_ones()
    {
        var set = Parse("Student,Rule,Points,Reason,Grader\n" +
                        "ana,HW7-03,1,5,ok,TA\n" +                 // 2: fine (extra column ignored), points 1
                        "bo,HW7-01,\"1,5\",decimal comma,TA\n" +   // 3: comma decimal
                        ",HW7-01,1,no student,TA\n" +             // 4
                        "cy,HW7-01,lots,what,TA\n" +              // 5
                        "di,HW7-01,1,,TA\n" +                     // 6: no reason
                        "\"ed\nmultiline\",HW7-01,,x,TA\n" +      // 7-8: empty points, starts on 7
                        "ana,hw7-03,2,again,TA\n" +               // 9: duplicate
                        "fi,HW7-04,0.5,fine,\n");                 // 10
        Assert.That(set.Overrides.Select(o => o.Student), Is.EqualTo(new[] { "ana", "fi" }));
        Assert.That(set.Errors.Select(e => e.Line), Is.EqualTo(new[] { 3, 4, 5, 6, 7, 9 }));
        Assert.That(set.Errors.Select(e => e.ToString()), Has.All.StartWith("overrides.csv("));
        Assert.That(set.Errors[0].ToString(), Does.StartWith("overrides.csv(3): error: points '1,5' is neither a number"));
        Assert.That(set.Errors[1].Message, Does.Contain("student is empty"));
        Assert.That(set.Errors[3].Message, Does.Contain("reason is empty"));
        Assert.That(set.Errors[5].Message, Does.Contain("already overridden on line 2"));
    }

    [Test]
    public void A_missing_column_or_file_is_one_clear_error()
    {
        var set = Parse("student,rule,reason\nana,HW7-01,x\n");
        Assert.That(set.Errors.Single().ToString(), Does.Contain("missing column(s) points"));
        var missing = OverrideFile.Read(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".csv"));
        Assert.That(missing.Errors.Single().Message, Does.StartWith("cannot read the overrides file"));
    }

    [Test]
    public void Points_are_replaced_and_clamped_with_a_warning()
    {
        var applier = new OverrideApplier(Parse("student,rule,points,reason,grader\nana,HW7-03,1.5,appendix,TA Kim\nana,HW7-01,5,generous,TA Kim\n").Overrides);
        var grade = Student("ana").Lose("HW7-03", 2, "ungrounded").Lose("HW7-01", 1, "short").Build();

        var outcome = applier.Apply(grade);
        var hw703 = outcome.Grade.Criteria.Single(c => c.Rule.Id == "HW7-03");
        var hw701 = outcome.Grade.Criteria.Single(c => c.Rule.Id == "HW7-01");
        Assert.That(hw703.Points, Is.EqualTo(1.5));
        Assert.That(hw703.Override, Is.EqualTo("appendix (TA Kim)"));
        Assert.That(hw701.Points, Is.EqualTo(2), "5 clamped to the max 2");
        Assert.That(outcome.Warnings.Single().ToString(), Does.StartWith("overrides.csv(3): warning:").And.Contain("outside 0..2"));
        Assert.That(grade.Criteria.Single(c => c.Rule.Id == "HW7-03").Points, Is.Zero, "the input grade is unchanged");
        Assert.That(outcome.Grade.Total, Is.EqualTo(grade.Total + 1.5 + 1));
    }

    [Test]
    public void Suppress_waives_the_findings_and_restores_full_points()
    {
        var applier = new OverrideApplier(Parse("student,rule,points,reason,grader\nANA@UNI.EDU,HW7-03,suppress,figures from v2 of the blog,Prof. Lee\n").Overrides);
        var grade = Student("ana", "ana@uni.edu").Lose("HW7-03", 2, "ungrounded")
            .Finding("HW7-03", "~18 hours is not in the sources", pointsLost: 1)
            .Finding("HW7-03", "68% is not in the sources", pointsLost: 1).Build();

        var c = applier.Apply(grade).Grade.Criteria.Single(x => x.Rule.Id == "HW7-03");
        Assert.That(c.Points, Is.EqualTo(2));
        Assert.That(c.Comment, Is.Empty);
        Assert.That(c.Override, Is.EqualTo("figures from v2 of the blog (Prof. Lee)"));
        Assert.That(c.Findings.Select(f => f.Suppression), Has.All.EqualTo("figures from v2 of the blog (Prof. Lee)"));
        Assert.That(c.Findings.Select(f => f.PointsLost), Has.All.Zero);
    }

    [Test]
    public void Unknown_rules_and_unmatched_students_are_reported()
    {
        var applier = new OverrideApplier(Parse("student,rule,points,reason,grader\nana,HW7-99,1,typo,TA\nzed,HW7-01,1,who,TA\nana,HW7-01,1,fine,TA\n").Overrides);
        Assert.That(applier.Validate(ReportFilesGradeBuilder.Rubric()).Select(d => (d.Line, d.Severity)), Is.EqualTo(new[] { (2, Severity.Error) }));
        applier.Apply(Student("ana").Build());
        Assert.That(applier.Unused().Select(d => d.Line), Is.EqualTo(new[] { 2, 3 }));
    }

    [Test]
    public void The_overrides_file_is_never_written_by_a_run()
    {
        using var temp = new TempFolder();
        var path = temp.File("overrides.csv");
        File.WriteAllText(path, "student,rule,points,reason,grader\r\nana,HW7-03,suppress,ok,TA\r\nbad,row\r\n");
        var before = SHA256.HashData(File.ReadAllBytes(path));
        var stamp = File.GetLastWriteTimeUtc(path);

        var set = OverrideFile.Read(path);
        var applier = new OverrideApplier(set.Overrides);
        var grade = applier.Apply(Student("ana").Lose("HW7-03", 1, "x").Finding("HW7-03", "x", pointsLost: 1).Build()).Grade;
        CsvTestFiles.Run(CsvGradeSink.ToFile(temp.File("grades.csv"), new CsvExportOptions()), grade);
        CsvTestFiles.Run(SarifWriter.ToFile(temp.File("grades.sarif")), grade);
        CsvTestFiles.Run(new FeedbackWriter(temp.Path), grade);

        Assert.That(SHA256.HashData(File.ReadAllBytes(path)), Is.EqualTo(before));
        Assert.That(File.GetLastWriteTimeUtc(path), Is.EqualTo(stamp));
        Assert.That(set.Errors, Has.Count.EqualTo(1));
        Assert.That(Directory.GetFiles(temp.Path).Select(Path.GetFileName), Is.EquivalentTo(new[] { "overrides.csv", "grades.csv", "grades.sarif", "ana.md" }));
    }
}

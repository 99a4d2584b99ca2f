using RubricEngine.Reports.Feedback;
using RubricEngine.Rubrics;
using RubricEngine.Tests.Reports.Csv;

namespace RubricEngine.Tests.Reports.Feedback;

public sealed class FeedbackWriterTests
{
    private static ReportFilesGradeBuilder Student(string id, string? name = null) => new(ReportFilesGradeBuilder.Rubric(), id, name);

    [Test]
    public void Feedback_has_title_total_questions_criteria_comments_and_quoted_excerpts()
    {
        using var temp = new TempFolder();
        var writer = new FeedbackWriter(temp.Path);
        var grade = Student("ana", "Ana Lopez")
            .Lose("HW7-03", 1, "Two numbers are not in the blog.")
            .Finding("HW7-03", "~18 hours is not in the sources", message: 4, line: 12, column: 5, excerpt: "trained for ~18 hours", pointsLost: 1)
            .Finding("HW7-03", "earlier attempt", graded: false, pointsLost: 0)
            .Finding("HW7-04", "style hint", severity: Severity.Info)
            .Build();
        CsvTestFiles.Run(writer, grade);

        var file = writer.Written.Single();
        Assert.That(Path.GetFileName(file.Path), Is.EqualTo("ana.md"));
        var md = File.ReadAllText(file.Path);
        Assert.That(md, Does.StartWith("# CS182 HW7 — feedback for Ana Lopez (ana)\n"));
        Assert.That(md, Does.Contain("**Total: 5.5 / 6.5 (84.6%)**"));
        Assert.That(md, Does.Contain("## Question 4.a — Figures from the blog (1 / 2)"));
        Assert.That(md, Does.Contain("### HW7-03 Numbers grounded in the blog: 1 / 2"));
        Assert.That(md, Does.Contain("Two numbers are not in the blog."));
        Assert.That(md, Does.Contain("- ~18 hours is not in the sources (message 4, line 12, column 5, attempt 1) — −1 point\n  > trained for ~18 hours\n"));
        Assert.That(md, Does.Contain("## Whole conversation (1 / 1)"));
        Assert.That(md, Does.Not.Contain("earlier attempt"), "findings of ungraded attempts are not shown");
        Assert.That(md, Does.Not.Contain("style hint"), "info findings are not shown");
        Assert.That(md.IndexOf("Question 3.b.i", StringComparison.Ordinal), Is.LessThan(md.IndexOf("Question 4.a", StringComparison.Ordinal)));
    }

    [Test]
    public void Student_text_cannot_inject_headings_html_or_code()
    {
        using var temp = new TempFolder();
        var writer = new FeedbackWriter(temp.Path);
        var grade = Student("eve", "# Eve <script>alert(1)</script>")
            .Lose("HW7-03", 1, "# Heading\n## another <img src=x onerror=alert(1)>")
            .Finding("HW7-03", "```evil```", excerpt: "# PWNED\n> quote\n1. list ![x](http://tracker/p.png) `code`", pointsLost: 1)
            .Build();
        CsvTestFiles.Run(writer, grade);
        var lines = File.ReadAllLines(writer.Written.Single().Path);

        Assert.That(lines.Count(l => l.StartsWith('#')), Is.EqualTo(1 + 4 + 4), "only our own headings: title, 4 question groups, 4 criteria");
        Assert.That(lines.Where(l => l.StartsWith('#')), Has.All.Not.Contain("PWNED").And.All.Not.Contain("Heading"));
        var text = string.Join("\n", lines);
        Assert.That(text, Does.Not.Contain("<script").And.Not.Contain("<img"));
        Assert.That(text, Does.Contain("&lt;script&gt;"));
        Assert.That(text, Does.Not.Contain("```"));
        Assert.That(text, Does.Not.Match(@"[^\\]\]\("), "no live link or image: brackets are escaped");
        var quote = lines.Single(l => l.TrimStart().StartsWith("> "));
        Assert.That(quote.TrimStart(), Is.EqualTo("> PWNED &gt; quote 1. list x code"), "the student's words, without their markup or a live image");
    }

    [Test]
    public void Overrides_and_waived_findings_are_explained()
    {
        using var temp = new TempFolder();
        var writer = new FeedbackWriter(temp.Path);
        var grade = Student("ana").Finding("HW7-03", "~18 hours", pointsLost: 1).Build();
        grade = grade with
        {
            Criteria = grade.Criteria.Select(c => c.Rule.Id != "HW7-03" ? c : c with
            {
                Override = "figures from v2 (Prof. Lee)",
                Findings = c.Findings.Select(f => f with { Suppression = "figures from v2 (Prof. Lee)", PointsLost = 0 }).ToList(),
            }).ToList(),
        };
        CsvTestFiles.Run(writer, grade);
        var md = File.ReadAllText(writer.Written.Single().Path);
        Assert.That(md, Does.Contain("*Adjusted by course staff: figures from v2 (Prof. Lee)*"));
        Assert.That(md, Does.Contain("— waived: figures from v2"));
    }

    [Test]
    public void Hostile_and_duplicate_ids_get_safe_distinct_files_inside_the_folder()
    {
        using var temp = new TempFolder();
        var outDir = Path.Combine(temp.Path, "feedback");
        var writer = new FeedbackWriter(outDir);
        var ids = new[] { "../../etc/passwd", "CON", "a/b", "a_b", "ana", "ana" };
        CsvTestFiles.Run(writer, ids.Select(id => Student(id).Build()).ToArray());

        Assert.That(writer.Written.Select(w => Path.GetFileName(w.Path)), Is.EqualTo(new[] { "etc_passwd.md", "_CON.md", "a_b.md", "a_b-2.md", "ana.md", "ana-2.md" }));
        Assert.That(Directory.GetFiles(outDir).Select(Path.GetFileName), Is.EquivalentTo(writer.Written.Select(w => Path.GetFileName(w.Path))));
        Assert.That(Directory.GetFileSystemEntries(temp.Path), Is.EqualTo(new[] { outDir }), "nothing written outside the folder");
        Assert.That(File.ReadAllText(writer.Written[0].Path), Does.Contain("feedback for ../../etc/passwd"), "the id itself is shown, escaped, in the text");
    }
}

using System.Diagnostics;
using RubricEngine.Grading;
using RubricEngine.Reports.Excel;
using RubricEngine.Rubrics;
using RubricEngine.Segmentation;
using static RubricEngine.Tests.Reports.GradeBuilder;

namespace RubricEngine.Tests.Reports.Excel;

/// <summary>Measures a course-sized workbook: 10,000 students × 10 criteria, ~50,000 findings. Run by hand.</summary>
[Explicit("benchmark; run by hand")]
public sealed class ExcelGradebookWriterBenchmark
{
    [Test]
    public void Ten_thousand_students_write_in_well_under_ten_seconds()
    {
        var rules = Enumerable.Range(1, 10)
            .Select(i => new GradebookRule(new RuleDescriptor($"HW7-{i:00}", $"Criterion {i}", severity: Severity.Error, points: 2), new QuestionPath($"q.{i}")))
            .ToList();
        var random = new Random(7);
        var grades = new List<TraceGrade>();
        for (var s = 0; s < 10_000; s++)
        {
            var results = new List<CriterionResult>();
            foreach (var r in rules)
            {
                var lost = random.NextDouble() < 0.3;
                var findings = Enumerable.Range(0, lost ? 1 : random.Next(2))
                    .Select(k => Finding(r.Rule, $"Finding {k} about the derivation of student {s}", lost ? 1 : 0, question: r.Question!.Value, excerpt: "tr(X^T X) - 2 tr(...)"))
                    .ToArray();
                results.Add(lost ? Lost(r.Rule, 1, $"Step {s % 7} is missing: expand the norm as a trace first.", r.Question!.Value, findings)
                                 : Full(r.Rule, r.Question!.Value) with { Findings = findings });
            }
            grades.Add(Grade($"S{s:00000}", $"Student {s}", $"s{s}@uni.edu", results.ToArray()));
        }
        var path = TempPath(".xlsx");
        var findingsCount = grades.Sum(g => g.Findings.Count());
        var notes = grades.Sum(g => g.Criteria.Count(c => c.LostPoints));
        var watch = Stopwatch.StartNew();
        foreach (var withNotes in new[] { false, true })
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            watch.Restart();
            ExcelGradebookWriter.Write(path, rules, grades, Run(), new ExcelGradebookOptions { Notes = withNotes });
            watch.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            // Wall time depends on what else the machine runs; CPU time (all threads) is the steadier figure.
            TestContext.Out.WriteLine($"{grades.Count} students, {findingsCount} findings, notes {(withNotes ? notes : 0)}: " +
                $"wall {watch.Elapsed.TotalSeconds:0.00} s, cpu {cpu.TotalSeconds:0.00} s, {new FileInfo(path).Length / 1024} KiB");
        }
        File.Delete(path);
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }
}

using System.Text.Json;
using RubricEngine.Reports.Sarif;
using RubricEngine.Rubrics;
using RubricEngine.Tests.Reports.Csv;
using RubricEngine.Traces;

namespace RubricEngine.Tests.Reports.Sarif;

public sealed class SarifWriterTests
{
    private static ReportFilesGradeBuilder Student(string id) => new(ReportFilesGradeBuilder.Rubric(), id, id);

    private static JsonDocument Write(TempFolder temp, SarifOptions? options, TraceError[] errors, params RubricEngine.Grading.TraceGrade[] grades)
    {
        var path = temp.File("grades.sarif");
        using (var sink = SarifWriter.ToFile(path, options))
        {
            sink.Begin(ReportFilesGradeBuilder.Context());
            foreach (var g in grades) sink.Add(g);
            sink.Complete(ReportFilesGradeBuilder.Run(grades.Length, errors));
        }
        return JsonDocument.Parse(File.ReadAllBytes(path));
    }

    private static RubricEngine.Grading.TraceGrade Ana() => Student("ana")
        .Lose("HW7-03", 2, "ungrounded")
        .Finding("HW7-03", "~18 hours is not in the sources", message: 4, line: 12, column: 5, excerpt: "about ~18 hours", pointsLost: 1)
        .Finding("HW7-01", "rule crashed", severity: Severity.Error, located: false)
        .Finding("HW7-04", "long-ish", severity: Severity.Info, message: 6, line: 1, column: 1)
        .Build();

    [Test]
    public void Log_satisfies_the_schema_constraints()
    {
        using var temp = new TempFolder();
        using var doc = Write(temp, null, [new TraceError("traces/bad.json", "expected a string", "$.messages[3].role", 7, 12)], Ana(), Student("bo").Build());
        Assert.That(SarifConstraints.Check(doc.RootElement), Is.Empty);
    }

    [Test]
    public void Driver_lists_enabled_rules_with_points_category_and_levels()
    {
        using var temp = new TempFolder();
        using var doc = Write(temp, new SarifOptions { InformationUri = "https://example.edu/rubric" }, [], Ana());
        var root = doc.RootElement;
        Assert.That(root.GetProperty("version").GetString(), Is.EqualTo("2.1.0"));
        Assert.That(root.GetProperty("$schema").GetString(), Does.Contain("sarif-schema-2.1.0.json"));
        var driver = root.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");
        Assert.That(driver.GetProperty("name").GetString(), Is.EqualTo("RubricEngine"));
        Assert.That(driver.GetProperty("version").GetString(), Is.EqualTo("0.1.0"));
        Assert.That(driver.GetProperty("informationUri").GetString(), Is.EqualTo("https://example.edu/rubric"));
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.That(rules.Select(r => r.GetProperty("id").GetString()), Is.EqualTo(new[] { "HW7-01", "HW7-03", "HW7-04", "HW7-90" }));
        var first = rules[0];
        Assert.That(first.GetProperty("shortDescription").GetProperty("text").GetString(), Is.EqualTo("Derivation shown"));
        Assert.That(first.GetProperty("fullDescription").GetProperty("text").GetString(), Does.Contain("3.b.i (First-order optimality conditions)"));
        Assert.That(first.GetProperty("helpUri").GetString(), Is.EqualTo("https://example.edu/rules/HW7-01"));
        Assert.That(first.GetProperty("defaultConfiguration").GetProperty("level").GetString(), Is.EqualTo("error"));
        Assert.That(first.GetProperty("properties").GetProperty("points").GetDouble(), Is.EqualTo(2));
        Assert.That(rules[3].GetProperty("properties").GetProperty("category").GetString(), Is.EqualTo("Participation"));
        Assert.That(rules[3].TryGetProperty("fullDescription", out _), Is.False);
    }

    [Test]
    public void Results_carry_level_region_message_index_and_question()
    {
        using var temp = new TempFolder();
        using var doc = Write(temp, null, [], Ana());
        var results = doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.That(results.Select(r => r.GetProperty("level").GetString()), Is.EquivalentTo(new[] { "warning", "error", "note" }));

        var grounded = results.Single(r => r.GetProperty("ruleId").GetString() == "HW7-03");
        Assert.That(grounded.GetProperty("ruleIndex").GetInt32(), Is.EqualTo(1));
        Assert.That(grounded.GetProperty("message").GetProperty("text").GetString(), Is.EqualTo("~18 hours is not in the sources"));
        var location = grounded.GetProperty("locations")[0];
        Assert.That(location.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString(), Is.EqualTo("traces/ana.json"));
        var region = location.GetProperty("physicalLocation").GetProperty("region");
        Assert.That((region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()),
            Is.EqualTo((12, 5, 12, 13)));
        Assert.That(location.GetProperty("logicalLocations")[0].GetProperty("name").GetString(), Is.EqualTo("messages[4]"));
        Assert.That(location.GetProperty("logicalLocations")[0].GetProperty("kind").GetString(), Is.EqualTo("element"));
        var props = location.GetProperty("properties");
        Assert.That((props.GetProperty("messageIndex").GetInt32(), props.GetProperty("question").GetString(), props.GetProperty("attempt").GetInt32()), Is.EqualTo((4, "4.a", 1)));
        Assert.That(grounded.GetProperty("properties").GetProperty("pointsLost").GetDouble(), Is.EqualTo(1));
        Assert.That(grounded.TryGetProperty("suppressions", out _), Is.False);

        var crashed = results.Single(r => r.GetProperty("ruleId").GetString() == "HW7-01");
        Assert.That(crashed.GetProperty("locations")[0].GetProperty("physicalLocation").TryGetProperty("region", out _), Is.False);
    }

    [Test]
    public void Suppressed_findings_carry_an_external_suppression_with_the_justification()
    {
        using var temp = new TempFolder();
        var grade = Ana();
        grade = grade with
        {
            Criteria = grade.Criteria.Select(c => c.Rule.Id != "HW7-03" ? c : c with
            {
                Findings = c.Findings.Select(f => f with { Suppression = "figures from v2 (Prof. Lee)" }).ToList(),
            }).ToList(),
        };
        using var doc = Write(temp, null, [], grade);
        var result = doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "HW7-03");
        var suppression = result.GetProperty("suppressions")[0];
        Assert.That(suppression.GetProperty("kind").GetString(), Is.EqualTo("external"));
        Assert.That(suppression.GetProperty("justification").GetString(), Is.EqualTo("figures from v2 (Prof. Lee)"));
    }

    [Test]
    public void Fingerprints_are_stable_across_runs_and_distinct_within_one()
    {
        using var temp = new TempFolder();
        var twice = Student("ana").Finding("HW7-03", "same", pointsLost: 1).Finding("HW7-03", "same", pointsLost: 1).Build();
        List<string> Prints()
        {
            using var doc = Write(temp, null, [], twice);
            return doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Select(r => r.GetProperty("partialFingerprints").GetProperty("rubricFinding/v1").GetString()!).ToList();
        }
        var first = Prints();
        Assert.That(first.Distinct().Count(), Is.EqualTo(2));
        Assert.That(Prints(), Is.EqualTo(first));
    }

    [Test]
    public void Invocation_has_times_and_a_notification_per_trace_error()
    {
        using var temp = new TempFolder();
        using var doc = Write(temp, null, [new TraceError("traces\\bad one.json", "expected a string", "$.messages[3].role", 7, 12)], Ana());
        var invocation = doc.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];
        Assert.That(invocation.GetProperty("executionSuccessful").GetBoolean(), Is.False);
        Assert.That(invocation.GetProperty("startTimeUtc").GetString(), Is.EqualTo("2026-11-29T23:00:00.000Z"));
        Assert.That(invocation.GetProperty("endTimeUtc").GetString(), Is.EqualTo("2026-11-29T23:01:30.000Z"));
        var note = invocation.GetProperty("toolExecutionNotifications")[0];
        Assert.That(note.GetProperty("level").GetString(), Is.EqualTo("error"));
        Assert.That(note.GetProperty("message").GetProperty("text").GetString(), Is.EqualTo("$.messages[3].role: expected a string"));
        var physical = note.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.That(physical.GetProperty("artifactLocation").GetProperty("uri").GetString(), Is.EqualTo("traces/bad%20one.json"));
        Assert.That(physical.GetProperty("region").GetProperty("startLine").GetInt32(), Is.EqualTo(7));
    }

    [Test]
    public void Absolute_trace_paths_under_the_base_directory_become_relative()
    {
        using var temp = new TempFolder();
        var file = Path.Combine(temp.Path, "traces", "ana.json");
        using var doc = Write(temp, new SarifOptions { BaseDirectory = temp.Path }, [], Student("ana").File(file).Finding("HW7-03", "x").Build());
        var uri = doc.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0]
            .GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString();
        Assert.That(uri, Is.EqualTo("traces/ana.json"));
    }

    [Test]
    public void Hostile_text_with_lone_surrogates_and_bad_regions_still_gives_a_valid_log()
    {
        using var temp = new TempFolder();
        var grade = Student("x\uD800").Finding("HW7-03", "bad \uDC00 text </script>", line: 0, column: -3, excerpt: "\uD83D").Build();
        using var doc = Write(temp, null, [], grade);
        Assert.That(SarifConstraints.Check(doc.RootElement), Is.Empty);
        Assert.That(doc.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("message").GetProperty("text").GetString(),
            Is.EqualTo("bad \uFFFD text </script>"));
    }

    [Test]
    public void The_constraint_checker_rejects_what_the_schema_rejects()
    {
        using var bad = JsonDocument.Parse("""
            {"version":"2.0.0","$schema":"x","runs":[{"tool":{"driver":{}},"results":[{"level":"fatal","message":{},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a"},"region":{"startLine":0}}}]}]}]}
            """);
        var errors = SarifConstraints.Check(bad.RootElement);
        Assert.That(errors, Has.Some.Contains("version"));
        using var bad2 = JsonDocument.Parse("""
            {"version":"2.1.0","$schema":"x","runs":[{"tool":{"driver":{}},"results":[{"level":"fatal","message":{},"suppressions":[{}],"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a"},"region":{"startLine":0}}}]}]}]}
            """);
        Assert.That(SarifConstraints.Check(bad2.RootElement), Has.Some.Contains("driver.name")
            .And.Some.Contains("message.text").And.Some.Contains("level").And.Some.Contains("startLine").And.Some.Contains("suppressions"));
    }
}

public sealed class SarifDeterminismTests
{
    [Test]
    public void Same_grades_give_byte_identical_logs()
    {
        using var temp = new TempFolder();
        var grades = Enumerable.Range(0, 200)
            .Select(i => new ReportFilesGradeBuilder(ReportFilesGradeBuilder.Rubric(), $"s{i}")
                .Finding("HW7-03", $"number {i} is not in the sources", message: i % 7, line: 1 + i % 5, pointsLost: 0.5).Build())
            .ToArray();
        void Write(string name)
        {
            using var sink = SarifWriter.ToFile(temp.File(name));
            sink.Begin(ReportFilesGradeBuilder.Context());
            foreach (var g in grades) sink.Add(g);
            sink.Complete(ReportFilesGradeBuilder.Run(grades.Length));
        }
        Write("a.sarif");
        Write("b.sarif");
        Assert.That(File.ReadAllBytes(temp.File("a.sarif")), Is.EqualTo(File.ReadAllBytes(temp.File("b.sarif"))));
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(temp.File("a.sarif")));
        Assert.That(doc.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength(), Is.EqualTo(200));
        Assert.That(SarifConstraints.Check(doc.RootElement), Is.Empty);
    }
}

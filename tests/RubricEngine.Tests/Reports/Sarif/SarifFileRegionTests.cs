using System.Text.Json;
using Json.Schema;
using RubricEngine.Checks;
using RubricEngine.Reports.Sarif;
using RubricEngine.Rubrics;
using RubricEngine.Segmentation;
using RubricEngine.Tests.Reports.Csv;
using RubricEngine.Text;
using RubricEngine.Traces;

namespace RubricEngine.Tests.Reports.Sarif;

/// <summary>
/// SARIF as viewers read it: regions are positions in the trace file (GitHub, VS Code and the SARIF viewer open
/// the artifact and highlight line:column there), help text for every rule, GitHub's line hash, relative URIs.
/// </summary>
public sealed class SarifFileRegionTests
{
    // The finding is marked in the message as {|…|}; the reply has escapes before it (a newline, quotes, an é, a tab).
    private const string MarkedReply =
        "### 2. Summary\nThe blog says \"fast\" — d\u00e9j\u00e0 vu:\n\t**Training took** {|“~18 hours”|} on 8 GPUs.\n";

    private static (string Content, TextSpan Span, string Marked) Unmark(string marked)
    {
        var start = marked.IndexOf("{|", StringComparison.Ordinal);
        var end = marked.IndexOf("|}", StringComparison.Ordinal);
        var inner = marked[(start + 2)..end];
        return (marked[..start] + inner + marked[(end + 2)..], new TextSpan(start, inner.Length), inner);
    }

    private static Location LocationIn(string file, int message, string content, TextSpan span)
    {
        LinePosition At(int offset)
        {
            var before = content[..offset];
            return new LinePosition(before.Count(c => c == '\n') + 1, offset - (before.LastIndexOf('\n') + 1) + 1);
        }
        return new Location(file, message, span, At(span.Start), At(span.End));
    }

    private static string Canonical(string id, params (string Role, string Content)[] messages) =>
        JsonSerializer.Serialize(new
        {
            format = "rubric-trace/1",
            id,
            student = new { id = "ana" },
            messages = messages.Select(m => new { role = m.Role, content = m.Content }),
        }, new JsonSerializerOptions { WriteIndented = true });

    /// <summary>A rubric-trace/1 file holding the marked reply, and a grade with one finding on the marked text.</summary>
    private static (string File, ReportFilesGradeBuilder Grade) JsonTrace(TempFolder temp)
    {
        var (content, span, _) = Unmark(MarkedReply);
        var file = temp.File("traces/ana.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, Canonical("ana-trace", ("user", "Summarize the blog."), ("assistant", content)));
        return (file, new ReportFilesGradeBuilder(ReportFilesGradeBuilder.Rubric(), "ana").File(file)
            .FindingAt("HW7-03", "~18 hours is not in the sources", LocationIn(file, 1, content, span)));
    }

    private static JsonElement FirstResult(JsonDocument doc) => doc.RootElement.GetProperty("runs")[0].GetProperty("results")[0];

    private static JsonDocument Write(TempFolder temp, string traceFile, RubricEngine.Grading.TraceGrade grade, string? baseDirectory = null)
    {
        var reader = new TraceReader();
        var path = temp.File("out/grades.sarif");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var sink = SarifWriter.ToFile(path, new SarifOptions { BaseDirectory = baseDirectory ?? temp.Path, ReadFile = f => reader.ReadFile(f) }))
        {
            sink.Begin(ReportFilesGradeBuilder.Context());
            sink.Add(grade);
            sink.Complete(ReportFilesGradeBuilder.Run(1));
        }
        return JsonDocument.Parse(File.ReadAllBytes(path));
    }

    private static string TextAt(string file, JsonElement region)
    {
        var lines = File.ReadAllText(file).Split('\n');
        var line = lines[region.GetProperty("startLine").GetInt32() - 1];
        Assert.That(region.GetProperty("endLine").GetInt32(), Is.EqualTo(region.GetProperty("startLine").GetInt32()));
        return line[(region.GetProperty("startColumn").GetInt32() - 1)..(region.GetProperty("endColumn").GetInt32() - 1)];
    }

    [Test]
    public void A_finding_in_a_JSON_trace_is_highlighted_at_its_escaped_text_in_the_file()
    {
        using var temp = new TempFolder();
        var marked = Unmark(MarkedReply).Marked;
        var (file, builder) = JsonTrace(temp);
        var grade = builder.Build();

        using var doc = Write(temp, file, grade);
        var location = FirstResult(doc).GetProperty("locations")[0];
        var region = location.GetProperty("physicalLocation").GetProperty("region");
        // The file holds the JSON-escaped form of the marked text (“ and ” as \u201C / \u201D).
        Assert.That(TextAt(file, region), Is.EqualTo(JsonSerializer.Serialize(marked)[1..^1]));
        Assert.That(location.GetProperty("properties").GetProperty("regionKind").GetString(), Is.EqualTo("file"));
        var inMessage = location.GetProperty("properties").GetProperty("messageRegion");
        Assert.That((inMessage.GetProperty("startLine").GetInt32(), inMessage.GetProperty("startColumn").GetInt32()), Is.EqualTo((3, 20)));
    }

    [Test]
    public void A_finding_in_a_Markdown_transcript_is_placed_where_the_reply_stands_verbatim()
    {
        using var temp = new TempFolder();
        var (content, span, marked) = Unmark(MarkedReply.TrimEnd('\n'));
        var file = temp.File("traces/ana.md");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "# Chat with the assistant\n\n## User\n\nSummarize the blog.\n\n## Assistant\n\n" + content + "\n");
        var trace = new TraceReader().ReadFile(file).Traces.Single();
        var index = trace.Messages.Count - 1;
        var reply = trace.Messages[index].Content;
        var at = reply.IndexOf(marked, StringComparison.Ordinal);
        Assume.That(at, Is.GreaterThanOrEqualTo(0), "the Markdown reader keeps the reply's text");
        var grade = new ReportFilesGradeBuilder(ReportFilesGradeBuilder.Rubric(), "ana").File(file)
            .FindingAt("HW7-03", "~18 hours is not in the sources", LocationIn(file, index, reply, new TextSpan(at, span.Length))).Build();
        var graded = grade with { TraceId = trace.Id };

        using var doc = Write(temp, file, graded);
        var region = FirstResult(doc).GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.That(TextAt(file, region), Is.EqualTo(marked));
    }

    [Test]
    public void A_reply_not_found_in_the_file_keeps_the_message_region_and_says_so()
    {
        using var temp = new TempFolder();
        var grade = new ReportFilesGradeBuilder(ReportFilesGradeBuilder.Rubric(), "ana")
            .Finding("HW7-03", "~18 hours is not in the sources", message: 4, line: 12, column: 5).Build();
        using var doc = Write(temp, "traces/ana.json", grade);
        var location = FirstResult(doc).GetProperty("locations")[0];
        Assert.That(location.GetProperty("properties").GetProperty("regionKind").GetString(), Is.EqualTo("message"));
        Assert.That(location.GetProperty("properties").GetProperty("regionNote").GetString(), Does.Contain("inside message 4"));
        Assert.That(location.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32(), Is.EqualTo(12));
    }

    [Test]
    public void Every_rule_has_help_text_and_a_built_in_check_brings_its_doc_page()
    {
        var rubric = ReportFilesGradeBuilder.Rubric();
        var described = new DescribedCheck("RE0001 WordLimit: at most 100 words");
        rubric = rubric with { Criteria = [.. rubric.Criteria.Select(c => c.Rule.Id == "HW7-04" ? c with { Check = described } : c)] };
        using var temp = new TempFolder();
        var path = temp.File("grades.sarif");
        using (var sink = SarifWriter.ToFile(path))
        {
            sink.Begin(ReportFilesGradeBuilder.Context(rubric));
            sink.Complete(ReportFilesGradeBuilder.Run(0));
        }
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var rules = doc.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.That(rules.Select(r => r.GetProperty("help").GetProperty("text").GetString()), Has.All.Not.Empty);
        var wordLimit = rules.Single(r => r.GetProperty("id").GetString() == "HW7-04").GetProperty("help");
        Assert.That(wordLimit.GetProperty("markdown").GetString(), Does.Contain(BuiltInRules.LoadDocPage("RE0001")!));
        Assert.That(wordLimit.GetProperty("text").GetString(), Does.Contain("rubric explain RE0001"));
        var custom = rules.Single(r => r.GetProperty("id").GetString() == "HW7-90").GetProperty("help");
        Assert.That(custom.GetProperty("text").GetString(), Does.Contain("Answers annotated"));
    }

    [Test]
    public void Results_carry_a_line_hash_and_uris_relative_to_a_declared_trace_root()
    {
        using var temp = new TempFolder();
        var (file, grade) = JsonTrace(temp);
        var built = grade.Build();

        // The log is written outside the trace tree (out/), as in `rubric grade traces --sarif out/grades.sarif`.
        using var doc = Write(temp, file, built, baseDirectory: Path.GetDirectoryName(file));
        var run = doc.RootElement.GetProperty("runs")[0];
        var artifact = FirstResult(doc).GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.That(artifact.GetProperty("uri").GetString(), Is.EqualTo("ana.json"));
        Assert.That(artifact.GetProperty("uriBaseId").GetString(), Is.EqualTo("TRACEROOT"));
        var root = run.GetProperty("originalUriBaseIds").GetProperty("TRACEROOT").GetProperty("uri").GetString()!;
        Assert.That(new Uri(new Uri(root), "ana.json").LocalPath, Is.EqualTo(Path.GetFullPath(file)));
        Assert.That(FirstResult(doc).GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString(), Does.Match("^[0-9a-f]{16}:1$"));
    }

    [Test]
    public void The_log_is_valid_against_the_SARIF_2_1_0_schema()
    {
        using var temp = new TempFolder();
        var (file, builder) = JsonTrace(temp);
        var grade = builder
            .Finding("HW7-01", "rule crashed", severity: Severity.Error, located: false)
            .Finding("HW7-04", "long-ish", severity: Severity.Info, message: 6, line: 1, column: 1)
            .Build();
        using var doc = Write(temp, file, grade);

        var errors = SchemaErrors(doc.RootElement);
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void The_schema_validator_rejects_a_log_the_schema_forbids()
    {
        using var bad = JsonDocument.Parse("""{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},"level":"fatal","locations":[{"physicalLocation":{"artifactLocation":{"uri":"a"},"region":{"startLine":0}}}]}]}]}""");
        Assert.That(SchemaErrors(bad.RootElement), Is.Not.Empty);
    }

    private static List<string> SchemaErrors(JsonElement log)
    {
        var schemaPath = Path.Combine(TestContext.CurrentContext.TestDirectory, "Reports", "Sarif", "Schema", "sarif-schema-2.1.0.json");
        var schema = JsonSchema.FromText(File.ReadAllText(schemaPath));
        var result = schema.Evaluate(log, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid ? [] : (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")).ToList();
    }

    private sealed class DescribedCheck(string description) : ICheck
    {
        public string Describe() => description;
        public CheckResult Evaluate(Answer answer) => CheckResult.Pass();
    }
}

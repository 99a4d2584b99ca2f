using System.Globalization;
using System.Text.Json;
using CsvHelper;

namespace RubricEngine.Tests.Cli;

/// <summary><c>rubric show</c> (text and JSON) and <c>rubric import</c> of each export format, read back by <c>grade</c>.</summary>
public sealed class ShowAndImportTests : CliTestBase
{
    private static string Sample(string relative) => Path.Combine(Hw7Example.Traces, relative);

    [Test]
    public async Task Show_json_prints_questions_with_attempts_in_the_documented_shape()
    {
        var result = await CliRun.Rubric("show", Sample("03-carol-retry-problem-4.json"), "--json");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        using var doc = JsonDocument.Parse(result.Out);
        Assert.That(doc.RootElement.ValueKind, Is.EqualTo(JsonValueKind.Array));
        Assert.That(doc.RootElement.GetArrayLength(), Is.GreaterThan(0));
        foreach (var question in doc.RootElement.EnumerateArray())
        {
            Assert.That(question.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "question", "attempts" }));
            foreach (var attempt in question.GetProperty("attempts").EnumerateArray())
            {
                Assert.That(attempt.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "attempt", "message", "startLine", "endLine", "followUp", "confidence", "reason" }));
                Assert.That(attempt.GetProperty("confidence").GetString(), Is.AnyOf("high", "low"));
                Assert.That(attempt.GetProperty("reason").GetString(), Is.Not.Empty);
                Assert.That(attempt.GetProperty("startLine").GetInt32(), Is.LessThanOrEqualTo(attempt.GetProperty("endLine").GetInt32()));
            }
        }
    }

    [TestCase("01-alice-all-in-one.json")]
    [TestCase("3031013/transcript.md")]
    public async Task Show_with_the_rubric_matches_the_expected_segmentation(string file)
    {
        var result = await CliRun.Rubric("show", Sample(file), "--rubric", Hw7Example.RubricPath, "--json");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Hw7Example.Folder, "expected-segmentation.json")));
        using var printed = JsonDocument.Parse(result.Out);
        Assert.That(Describe(printed.RootElement), Is.EquivalentTo(Describe(expected.RootElement.GetProperty(file))));
    }

    private static string[] Describe(JsonElement questions) =>
        questions.EnumerateArray().SelectMany(q => q.GetProperty("attempts").EnumerateArray().Select(a =>
            $"{q.GetProperty("question").GetString()} #{a.GetProperty("attempt").GetInt32()} m{a.GetProperty("message").GetInt32()} " +
            $"{a.GetProperty("startLine").GetInt32()}-{a.GetProperty("endLine").GetInt32()}")).ToArray();

    [Test]
    public async Task Show_as_text_names_the_student_and_each_attempt()
    {
        var result = await CliRun.Rubric("show", Sample("03-carol-retry-problem-4.json"), "--rubric", Hw7Example.RubricPath);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Does.Contain("Carol Diaz"));
        Assert.That(result.Out, Does.Contain("  4.a").And.Contain("attempt 1: message").And.Contain("attempt 2: message"));
    }

    [Test]
    public async Task Show_of_a_broken_file_exits_1_with_the_place()
    {
        File.WriteAllText(At("bad.json"), "{ \"format\": \"rubric-trace/1\", \"messages\": [ }");

        var result = await CliRun.Rubric("show", At("bad.json"));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Out, Does.Contain("bad.json"));
        Assert.That(CliRun.HasStackTrace(result.All), Is.False);
    }

    public static IEnumerable<TestCaseData> Exports()
    {
        yield return new TestCaseData("claude", "3031005/conversations.json").SetArgDisplayNames("claude");
        yield return new TestCaseData("chatgpt", "3031008/conversations.json").SetArgDisplayNames("chatgpt");
        yield return new TestCaseData("lechat", "3031011/chat.json").SetArgDisplayNames("lechat");
        yield return new TestCaseData("sharegpt", "3031012/conversations.json").SetArgDisplayNames("sharegpt");
        yield return new TestCaseData("markdown", "3031013/transcript.md").SetArgDisplayNames("markdown");
    }

    [TestCaseSource(nameof(Exports))]
    public async Task Import_to_a_folder_writes_canonical_traces_that_grade_like_the_export(string format, string sample)
    {
        var result = await CliRun.Rubric("import", format, Sample(sample), "-o", At("imported"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Does.Contain("Wrote 1 trace to"));
        var file = Directory.GetFiles(At("imported"), "*.json").Single();
        using (var doc = JsonDocument.Parse(File.ReadAllText(file)))
        {
            Assert.That(doc.RootElement.GetProperty("format").GetString(), Is.EqualTo("rubric-trace/1"));
            Assert.That(doc.RootElement.GetProperty("messages").GetArrayLength(), Is.GreaterThan(0));
        }

        var original = await CliRun.Rubric("grade", Hw7Example.RubricPath, Sample(sample), "--csv", At("original.csv"));
        var imported = await CliRun.Rubric("grade", Hw7Example.RubricPath, At("imported"), "--csv", At("imported.csv"));
        Assert.That(original.ExitCode, Is.EqualTo(0), original.ToString());
        Assert.That(imported.ExitCode, Is.EqualTo(0), imported.ToString());
        Assert.That(Points(At("imported.csv")), Is.EqualTo(Points(At("original.csv"))), "the canonical file grades the same");
    }

    [Test]
    public async Task Import_to_jsonl_writes_one_line_per_trace_and_grade_reads_it_back()
    {
        var result = await CliRun.Rubric("import", "auto", Hw7Example.Traces, "-o", At("all.jsonl"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var lines = File.ReadAllLines(At("all.jsonl"));
        Assert.That(lines, Has.Length.EqualTo(13));
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            Assert.That(doc.RootElement.GetProperty("format").GetString(), Is.EqualTo("rubric-trace/1"));
        }

        var graded = await CliRun.Rubric("grade", Hw7Example.RubricPath, At("all.jsonl"), "--csv", At("g.csv"));
        var direct = await CliRun.Rubric("grade", Hw7Example.RubricPath, Hw7Example.Traces, "--csv", At("direct.csv"));
        Assert.That(graded.ExitCode, Is.EqualTo(0), graded.ToString());
        Assert.That(Points(At("g.csv")), Is.EquivalentTo(Points(At("direct.csv"))));
    }

    [Test]
    public async Task Import_of_an_unknown_format_exits_2_listing_the_known_ones()
    {
        var result = await CliRun.Rubric("import", "bard", Sample("3031005/conversations.json"), "-o", At("x"));

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("Unknown format 'bard'").And.Contain("chatgpt"));
    }

    /// <summary>Each student's points per criterion and total, as "id rule=points …".</summary>
    private static List<string> Points(string csvPath)
    {
        using var reader = new StreamReader(csvPath);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>()
            .Select(r => (string)r["id"] + " " + string.Join(" ", r.Where(kv => kv.Key.EndsWith(" points", StringComparison.Ordinal) || kv.Key == "total").Select(kv => $"{kv.Key}={kv.Value}")))
            .ToList();
    }
}

using System.Text.Json;
using RubricEngine.Cli.Services;
using RubricEngine.Documents;
using RubricEngine.Grading;
using RubricEngine.Rubrics;
using RubricEngine.Segmentation;
using RubricEngine.Traces;

namespace RubricEngine.Tests.Segmentation;

/// <summary>
/// Reads every hw7 sample trace with the real reader (five export formats among them), segments it with the hw7
/// rubric's questions and aliases, and compares what <c>rubric show --json</c> prints with
/// <c>rubrics/hw7/expected-segmentation.json</c>, written by hand: where a TA reads each attempt.
/// </summary>
public sealed class SampleTraceSegmentationTests
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public sealed record ExpectedAttempt(int Attempt, int Message, int StartLine, int EndLine, bool FollowUp = false);

    public sealed record ExpectedQuestion(string Question, List<ExpectedAttempt> Attempts);

    public static IEnumerable<string> Files() =>
        new TraceReader().ListFiles([Hw7Example.Traces]).Files
            .Select(f => Path.GetRelativePath(Hw7Example.Traces, f).Replace('\\', '/'));

    private static Dictionary<string, List<ExpectedQuestion>> Expected() =>
        JsonSerializer.Deserialize<Dictionary<string, List<ExpectedQuestion>>>(
            File.ReadAllText(Path.Combine(Hw7Example.Folder, "expected-segmentation.json")), Json)!;

    private static TraceAnalysis Analyze(string file)
    {
        var result = new TraceReader().Read([Path.Combine(Hw7Example.Traces, file)]);
        Assert.That(result.Errors, Is.Empty);
        return new Grader(Hw7Example.Rubric).Analyze(result.Traces.Single());
    }

    [Test]
    public void There_are_at_least_twelve_samples_in_at_least_three_formats_each_with_an_expectation()
    {
        var files = Files().ToList();
        var formats = new TraceReader().Read([Hw7Example.Traces]).Traces.Select(t => t.Format).Distinct().ToList();

        Assert.That(files, Has.Count.GreaterThanOrEqualTo(12));
        Assert.That(formats, Has.Count.GreaterThanOrEqualTo(3), string.Join(", ", formats));
        Assert.That(Expected().Keys.Order(StringComparer.Ordinal), Is.EqualTo(files.Order(StringComparer.Ordinal)));
    }

    [TestCaseSource(nameof(Files))]
    public void Rubric_show_attributes_every_answer_to_the_right_question_and_attempt(string file)
    {
        var shown = SegmentationReport.Build(Analyze(file));

        // Compare through the JSON that `rubric show --json` prints, so the test covers what tools read.
        var printed = JsonSerializer.Deserialize<List<ExpectedQuestion>>(SegmentationReport.ToJson(shown), Json)!;
        Assert.That(Describe(printed), Is.EqualTo(Describe(Expected()[file])));
    }

    [TestCase("01-alice-all-in-one.json", 1, 8)]
    [TestCase("06-frank-problem-5-pushback.json", 1, 2)]
    [TestCase("3031011/chat.json", 1, 2)]
    public void Closing_summary_tables_restate_the_answers_of_their_reply(string file, int message, int answers)
    {
        var segmentation = Analyze(file).Segmentation;
        var inMessage = segmentation.Answers.Where(a => a.MessageIndex == message).ToList();

        Assert.That(inMessage, Has.Count.EqualTo(answers));
        Assert.That(inMessage, Has.All.Matches<AnswerSegment>(a => a.Restatements.Count == 1 && a.Restatements[0].Kind == BlockKind.Table));
        Assert.That(inMessage.SelectMany(a => a.Blocks), Has.None.Matches<Block>(b => b.Kind == BlockKind.Table));
    }

    private static string Describe(IEnumerable<ExpectedQuestion> questions) =>
        string.Join("\n", questions
            .Where(q => q.Attempts.Count > 0)
            .OrderBy(q => new QuestionPath(q.Question), QuestionPathComparer.Instance)
            .Select(q => $"{q.Question}: " + string.Join(", ", q.Attempts.Select(a => $"#{a.Attempt}{(a.FollowUp ? " follow-up" : "")} message {a.Message} lines {a.StartLine}-{a.EndLine}"))));
}

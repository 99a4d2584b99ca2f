using System.Text.Json;
using RubricEngine.Documents;
using RubricEngine.Segmentation;
using RubricEngine.Traces;

namespace RubricEngine.Tests.Segmentation;

/// <summary>
/// Segments every sample trace of hw7 with the hw7 questions and compares with
/// <c>rubrics/hw7/traces/expected-segmentation.json</c>, which says where a TA reads each attempt.
/// </summary>
public sealed class SampleTraceSegmentationTests
{
    [Test]
    public void There_are_at_least_twelve_samples_each_with_an_expectation()
    {
        var files = SampleTraces.Files().ToList();
        Assert.That(files, Has.Count.GreaterThanOrEqualTo(12));
        Assert.That(SampleTraces.Expected().Keys.Order(StringComparer.Ordinal), Is.EqualTo(files));
    }

    [TestCaseSource(typeof(SampleTraces), nameof(SampleTraces.Files))]
    public void Sample_segments_as_expected(string file)
    {
        var (segmentation, documents) = SampleTraces.Segment(file);

        var actual = SegmentationOutline.Build(segmentation, documents)
            .Select(q => new SampleTraces.ExpectedQuestion(q.Question.Value, q.Attempts.Select(a => new SampleTraces.ExpectedAttempt(a.Attempt, a.MessageIndex, a.StartLine, a.EndLine)).ToList()));

        Assert.That(Describe(actual), Is.EqualTo(Describe(SampleTraces.Expected()[file])));
    }

    [TestCase("01-alice-all-in-one.json", 1, 8)]
    [TestCase("06-frank-problem-5-pushback.json", 1, 2)]
    [TestCase("11-mallory-pasted-problem.json", 1, 2)]
    public void Closing_summary_tables_restate_the_answers_of_their_reply(string file, int message, int answers)
    {
        var (segmentation, _) = SampleTraces.Segment(file);
        var inMessage = segmentation.Answers.Where(a => a.MessageIndex == message).ToList();

        Assert.That(inMessage, Has.Count.EqualTo(answers));
        Assert.That(inMessage, Has.All.Matches<AnswerSegment>(a => a.Restatements.Count == 1 && a.Restatements[0].Kind == BlockKind.Table));
        Assert.That(inMessage.SelectMany(a => a.Blocks), Has.None.Matches<Block>(b => b.Kind == BlockKind.Table));
    }

    private static string Describe(IEnumerable<SampleTraces.ExpectedQuestion> questions) =>
        string.Join("\n", questions
            .OrderBy(q => new QuestionPath(q.Question), QuestionPathComparer.Instance)
            .Select(q => $"{q.Question}: " + string.Join(", ", q.Attempts.Select(a => $"#{a.Attempt} message {a.Message} lines {a.StartLine}-{a.EndLine}"))));
}

/// <summary>The hw7 sample traces, read with a tiny local reader (the engine's TraceReader is written elsewhere).</summary>
internal static class SampleTraces
{
    public static readonly SegmenterOptions Hw7 = new()
    {
        Questions = ["3.b.i", "3.b.ii", "4.a", "4.b", "mt.b", "mt.c", "5.a", "5.b"],
        Aliases = new Dictionary<string, QuestionPath>(StringComparer.OrdinalIgnoreCase) { ["Machine Translation"] = "mt.b" },
    };

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public sealed record ExpectedAttempt(int Attempt, int Message, int StartLine, int EndLine);

    public sealed record ExpectedQuestion(string Question, List<ExpectedAttempt> Attempts);

    public static string Folder
    {
        get
        {
            var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RubricEngine.sln"))) dir = dir.Parent;
            if (dir is null) throw new DirectoryNotFoundException("The repository root (RubricEngine.sln) was not found above the test directory.");
            return Path.Combine(dir.FullName, "rubrics", "hw7", "traces");
        }
    }

    public static IEnumerable<string> Files() =>
        Directory.GetFiles(Folder, "*.json").Select(f => Path.GetFileName(f)).Where(f => f != "expected-segmentation.json").Order(StringComparer.Ordinal);

    public static Dictionary<string, List<ExpectedQuestion>> Expected() =>
        JsonSerializer.Deserialize<Dictionary<string, List<ExpectedQuestion>>>(File.ReadAllText(Path.Combine(Folder, "expected-segmentation.json")), Json)!;

    public static (TraceSegmentation, IReadOnlyList<MessageDocument>) Segment(string file)
    {
        var trace = Read(Path.Combine(Folder, file));
        var documents = trace.Messages.Select(m => MarkdownDocumentParser.Default.Parse(m.Content)).ToList();
        return (new Segmenter(Hw7).Segment(trace, documents), documents);
    }

    private sealed record JStudent(string Id, string? Name, string? Email);
    private sealed record JSource(string Id, string? Title, string Text);
    private sealed record JAttachment(string Name, string? MediaType, string? Text);
    private sealed record JAnnotation(string Text, string? Quote, List<string>? Tags);
    private sealed record JMessage(string Role, string Content, DateTimeOffset? Time, List<JAttachment>? Attachments, List<JAnnotation>? Annotations, string? Question);
    private sealed record JTrace(string Format, string Id, string? Assignment, JStudent Student, string? Model, List<JSource>? Sources, List<JMessage> Messages);

    private static Trace Read(string path)
    {
        var t = JsonSerializer.Deserialize<JTrace>(File.ReadAllText(path), Json)!;
        if (t.Format != TraceFormats.Canonical) throw new InvalidDataException($"{path}: format {t.Format}");
        var messages = t.Messages.Select((m, i) => new Message(
            i,
            Enum.Parse<Role>(m.Role, ignoreCase: true),
            m.Content,
            m.Time,
            (m.Attachments ?? []).Select(a => new Attachment(a.Name, a.MediaType, a.Text)).ToList(),
            (m.Annotations ?? []).Select(a => new Annotation(a.Text, a.Quote, a.Tags ?? [])).ToList(),
            m.Question)).ToList();
        return new Trace(t.Id, t.Assignment, new Student(t.Student.Id, t.Student.Name, t.Student.Email), t.Model,
            (t.Sources ?? []).Select(s => new SourceText(s.Id, s.Title, s.Text)).ToList(), messages) { File = path };
    }
}

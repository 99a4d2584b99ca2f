using System.Globalization;
using System.Text;
using System.Text.Json;
using RubricEngine.Documents;
using RubricEngine.Segmentation;
using RubricEngine.Traces;

namespace RubricEngine.Tests.Segmentation;

/// <summary>
/// The labeled attribution corpus (tests/attribution-corpus, format in its README) and the real sessions' labels:
/// loads a conversation with the real <see cref="TraceReader"/>, its rubric's questions as <see cref="SegmenterOptions"/>,
/// and its expected (message, question, attempt) triples; segments it and scores the result. One source file, linked
/// into the benchmark project, so the test and the benchmark measure the same thing.
/// </summary>
public static class AttributionCorpus
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>One labeled entry: message <see cref="Message"/> answers <see cref="Question"/> (null: none) on <see cref="Attempt"/>.</summary>
    public sealed record Entry(int Message, string? Question, int Attempt, bool FollowUp);

    /// <summary>A conversation with its rubric's questions and its labels.</summary>
    public sealed record Case(string Name, Trace Trace, SegmenterOptions Options, IReadOnlyList<Entry> Expected);

    /// <summary>What the segmenter gave one case, compared with the labels.</summary>
    public sealed record Outcome(Case Case, IReadOnlyList<Entry> Predicted, IReadOnlyList<Entry> Right, IReadOnlyList<Entry> Missed, IReadOnlyList<Entry> Wrong, int NoneRight, int NoneExpected);

    /// <summary>Precision and recall over (message, question, attempt) triples of many cases.</summary>
    public sealed record Score(IReadOnlyList<Outcome> Outcomes)
    {
        public int Right => Outcomes.Sum(o => o.Right.Count);
        public int Predicted => Outcomes.Sum(o => o.Predicted.Count(e => e.Question is not null));
        public int Expected => Outcomes.Sum(o => o.Case.Expected.Count(e => e.Question is not null));
        public double Precision => Predicted == 0 ? 1 : (double)Right / Predicted;
        public double Recall => Expected == 0 ? 1 : (double)Right / Expected;

        public string Summary(string label) => string.Create(CultureInfo.InvariantCulture,
            $"{label}: {Outcomes.Count} conversations, precision {Precision:0.000} ({Right}/{Predicted}), recall {Recall:0.000} ({Right}/{Expected}), none {Outcomes.Sum(o => o.NoneRight)}/{Outcomes.Sum(o => o.NoneExpected)}");

        /// <summary>One line per conversation with misses: what was expected and not given, what was given wrongly.</summary>
        public string Misses()
        {
            var text = new StringBuilder();
            foreach (var o in Outcomes.Where(o => o.Missed.Count > 0 || o.Wrong.Count > 0))
                text.Append(CultureInfo.InvariantCulture, $"  {o.Case.Name}: missed {Describe(o.Missed)}; wrong {Describe(o.Wrong)}\n");
            return text.ToString();
        }
    }

    /// <summary>"1 3.b.i#1, 5 3.b.ii#1+" ("+" a follow-up).</summary>
    public static string Describe(IEnumerable<Entry> entries) =>
        string.Join(", ", entries.Select(e => e.Question is null ? $"{e.Message} none" : $"{e.Message} {e.Question}#{e.Attempt}{(e.FollowUp ? "+" : "")}"));

    /// <summary>The rubric a <c>rubrics/&lt;name&gt;.questions.json</c> file declares, as the segmenter sees it.</summary>
    public static SegmenterOptions LoadOptions(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var questions = new List<QuestionPath>();
        var aliases = new Dictionary<string, QuestionPath>(StringComparer.OrdinalIgnoreCase);
        var titles = new Dictionary<QuestionPath, string>();
        var statements = new Dictionary<QuestionPath, string>();
        foreach (var q in doc.RootElement.GetProperty("questions").EnumerateArray())
        {
            var path = new QuestionPath(q.GetProperty("id").GetString()!);
            questions.Add(path);
            if (q.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String) titles[path] = t.GetString()!;
            if (q.TryGetProperty("statement", out var s) && s.ValueKind == JsonValueKind.String) statements[path] = s.GetString()!;
            if (q.TryGetProperty("aliases", out var a) && a.ValueKind == JsonValueKind.Array)
                foreach (var alias in a.EnumerateArray())
                    if (alias.GetString() is { Length: > 0 } name) aliases.TryAdd(name, path);
        }
        return new SegmenterOptions { Questions = questions, Aliases = aliases, Titles = titles, Statements = statements };
    }

    /// <summary>Every conversation of <c>&lt;corpus&gt;/conversations</c>, in file order.</summary>
    public static IReadOnlyList<Case> LoadConversations(string corpus)
    {
        var folder = Path.Combine(corpus, "conversations");
        if (!Directory.Exists(folder)) return [];
        var cases = new List<Case>();
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var root = doc.RootElement;
            var rubric = root.GetProperty("corpusRubric").GetString()!;
            cases.Add(new Case(Path.GetFileNameWithoutExtension(file), ReadTrace(file), LoadOptions(Path.Combine(corpus, "rubrics", rubric + ".questions.json")), Entries(root)));
        }
        return cases;
    }

    /// <summary>
    /// The real sessions labeled in <c>&lt;corpus&gt;/real/*.labels.json</c>, read from <paramref name="realTraces"/>
    /// (../shared/real-traces); empty when either folder is missing.
    /// </summary>
    public static IReadOnlyList<Case> LoadReal(string corpus, string realTraces)
    {
        var folder = Path.Combine(corpus, "real");
        if (!Directory.Exists(folder) || !Directory.Exists(realTraces)) return [];
        var cases = new List<Case>();
        foreach (var file in Directory.GetFiles(folder, "*.labels.json").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var root = doc.RootElement;
            var trace = Path.Combine(realTraces, root.GetProperty("trace").GetString()!);
            if (!File.Exists(trace)) continue;
            var rubric = root.GetProperty("corpusRubric").GetString()!;
            cases.Add(new Case(Path.GetFileName(trace), ReadTrace(trace), LoadOptions(Path.Combine(corpus, "rubrics", rubric + ".questions.json")), Entries(root)));
        }
        return cases;
    }

    private static Trace ReadTrace(string file)
    {
        var result = new TraceReader().Read([file]);
        if (result.Errors.Count > 0) throw new InvalidDataException(string.Join("; ", result.Errors));
        return result.Traces.Single();
    }

    private static List<Entry> Entries(JsonElement root) =>
        root.GetProperty("expected").EnumerateArray().Select(e => new Entry(
            e.GetProperty("message").GetInt32(),
            e.TryGetProperty("question", out var q) && q.ValueKind == JsonValueKind.String ? new QuestionPath(q.GetString()!).Value : null,
            e.TryGetProperty("attempt", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetInt32() : 0,
            e.TryGetProperty("followUp", out var f) && f.ValueKind == JsonValueKind.True)).ToList();

    /// <summary>Every segment of one case with its confidence and reason, beside the labels (for the benchmark's detail view).</summary>
    public static string Detail(Case c, bool blocks = false)
    {
        var documents = c.Trace.Messages.Select(m => MarkdownDocumentParser.Default.Parse(m.Content)).ToArray();
        var segmentation = new Segmenter(c.Options).Segment(c.Trace, documents);
        var text = new StringBuilder();
        foreach (var m in c.Trace.Messages.Where(m => m.Role == Role.Assistant))
        {
            var given = segmentation.Answers.Where(a => a.MessageIndex == m.Index)
                .Select(a => $"{a.Question}#{a.Attempt}{(a.IsFollowUp ? "+" : "")} [{a.Confidence}: {a.Reason}]");
            var expected = Describe(c.Expected.Where(e => e.Message == m.Index));
            text.Append(CultureInfo.InvariantCulture, $"  {m.Index}: expected {expected}; given {string.Join(", ", given)}\n");
            if (!blocks) continue;
            foreach (var a in segmentation.Answers.Where(a => a.MessageIndex == m.Index))
                foreach (var b in a.Blocks)
                    text.Append(CultureInfo.InvariantCulture, $"      {a.Question}: {Clip(b.PlainText)}\n");
        }
        return text.ToString();
    }

    private static string Clip(string text)
    {
        var line = text.ReplaceLineEndings(" / ");
        return line.Length <= 90 ? line : line[..90] + "…";
    }

    /// <summary>Segments one case and compares the triples with its labels.</summary>
    public static Outcome Evaluate(Case c)
    {
        var documents = c.Trace.Messages.Select(m => MarkdownDocumentParser.Default.Parse(m.Content)).ToArray();
        var segmentation = new Segmenter(c.Options).Segment(c.Trace, documents);
        var predicted = segmentation.Answers.Select(a => new Entry(a.MessageIndex, a.Question.Value, a.Attempt, a.IsFollowUp)).Distinct().ToList();
        foreach (var m in c.Trace.Messages)
            if (m.Role == Role.Assistant && predicted.All(p => p.Message != m.Index)) predicted.Add(new Entry(m.Index, null, 0, false));
        predicted = predicted.OrderBy(e => e.Message).ThenBy(e => e.Question, StringComparer.Ordinal).ToList();

        static (int, string?, int) Key(Entry e) => (e.Message, e.Question, e.Attempt);
        var expected = c.Expected.Where(e => e.Question is not null).Select(Key).ToHashSet();
        var given = predicted.Where(e => e.Question is not null).ToList();
        var right = given.Where(e => expected.Contains(Key(e))).ToList();
        var givenKeys = given.Select(Key).ToHashSet();
        var missed = c.Expected.Where(e => e.Question is not null && !givenKeys.Contains(Key(e))).ToList();
        var wrong = given.Where(e => !expected.Contains(Key(e))).ToList();
        var noneExpected = c.Expected.Where(e => e.Question is null).Select(e => e.Message).ToList();
        var noneRight = noneExpected.Count(m => predicted.Any(p => p.Message == m && p.Question is null));
        return new Outcome(c, predicted, right, missed, wrong, noneRight, noneExpected.Count);
    }

    /// <summary>Scores every case.</summary>
    public static Score Evaluate(IEnumerable<Case> cases) => new(cases.Select(Evaluate).ToList());

    /// <summary>The repository root above <paramref name="start"/> (the folder holding RubricEngine.sln).</summary>
    public static string? FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RubricEngine.sln"))) return dir.FullName;
        return null;
    }
}

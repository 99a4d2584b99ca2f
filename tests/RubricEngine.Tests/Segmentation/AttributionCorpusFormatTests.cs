using System.Text.Json;
using RubricEngine.Traces;

namespace RubricEngine.Tests.Segmentation;

/// <summary>
/// Checks that the hand-labeled attribution corpus (<c>tests/attribution-corpus</c>) is well formed: every
/// conversation reads as a trace with the real reader, and its labels are consistent with its messages and with
/// the rubric it names. It never runs the segmenter: the labels are the truth the segmenter is measured against.
/// </summary>
public sealed class AttributionCorpusFormatTests
{
    private static string Corpus => Path.Combine(Hw7Example.RepoRoot, "tests", "attribution-corpus");

    private static string RealTraces => Path.GetFullPath(Path.Combine(Hw7Example.RepoRoot, "..", "shared", "real-traces"));

    public static IEnumerable<string> Conversations() =>
        Directory.EnumerateFiles(Path.Combine(Corpus, "conversations"), "*.json")
            .Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static IEnumerable<string> RealLabels() =>
        Directory.EnumerateFiles(Path.Combine(Corpus, "real"), "*.labels.json")
            .Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    [Test]
    public void The_corpus_has_at_least_forty_conversations_and_every_issue_pattern_three_times()
    {
        var files = Conversations().ToList();
        var patterns = files
            .SelectMany(f => Patterns(JsonDocument.Parse(File.ReadAllText(Path.Combine(Corpus, "conversations", f))).RootElement))
            .GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());

        Assert.That(files, Has.Count.GreaterThanOrEqualTo(40));
        for (var pattern = 1; pattern <= 9; pattern++)
            Assert.That(patterns.GetValueOrDefault(pattern.ToString()), Is.GreaterThanOrEqualTo(3), $"pattern {pattern}");
    }

    [TestCaseSource(nameof(Conversations))]
    public void A_conversation_reads_as_a_trace_and_its_labels_are_consistent(string file)
    {
        var path = Path.Combine(Corpus, "conversations", file);
        var read = new TraceReader().Read([path]);
        Assert.That(read.Errors, Is.Empty, string.Join("\n", read.Errors));
        var trace = read.Traces.Single();
        Assert.That(trace.Format, Is.EqualTo(TraceFormats.Canonical));

        var root = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
        Assert.That(trace.Id, Does.StartWith("corpus-" + file[..2]), "the id carries the file's number");
        AssertLabelsConsistent(trace, root);
    }

    [TestCaseSource(nameof(RealLabels))]
    public void A_real_session_label_file_names_a_real_trace_and_its_labels_are_consistent(string file)
    {
        var root = JsonDocument.Parse(File.ReadAllText(Path.Combine(Corpus, "real", file))).RootElement;
        var traceFile = root.GetProperty("trace").GetString()!;
        Assert.That(file, Is.EqualTo(Path.GetFileNameWithoutExtension(traceFile) + ".labels.json"));
        if (!Directory.Exists(RealTraces))
            Assert.Ignore($"The real sessions are not here ({RealTraces}); they are never copied into the repository.");

        var read = new TraceReader().Read([Path.Combine(RealTraces, traceFile)]);
        Assert.That(read.Errors, Is.Empty, string.Join("\n", read.Errors));
        AssertLabelsConsistent(read.Traces.Single(), root);
    }

    [Test]
    public void No_run_of_nine_words_from_a_real_session_appears_in_the_corpus()
    {
        if (!Directory.Exists(RealTraces))
            Assert.Ignore($"The real sessions are not here ({RealTraces}); nothing to compare against.");

        // Words of two letters or more, so that formulas and token lists (w_1 = <sos>, …) do not count as prose.
        const int Run = 9;
        var real = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(RealTraces, "*.json"))
            foreach (var message in new TraceReader().Read([file]).Traces.SelectMany(t => t.Messages))
                real.UnionWith(Shingles(message.Content, Run));

        var copied = Directory.EnumerateFiles(Corpus, "*.json", SearchOption.AllDirectories)
            .SelectMany(file => Shingles(File.ReadAllText(file), Run).Where(real.Contains)
                .Select(run => $"{Path.GetRelativePath(Corpus, file)}: {run}"))
            .ToList();

        Assert.That(copied, Is.Empty, "the corpus must not copy the real sessions");
    }

    private static IEnumerable<string> Shingles(string text, int length)
    {
        var words = System.Text.RegularExpressions.Regex.Matches(text.ToLowerInvariant(), "[a-z]{2,}").Select(m => m.Value).ToList();
        for (var i = 0; i + length <= words.Count; i++) yield return string.Join(' ', words.Skip(i).Take(length));
    }

    private static IEnumerable<string> Patterns(JsonElement root) =>
        root.TryGetProperty("patterns", out var patterns)
            ? patterns.EnumerateArray().Select(p => p.ValueKind == JsonValueKind.Number ? p.GetInt32().ToString() : p.GetString()!)
            : [];

    private static void AssertLabelsConsistent(Trace trace, JsonElement root)
    {
        var rubricName = root.GetProperty("corpusRubric").GetString()!;
        var rubricPath = Path.Combine(Corpus, "rubrics", rubricName + ".questions.json");
        Assert.That(File.Exists(rubricPath), Is.True, $"rubric {rubricName} is missing");
        var declared = JsonDocument.Parse(File.ReadAllText(rubricPath)).RootElement.GetProperty("questions")
            .EnumerateArray().Select(q => q.GetProperty("id").GetString()!).ToHashSet(StringComparer.Ordinal);

        var labels = root.GetProperty("expected").EnumerateArray().Select(e => (
            Message: e.GetProperty("message").GetInt32(),
            Question: e.GetProperty("question").ValueKind == JsonValueKind.Null ? null : e.GetProperty("question").GetString(),
            Attempt: e.TryGetProperty("attempt", out var a) ? a.GetInt32() : 0,
            FollowUp: e.TryGetProperty("followUp", out var f) && f.GetBoolean())).ToList();

        foreach (var label in labels)
        {
            Assert.That(label.Message, Is.InRange(0, trace.Messages.Count - 1), $"message {label.Message} does not exist");
            Assert.That(trace.Messages[label.Message].Role, Is.EqualTo(Role.Assistant), $"message {label.Message} is not an assistant message");
            if (label.Question is null) continue;
            // A rubric declaring no questions is the "no rubric" case: the conversation's own paths are the questions.
            if (declared.Count > 0)
                Assert.That(declared, Does.Contain(label.Question), $"message {label.Message}: {label.Question} is not declared by {rubricName}");
        }

        foreach (var message in trace.Messages.Where(m => m.Role == Role.Assistant))
        {
            var own = labels.Where(l => l.Message == message.Index).ToList();
            Assert.That(own, Is.Not.Empty, $"assistant message {message.Index} has no label");
            if (own.Any(l => l.Question is null))
                Assert.That(own, Has.Count.EqualTo(1), $"message {message.Index} is labeled none and a question");
            Assert.That(own.Select(l => l.Question).Distinct().Count(), Is.EqualTo(own.Count), $"message {message.Index} names a question twice");
        }

        // Attempts count 1..n per question in message order; a follow-up carries the attempt it follows.
        var current = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var label in labels.Where(l => l.Question is not null).OrderBy(l => l.Message))
        {
            var now = current.GetValueOrDefault(label.Question!);
            if (label.FollowUp)
                Assert.That(label.Attempt, Is.EqualTo(now).And.GreaterThan(0), $"message {label.Message}: follow-up of {label.Question} names the wrong attempt");
            else
                Assert.That(label.Attempt, Is.EqualTo(now + 1), $"message {label.Message}: attempt of {label.Question} out of order");
            if (!label.FollowUp) current[label.Question!] = label.Attempt;
        }
    }
}

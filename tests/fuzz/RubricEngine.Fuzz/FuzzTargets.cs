using System.Text;
using RubricEngine.Checks;
using RubricEngine.Checks.Latex;
using RubricEngine.Documents;
using RubricEngine.Rubrics;
using RubricEngine.Segmentation;
using RubricEngine.Traces;

namespace RubricEngine.Fuzz;

/// <summary>
/// The fuzz targets. Each takes raw bytes and must return normally: the engine's contract is that hostile input
/// becomes an error value, never an exception, so any exception that escapes is a finding. The span invariants
/// of the property tests (every span inside its text) are asserted here too, by throwing.
/// Idempotence of the LaTeX normalizer is not: it holds for well-formed formulas only.
/// </summary>
public static class FuzzTargets
{
    public static readonly IReadOnlyDictionary<string, Action<byte[]>> All = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["traces"] = TraceReaderOnBytes,
        ["text"] = MessagePipeline,
    };

    private static readonly string Folder = Path.Combine(Path.GetTempPath(), $"rubric-fuzz-{Environment.ProcessId}");

    // Engine objects are built on first use, never in a static constructor: under AFL, instrumented engine code
    // must not run before SharpFuzz has mapped the coverage memory (it crashes with an access violation).
    private static SegmenterOptions? _segmentation;
    private static LatexNormalizer? _normalizer;

    private static SegmenterOptions Segmentation => _segmentation ??= new SegmenterOptions
    {
        Questions = new[] { "3.b.i", "3.b.ii", "4.a", "4.b", "mt.b", "mt.c", "5.a", "5.b" }.Select(q => new QuestionPath(q)).ToList(),
    };

    private static LatexNormalizer Normalizer => _normalizer ??= new LatexNormalizer();

    /// <summary>(a) The trace reader on a file holding the bytes, read as .json, .jsonl and .md.</summary>
    public static void TraceReaderOnBytes(byte[] bytes)
    {
        Directory.CreateDirectory(Folder);
        var reader = new TraceReader(new TraceReaderOptions { MaxFileBytes = 1 << 20 });
        foreach (var extension in new[] { ".json", ".jsonl", ".md" })
        {
            var file = Path.Combine(Folder, "input" + extension);
            File.WriteAllBytes(file, bytes);
            var result = reader.Read([file]);
            if (result.Traces.Count == 0 && result.Errors.Count == 0 && result.Skipped.Count == 0)
                throw new InvalidOperationException("a named file gave neither a trace nor an error");
            foreach (var error in result.Errors)
                if (string.IsNullOrWhiteSpace(error.Reason) || error.File != file) throw new InvalidOperationException($"unclear error: {error}");
            foreach (var trace in result.Traces)
                foreach (var m in trace.Messages) _ = MarkdownDocumentParser.Default.Parse(m.Content);
        }
    }

    /// <summary>(b) Message text → Markdown parse → segmentation → number extraction → LaTeX normalization.</summary>
    public static void MessagePipeline(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var split = text.IndexOf('\u0001', StringComparison.Ordinal);
        var prompt = split >= 0 ? text[..split] : "Please answer 4.a and 3.b.i.";
        var reply = split >= 0 ? text[(split + 1)..] : text;

        var messages = new List<Message>
        {
            new(0, Role.User, prompt, null, [], [], null),
            new(1, Role.Assistant, reply, null, [], [], null),
        };
        var trace = new Trace("fuzz", "hw7", new Student("s"), null, [new SourceText("blog", "blog", "94% in 341 seconds on 8 V100s, 3x")], messages) { File = "fuzz.json" };
        var documents = messages.Select(m => MarkdownDocumentParser.Default.Parse(m.Content)).ToList();
        foreach (var document in documents)
            foreach (var block in document.Blocks)
            {
                CheckSpan(block.Span, document.Text.Length, "block");
                foreach (var inline in block.Inlines) CheckSpan(inline.Span, document.Text.Length, "inline");
            }

        var segmentation = new Segmenter(Segmentation).Segment(trace, documents);
        var analysis = new TraceAnalysis(trace, documents, segmentation, []);
        var analyzer = new GroundingAnalyzer(includeMath: true);
        foreach (var answer in analysis.Answers)
        {
            CheckSpan(answer.Span, documents[answer.Segment.MessageIndex].Text.Length, "answer");
            var report = analyzer.Analyze(answer);
            foreach (var n in report.Numbers) CheckSpan(n.Span, answer.Document.Text.Length, "number");
            foreach (var id in report.Identifiers) CheckSpan(id.Span, answer.Document.Text.Length, "identifier");
        }

        // Any text, math or not, must normalize without an exception. Idempotence is promised for well-formed
        // formulas only (Checks/Latex/README.md) and is property-tested there: fuzzed prose is not held to it.
        foreach (var math in documents.SelectMany(d => d.Blocks).SelectMany(b => b.Inlines).Where(i => i.Kind == InlineKind.Math).Select(i => i.Text).Append(reply))
            _ = Normalizer.Normalize(Normalizer.Normalize(math));
    }

    private static void CheckSpan(Text.TextSpan span, int length, string what)
    {
        if (span.Start < 0 || span.End > length || span.Length < 0)
            throw new InvalidOperationException($"{what} span {span.Start}..{span.End} outside text of length {length}");
    }
}

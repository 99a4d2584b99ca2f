using BenchmarkDotNet.Attributes;
using RubricEngine.Checks;
using RubricEngine.Checks.Latex;
using RubricEngine.Documents;
using RubricEngine.Segmentation;
using RubricEngine.Text;
using RubricEngine.Traces;
using RubricEngine.Traces.Formats;

namespace RubricEngine.Benchmarks;

/// <summary>
/// The functions every trace goes through, on the all-in-one hw7 sample (alice): one 6 KB assistant reply with
/// headings, display math, a list, a table and prose.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class HotPathBenchmarks
{
    private string _file = null!;
    private byte[] _fileBytes = null!;
    private Trace _trace = null!;
    private string _reply = null!;
    private MessageDocument[] _documents = null!;
    private Segmenter _segmenter = null!;
    private Block[] _blocks = null!;
    private string _prose = null!;
    private string[] _math = null!;
    private readonly MarkdownDocumentParser _parser = MarkdownDocumentParser.Default;
    private readonly List<Quantity> _quantities = [];
    private readonly List<IdentifierToken> _identifiers = [];

    [GlobalSetup]
    public void Setup()
    {
        _file = Path.Combine(Repo.Hw7, "traces", "01-alice-all-in-one.json");
        _trace = new TraceReader().ReadFile(_file).Traces[0];
        _fileBytes = File.ReadAllBytes(_file);
        _reply = _trace.Messages[1].Content;
        _documents = _trace.Messages.Select(m => _parser.Parse(m.Content)).ToArray();
        _segmenter = new Segmenter(new SegmenterOptions
        {
            Questions = new[] { "3.b.i", "3.b.ii", "4.a", "4.b", "mt.b", "mt.c", "5.a", "5.b" }.Select(q => new QuestionPath(q)).ToList(),
            Aliases = new Dictionary<string, QuestionPath> { ["Machine Translation"] = new QuestionPath("mt") },
        });
        _blocks = _documents[1].Blocks.ToArray();
        _prose = string.Join("\n", _blocks.Where(b => b.Kind != BlockKind.DisplayMath).Select(b => b.PlainText));
        _math = _blocks.Where(b => b.Kind == BlockKind.DisplayMath).Select(b => b.PlainText).ToArray();
    }

    [Benchmark(Description = "Markdown parse (6 KB reply)")]
    public MessageDocument MarkdownParse() => _parser.Parse(_reply);

    [Benchmark(Description = "Markdown parse (plain user prompt)")]
    public MessageDocument MarkdownParsePrompt() => _parser.Parse(_trace.Messages[0].Content);

    [Benchmark(Description = "Markdown parse (plain user prompt, through Markdig)")]
    public MessageDocument MarkdownParsePromptMarkdig() => _parser.ParseMarkdown(_trace.Messages[0].Content);

    [Benchmark(Description = "Segmenter (whole trace)")]
    public TraceSegmentation Segment() => _segmenter.Segment(_trace, _documents);

    [Benchmark(Description = "Number scanner (reply prose)")]
    public int NumberScan()
    {
        _quantities.Clear();
        _identifiers.Clear();
        NumberScanner.Scan(_prose, NumberScanner.Mode.Claims, _quantities, _identifiers);
        return _quantities.Count;
    }

    [Benchmark(Description = "Word counter (reply)")]
    public int WordCount() => WordCounter.Count(_blocks);

    [Benchmark(Description = "LaTeX normalizer, fresh (display math of reply)")]
    public int LatexNormalizeFresh()
    {
        // A new normalizer has an empty memo: this is the cost of normalizing formulas never seen before.
        var normalizer = new LatexNormalizer();
        var n = 0;
        foreach (var m in _math) n += normalizer.Normalize(m).Length;
        return n;
    }

    [Benchmark(Description = "LaTeX normalizer, memoized (display math of reply)")]
    public int LatexNormalize()
    {
        var n = 0;
        foreach (var m in _math) n += LatexNormalizer.Default.Normalize(m).Length;
        return n;
    }

    [Benchmark(Description = "Trace reader (read + JSON of the sample file)")]
    public int ReadTrace() => new TraceReader().ReadFile(_file).Traces.Count;

    [Benchmark(Description = "Trace reader, full JsonDocument path (sample file)")]
    public int ReadTraceFullPath() => new TraceReader { FastCanonical = false }.ReadFile(_file).Traces.Count;

    [Benchmark(Description = "Canonical fast reader (sample bytes in memory)")]
    public int FastReaderInMemory() => CanonicalFastReader.TryRead(_fileBytes, 256)!.Messages.Count;

    [Benchmark(Description = "JsonDocument.Parse (sample bytes in memory)")]
    public int JsonDocumentInMemory()
    {
        using var document = System.Text.Json.JsonDocument.Parse(_fileBytes);
        return (int)document.RootElement.ValueKind;
    }

    [Benchmark(Description = "File.ReadAllBytes (sample file)")]
    public int ReadAllBytes() => File.ReadAllBytes(_file).Length;

    [Benchmark(Description = "Line map (6 KB reply)")]
    public int LineMapBuild() => LineMap.Build(_reply).LineCount;

    [Benchmark(Description = "Block.PlainText (every block of the reply)")]
    public int PlainText()
    {
        var n = 0;
        foreach (var block in _blocks) n += block.PlainText.Length;
        return n;
    }

    [Benchmark(Description = "Grounding index (reply as a grounding text)")]
    public object GroundingIndexBuild() => GroundingIndex.Build([_reply]);

    [Benchmark(Description = "Answer tokenizer (reply blocks)")]
    public int AnswerTokenize() => AnswerTokenizer.Tokenize(_reply, _blocks).Count;

    [Benchmark(Description = "Word limit message ('183 words')")]
    public int WordLimitMessage() => WordLimitCheck.Words(183).Length;
}

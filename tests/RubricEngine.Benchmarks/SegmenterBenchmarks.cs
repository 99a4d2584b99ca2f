using BenchmarkDotNet.Attributes;
using RubricEngine.Documents;
using RubricEngine.Segmentation;
using RubricEngine.Tests.Performance;
using RubricEngine.Traces;

namespace RubricEngine.Benchmarks;

/// <summary>
/// The segmenter on what grading runs feed it: a synthetic multi-turn hw7 trace (prompts with markers, headed
/// replies), and the two halves of it: reading a prompt's focus and finding every marker in a prompt.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SegmenterBenchmarks
{
    private Trace _trace = null!;
    private MessageDocument[] _documents = null!;
    private Segmenter _segmenter = null!;
    private string[] _prompts = null!;

    [GlobalSetup]
    public void Setup()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rubric-seg-bench-{Environment.ProcessId}.json");
        File.WriteAllBytes(file, new Hw7TraceGenerator(File.ReadAllText(Repo.Blog)).Generate(182, 0));
        try
        {
            _trace = new TraceReader().ReadFile(file).Traces[0];
        }
        finally
        {
            File.Delete(file);
        }
        _documents = _trace.Messages.Select(m => MarkdownDocumentParser.Default.Parse(m.Content)).ToArray();
        _segmenter = new Segmenter(new SegmenterOptions
        {
            Questions = new[] { "3.b.i", "3.b.ii", "4.a", "4.b", "mt.b", "mt.c", "5.a", "5.b" }.Select(q => new QuestionPath(q)).ToList(),
            Aliases = new Dictionary<string, QuestionPath> { ["Machine Translation"] = new QuestionPath("mt") },
        });
        _prompts = _trace.Messages.Where(m => m.Role == Role.User).Select(m => m.Content).ToArray();
    }

    [Benchmark(Description = "Segmenter (synthetic multi-turn trace)")]
    public TraceSegmentation Segment() => _segmenter.Segment(_trace, _documents);

    [Benchmark(Description = "QuestionMarkers.FindAll (every prompt)")]
    public int FindAll()
    {
        var n = 0;
        foreach (var p in _prompts) n += _segmenter.Markers.FindAll(p).Count;
        return n;
    }
}

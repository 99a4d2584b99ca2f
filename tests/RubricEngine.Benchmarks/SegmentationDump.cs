using System.Globalization;
using System.Text;
using RubricEngine.Documents;
using RubricEngine.Scripting;
using RubricEngine.Segmentation;
using RubricEngine.Traces;

namespace RubricEngine.Benchmarks;

/// <summary>
/// Writes every segment of every trace in a folder (question, attempt, message, block spans, restatement spans),
/// one line per segment in file order: diff two dumps to prove a segmenter change kept every result.
/// </summary>
internal static class SegmentationDump
{
    public static int Run(string rubricPath, string folder, string output)
    {
        using var loaded = RubricScriptLoader.Load(rubricPath);
        var segmenter = new Segmenter(loaded.Definition.SegmenterOptions);
        var parser = MarkdownDocumentParser.Default;
        var reader = new TraceReader();
        using var writer = new StreamWriter(output, false, new UTF8Encoding(false));
        foreach (var file in reader.ListFiles([folder]).Files)
        {
            foreach (var trace in reader.ReadFile(file, false).Traces)
            {
                var documents = trace.Messages.Select(m => parser.Parse(m.Content)).ToArray();
                writer.Write(Path.GetFileName(file));
                writer.Write('\n');
                foreach (var a in segmenter.Segment(trace, documents).Answers)
                {
                    var blocks = string.Join(' ', a.Blocks.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Span.Start}+{b.Span.Length}")));
                    var restated = string.Join(' ', a.Restatements.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Span.Start}+{b.Span.Length}")));
                    writer.Write(string.Create(CultureInfo.InvariantCulture, $"  {a.Question} #{a.Attempt} m{a.MessageIndex}: {blocks} | {restated}\n"));
                }
            }
        }
        return 0;
    }
}

using RubricEngine.Grading;
using RubricEngine.Rubrics;
using RubricEngine.Traces;

namespace RubricEngine.Reports.Sarif;

/// <summary>
/// The trace files one grade's findings point into, read once each when the first finding needs them: the raw
/// text (for positions) and the trace as grading read it (for the messages' content).
/// </summary>
internal sealed class TraceFiles(TraceGrade grade, Func<string, FileReadResult>? read)
{
    private readonly Dictionary<string, (TraceFileText? Text, IReadOnlyList<Traces.Message>? Messages, int[] Occurrence)> _files = new(StringComparer.Ordinal);

    /// <summary>The region of <paramref name="location"/> in the file, or null when it cannot be placed there.</summary>
    public FileRegion? Region(string file, Location location)
    {
        var (text, messages, occurrence) = Open(file);
        if (text is null || messages is null || location.MessageIndex < 0 || location.MessageIndex >= messages.Count) return null;
        return text.Find(messages[location.MessageIndex].Content, occurrence[location.MessageIndex], location.Span);
    }

    /// <summary>The text around a region of the file (empty when the file was not read).</summary>
    public string Snippet(string file, FileRegion region) => Open(file).Text?.Snippet(region) ?? "";

    private (TraceFileText? Text, IReadOnlyList<Traces.Message>? Messages, int[] Occurrence) Open(string file)
    {
        if (_files.TryGetValue(file, out var open)) return open;
        IReadOnlyList<Traces.Message>? messages = null;
        if (read is not null)
        {
            try { messages = read(file).Traces.FirstOrDefault(t => t.Id == grade.TraceId)?.Messages; }
            catch (Exception e) when (e is not OutOfMemoryException) { messages = null; }
        }
        // Messages with the same content (a retried prompt) are told apart by order.
        var occurrence = new int[messages?.Count ?? 0];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < occurrence.Length; i++)
        {
            var content = messages![i].Content;
            occurrence[i] = seen.TryGetValue(content, out var n) ? n : 0;
            seen[content] = occurrence[i] + 1;
        }
        open = (messages is null ? null : TraceFileText.Load(file), messages, occurrence);
        _files[file] = open;
        return open;
    }
}

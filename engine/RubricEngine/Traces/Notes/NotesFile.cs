using System.Text;

namespace RubricEngine.Traces.Notes;

/// <summary>
/// Reads a student's notes file, the convention that lets any export carry annotations: beside <c>ana.json</c> (or
/// <c>conversations.json</c>, <c>chat.md</c>…) a file <c>ana.notes.md</c> holding, for each note, the words it is
/// about as a Markdown quote, then the comment, then optionally a <c>Tags:</c> line:
/// <code>
/// &gt; The expansion of the norm gives tr(XᵀX) − 2 tr(…)
/// I checked this step by hand; the middle term is right.
/// Tags: verified
/// </code>
/// Quotes are copied from the chat as the student sees it; <see cref="NoteAnchors"/> finds them in the answers.
/// </summary>
internal static class NotesFile
{
    /// <summary>The suffix that makes <c>name.notes.md</c> the notes of the trace file <c>name.*</c>.</summary>
    public const string Suffix = ".notes.md";

    /// <summary>True when <paramref name="file"/> is a notes file (<c>*.notes.md</c>).</summary>
    public static bool IsNotesFile(string file) => file.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The notes file of the trace file <paramref name="traceFile"/>: <c>dir/ana.json</c> → <c>dir/ana.notes.md</c>.</summary>
    public static string For(string traceFile) =>
        Path.Combine(Path.GetDirectoryName(traceFile) ?? "", Path.GetFileNameWithoutExtension(traceFile) + Suffix);

    /// <summary>Parses the notes in <paramref name="text"/>, in order. Text before the first quote is ignored (a title, an introduction).</summary>
    public static IReadOnlyList<StudentNote> Parse(string text)
    {
        var notes = new List<StudentNote>();
        var quote = new StringBuilder();
        var comment = new StringBuilder();
        var tags = new List<string>();
        var line = 0;
        var start = 0;
        var inQuote = false;

        void Flush()
        {
            if (quote.Length > 0)
                notes.Add(new StudentNote(quote.ToString().Trim(), comment.ToString().Trim(), tags.ToList(), start));
            quote.Clear();
            comment.Clear();
            tags.Clear();
        }

        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            line++;
            var trimmed = raw.Trim();
            if (trimmed.StartsWith('>'))
            {
                if (!inQuote) { Flush(); start = line; }
                inQuote = true;
                quote.Append(' ').Append(trimmed.TrimStart('>').Trim());
                continue;
            }
            inQuote = false;
            if (quote.Length == 0) continue;
            if (trimmed.StartsWith("Tags:", StringComparison.OrdinalIgnoreCase))
            {
                tags.AddRange(trimmed[5..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                continue;
            }
            if (comment.Length > 0 || trimmed.Length > 0) comment.Append(trimmed.Length == 0 ? "\n" : (comment.Length > 0 ? " " : "") + trimmed);
        }
        Flush();
        return notes;
    }
}

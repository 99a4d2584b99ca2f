using System.Text;

namespace RubricEngine.Traces.Notes;

/// <summary>
/// Attaches a notes file's notes to the assistant messages they quote. A quote copied from the rendered chat lacks
/// the Markdown of the export (<c>**</c>, backticks, <c>#</c>) and may break lines differently, so both sides are
/// compared with that markup and case removed and whitespace collapsed; the annotation keeps the message's own text
/// of the match as its <see cref="Annotation.Quote"/>, so it points at an exact excerpt.
/// </summary>
internal static class NoteAnchors
{
    /// <summary>The trace with every note attached to the first assistant message that contains its quote; the notes found nowhere.</summary>
    public static (Trace Trace, IReadOnlyList<StudentNote> Unanchored) Attach(Trace trace, IReadOnlyList<StudentNote> notes)
    {
        var added = new Dictionary<int, List<Annotation>>();
        var unanchored = new List<StudentNote>();
        var normalized = trace.Messages.Select(m => m.Role == Role.Assistant ? Normalize(m.Content) : default).ToArray();
        foreach (var note in notes)
        {
            var (needle, _) = Normalize(note.Quote);
            var anchored = false;
            for (var i = 0; i < trace.Messages.Count && !anchored && needle.Length > 0; i++)
            {
                if (normalized[i].Text is not { } hay) continue;
                var at = hay.IndexOf(needle, StringComparison.Ordinal);
                if (at < 0) continue;
                var map = normalized[i].Map!;
                var from = map[at];
                var to = map[at + needle.Length - 1] + 1;
                var exact = trace.Messages[i].Content[from..to];
                if (!added.TryGetValue(i, out var list)) added[i] = list = [];
                list.Add(new Annotation(note.Text, exact, note.Tags));
                anchored = true;
            }
            if (!anchored) unanchored.Add(note);
        }
        if (added.Count == 0) return (trace, unanchored);
        var messages = trace.Messages
            .Select(m => added.TryGetValue(m.Index, out var extra) ? m with { Annotations = [.. m.Annotations, .. extra] } : m)
            .ToList();
        return (trace with { Messages = messages }, unanchored);
    }

    // Markup a rendered page does not show; removed from both sides before comparing.
    private const string Markup = "*_`#>";

    /// <summary>Lower-case text without markup, whitespace collapsed; <c>Map[k]</c> is the index in the original of character k.</summary>
    private static (string Text, int[]? Map) Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        var space = true; // no leading space
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (Markup.Contains(c)) continue;
            if (char.IsWhiteSpace(c))
            {
                if (space) continue;
                space = true;
                builder.Append(' ');
                map.Add(i);
                continue;
            }
            space = false;
            builder.Append(char.ToLowerInvariant(c));
            map.Add(i);
        }
        while (builder.Length > 0 && builder[^1] == ' ') { builder.Length--; map.RemoveAt(map.Count - 1); }
        return (builder.ToString(), map.ToArray());
    }
}

using Markdig.Syntax;

namespace RubricEngine.Documents.LatexDelimiters;

/// <summary>
/// Finds the next unescaped closer (<c>\]</c>, <c>\)</c>) after a position, remembering the last answer on a
/// Markdig node so that a text full of unclosed openers is scanned once overall, not once per opener.
/// </summary>
internal static class CloserSearch
{
    /// <summary>The first unescaped <paramref name="closer"/> at or after <paramref name="from"/>, or -1.</summary>
    public static int Next(MarkdownObject owner, object key, string text, string closer, int from)
    {
        if (owner.GetData(key) is Cached cache && cache.Text == (object)text && from >= cache.From && (cache.Found < 0 || cache.Found >= from))
            return cache.Found;
        var found = IndexOf(text, closer, from, text.Length);
        owner.SetData(key, new Cached(text, from, found));
        return found;
    }

    /// <summary>The first unescaped <paramref name="closer"/> in [from, to), or -1.</summary>
    public static int IndexOf(string text, string closer, int from, int to)
    {
        to = Math.Min(to, text.Length);
        var i = Math.Max(from, 0);
        while (i <= to - closer.Length)
        {
            var found = text.IndexOf(closer, i, to - i, StringComparison.Ordinal);
            if (found < 0) return -1;
            if (!IsEscaped(text, found, from)) return found;
            i = found + 1;
        }
        return -1;
    }

    /// <summary>True when the backslash at <paramref name="at"/> is escaped by an odd run of backslashes after <paramref name="floor"/>.</summary>
    private static bool IsEscaped(string text, int at, int floor)
    {
        var run = 0;
        for (var j = at - 1; j >= floor && text[j] == '\\'; j--) run++;
        return run % 2 == 1;
    }

    private sealed record Cached(string Text, int From, int Found);
}

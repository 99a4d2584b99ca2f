using System.Text;
using RubricEngine.Text;

namespace RubricEngine.Testing;

/// <summary>
/// Roslyn-testing-style markup in fixture messages: <c>{|HW7-03:~18 hours|}</c> marks where a finding of rule
/// HW7-03 must appear. Marks may nest. Text that only looks like markup (<c>\{|x|\}</c> in TeX) stays as it is:
/// an opener needs an id and a colon, a closer only closes an open mark.
/// </summary>
internal static class FixtureMarkup
{
    /// <summary>The text without markup, and the marked spans in it.</summary>
    public static (string Text, IReadOnlyList<MarkedSpan> Marks) Parse(string markup)
    {
        var text = new StringBuilder(markup.Length);
        var marks = new List<MarkedSpan>();
        var open = new Stack<(string Id, int Start)>();
        var i = 0;
        while (i < markup.Length)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|' && TryReadId(markup, i + 2, out var id, out var after))
            {
                open.Push((id, text.Length));
                i = after;
            }
            else if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}' && open.Count > 0)
            {
                var (ruleId, start) = open.Pop();
                marks.Add(new MarkedSpan(ruleId, TextSpan.FromBounds(start, text.Length)));
                i += 2;
            }
            else
            {
                text.Append(markup[i++]);
            }
        }
        if (open.Count > 0)
            throw new FormatException($"Markup '{{|{open.Peek().Id}:' is never closed with '|}}'.");
        return (text.ToString(), marks.OrderBy(m => m.Span.Start).ThenBy(m => m.RuleId, StringComparer.Ordinal).ToList());
    }

    private static bool TryReadId(string s, int from, out string id, out int after)
    {
        var end = from;
        while (end < s.Length && end - from <= 64 && (char.IsAsciiLetterOrDigit(s[end]) || s[end] is '-' or '_' or '.')) end++;
        id = s[from..end];
        after = end + 1;
        return end > from && end < s.Length && s[end] == ':';
    }

    /// <summary>
    /// One line of <paramref name="text"/> (the line <paramref name="span"/> starts on) with the span marked for
    /// <paramref name="ruleId"/>: how the runner shows an expected or actual finding.
    /// </summary>
    public static string RenderLine(string text, TextSpan span, string ruleId)
    {
        var start = Math.Clamp(span.Start, 0, text.Length);
        var lineStart = start == 0 ? 0 : text.LastIndexOf('\n', start - 1) + 1;
        var lineEnd = text.IndexOf('\n', start);
        if (lineEnd < 0) lineEnd = text.Length;
        var end = Math.Clamp(span.End, start, lineEnd);
        var suffix = span.End > lineEnd ? "…" : "";
        return (text[lineStart..start] + "{|" + ruleId + ":" + text[start..end] + suffix + "|}" + text[end..lineEnd]).TrimEnd('\r');
    }
}

using System.Net;
using System.Text;

namespace RubricEngine.Traces.Formats;

/// <summary>
/// Turns the small HTML of an export (Google Takeout's <c>safeHtmlItem</c>) into Markdown-ish text: paragraphs and
/// line breaks, list items as <c>- </c>, headings as <c>#</c>, entities decoded, every other tag dropped. Scanned by
/// hand, linear in the input: no regex and no DOM on untrusted text.
/// </summary>
internal static class HtmlText
{
    public static string ToText(string html)
    {
        var sb = new StringBuilder(html.Length);
        var text = new StringBuilder();
        void FlushText()
        {
            if (text.Length == 0) return;
            // A no-break space (&nbsp; in "341&nbsp;s") is a space to the number and unit readers.
            sb.Append(WebUtility.HtmlDecode(text.ToString()).Replace('\u00A0', ' '));
            text.Clear();
        }
        for (var i = 0; i < html.Length; i++)
        {
            if (html[i] != '<')
            {
                text.Append(html[i] is '\n' or '\r' ? ' ' : html[i]);
                continue;
            }
            var close = html.IndexOf('>', i + 1);
            if (close < 0) { text.Append(html.AsSpan(i)); break; }
            FlushText();
            var tag = TagName(html.AsSpan(i + 1, close - i - 1), out var closing);
            switch (tag)
            {
                case "br": sb.Append('\n'); break;
                case "p" or "div" or "ul" or "ol" or "table" or "pre" or "blockquote": sb.Append(closing ? "\n\n" : sb.Length > 0 ? "\n\n" : ""); break;
                case "tr": if (closing) sb.Append('\n'); break;
                case "td" or "th": if (closing) sb.Append('\t'); break;
                case "li": sb.Append(closing ? "\n" : "- "); break;
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6": sb.Append(closing ? "\n\n" : "\n\n" + new string('#', tag[1] - '0') + " "); break;
                case "strong" or "b": sb.Append("**"); break;
                case "em" or "i": sb.Append('*'); break;
                case "code": sb.Append('`'); break;
            }
            i = close;
        }
        FlushText();
        // Collapse the blank lines block tags pile up.
        var lines = sb.ToString().Split('\n').Select(l => l.TrimEnd()).ToList();
        var result = new StringBuilder();
        var blank = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0) { if (++blank > 1 || result.Length == 0) continue; }
            else blank = 0;
            result.Append(line).Append('\n');
        }
        return result.ToString().Trim();
    }

    private static string TagName(ReadOnlySpan<char> inside, out bool closing)
    {
        inside = inside.Trim();
        closing = inside.StartsWith("/");
        if (closing) inside = inside[1..];
        var end = inside.IndexOfAny(" \t\n/");
        return (end < 0 ? inside : inside[..end]).ToString().ToLowerInvariant();
    }
}

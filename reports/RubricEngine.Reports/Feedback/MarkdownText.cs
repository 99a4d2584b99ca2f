using System.Text;
using RubricEngine.Reports.Safety;

namespace RubricEngine.Reports.Feedback;

/// <summary>
/// Makes untrusted text (student names, comments, excerpts) inert inside Markdown: one line, HTML characters as
/// entities, Markdown punctuation backslash-escaped, so it cannot open a heading, a list, a code span, a link, an
/// image or raw HTML, whatever renderer the LMS uses.
/// </summary>
public static class MarkdownText
{
    // Brackets are escaped, so "(" and "!" cannot form links or images; list markers matter only at the start.
    private const string Escaped = "\\`*_[]#|~$";

    /// <summary>Inline text: one line, every Markdown-significant character neutralized.</summary>
    public static string Inline(string? text)
    {
        var line = ReportText.OneSafeLine(text);
        var builder = new StringBuilder(line.Length + 16);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            switch (c)
            {
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '&': builder.Append("&amp;"); break;
                case '.' or ')' when i > 0 && (i + 1 == line.Length || line[i + 1] == ' ') && LeadingDigitsTo(line, i):
                    builder.Append('\\').Append(c); break; // "1. " or "1) " at the start would open an ordered list
                case '=' or '-' or '+' when i == 0:
                    builder.Append('\\').Append(c); break; // a setext underline or a list marker
                default:
                    if (Escaped.Contains(c)) builder.Append('\\');
                    builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }

    /// <summary>A blockquote holding <paramref name="text"/> (one line, escaped).</summary>
    public static string Quote(string? text) => "> " + Inline(text);

    private static bool LeadingDigitsTo(string line, int dot)
    {
        for (var k = 0; k < dot; k++) if (!char.IsAsciiDigit(line[k])) return false;
        return true;
    }
}

using System.Text;
using RubricEngine.Reports.Safety;

namespace RubricEngine.Reports.Feedback;

/// <summary>
/// Makes untrusted text (student names, comments, excerpts) inert inside Markdown: one line, HTML characters as
/// entities, and a backslash only before what could open a heading, a list, a code span, a link, an image, emphasis
/// or raw HTML, whatever renderer the LMS uses. Everything else stays as written, so <c>$W_1 = U_k^\top$</c> reads
/// as the student wrote it, rendered or not.
/// </summary>
public static class MarkdownText
{
    // What CommonMark lets a backslash escape.
    private const string AsciiPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    /// <summary>Inline text: one line, every character that could start Markdown structure neutralized.</summary>
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
                case '=' or '-' or '+' or '#' when i == 0:
                    builder.Append('\\').Append(c); break; // a setext underline, a list marker or a heading
                case '\\' when i + 1 < line.Length && AsciiPunctuation.Contains(line[i + 1]):
                    builder.Append("\\\\"); break; // "\*" would otherwise escape the next character away
                case '_' when !IsIntraword(line, i):
                    builder.Append("\\_"); break; // W_1 cannot open emphasis; " _z_ " can
                case '~' when (i > 0 && line[i - 1] == '~') || (i + 1 < line.Length && line[i + 1] == '~'):
                    builder.Append("\\~"); break; // only "~~" strikes through
                case '`' or '*' or '[' or ']':
                    builder.Append('\\').Append(c); break; // code spans, emphasis, links and images
                default:
                    builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// A blockquote holding the student's text as they would read it: its Markdown rendered down to plain text
    /// (<c>**(b)**</c> → <c>(b)</c>, math kept as written), then made inert with <see cref="Inline"/>.
    /// </summary>
    public static string Quote(string? text) => "> " + Inline(Plain(text));

    /// <summary>One line of <paramref name="markdown"/> as plain text: emphasis, links and heading marks removed, math kept as written.</summary>
    public static string Plain(string? markdown)
    {
        var line = ReportText.OneSafeLine(markdown);
        if (line.Length == 0) return line;
        try
        {
            return ReportText.OneSafeLine(Markdig.Markdown.ToPlainText(line));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return line; // Markdig gave up on hostile text: the raw line is still inert inside a code span
        }
    }

    private static bool IsIntraword(string line, int i) =>
        i > 0 && i + 1 < line.Length && char.IsLetterOrDigit(line[i - 1]) && char.IsLetterOrDigit(line[i + 1]);

    private static bool LeadingDigitsTo(string line, int dot)
    {
        for (var k = 0; k < dot; k++) if (!char.IsAsciiDigit(line[k])) return false;
        return true;
    }
}

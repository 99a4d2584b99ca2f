using System.Globalization;
using System.Text;

namespace RubricEngine.Reports.Html;

/// <summary>
/// Escaping for the review site. Everything that comes from a trace (student ids and names, message text, file
/// names) or from a rubric goes through here before it reaches a page.
/// </summary>
public static class HtmlText
{
    /// <summary>Characters that need escaping or replacing: markup, quotes, controls (except tab, LF, CR), surrogates.</summary>
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create(
        "&<>\"'" + string.Concat(Enumerable.Range(0, 32).Where(c => c is not ('\n' or '\t' or '\r')).Select(c => (char)c))
        + string.Concat(Enumerable.Range(0xD800, 0x800).Select(c => (char)c)));

    /// <summary>
    /// <paramref name="text"/> escaped for element content and quoted attribute values: <c>&amp; &lt; &gt; " '</c>,
    /// and characters a browser would drop or reinterpret (NUL, lone surrogates) replaced by U+FFFD.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text.AsSpan().IndexOfAny(Special) < 0) return text; // ids, titles, most comments: nothing to escape
        var builder = new StringBuilder(text.Length + 16);
        Append(builder, text.AsSpan());
        return builder.ToString();
    }

    /// <summary>Appends <paramref name="text"/> escaped (see <see cref="Escape"/>), without an intermediate string.</summary>
    public static StringBuilder AppendEscaped(this StringBuilder builder, string? text)
    {
        if (!string.IsNullOrEmpty(text)) Append(builder, text.AsSpan());
        return builder;
    }

    /// <summary>Appends <paramref name="text"/> escaped (see <see cref="Escape"/>).</summary>
    public static void Append(StringBuilder builder, ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            // Copy the plain runs whole: most of a message needs no escaping.
            var plain = text[i..].IndexOfAny(Special);
            if (plain < 0) { builder.Append(text[i..]); return; }
            if (plain > 0) { builder.Append(text.Slice(i, plain)); i += plain; }
            var c = text[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                case '\0': builder.Append('\uFFFD'); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        builder.Append('\uFFFD');
                    }
                    else if (c < ' ' && c is not ('\n' or '\t' or '\r'))
                    {
                        builder.Append('\uFFFD'); // control characters (ESC, BEL) are not valid in HTML text
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
    }

    /// <summary>
    /// True for a link target a student may point at: http, https or mailto, absolute. Everything else
    /// (<c>javascript:</c>, <c>data:</c>, <c>file:</c>, relative paths that would open other pages of the site) is not.
    /// </summary>
    public static bool IsSafeLink(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"): judge what they see.
        var cleaned = new string(url.Where(c => c > ' ' && c != '\u007F').ToArray());
        if (!Uri.TryCreate(cleaned, UriKind.Absolute, out var uri)) return false;
        return uri.Scheme is "http" or "https" or "mailto" && cleaned.StartsWith(uri.Scheme + ":", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Points as the site shows them: at most two decimals, invariant culture.</summary>
    public static string Points(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

using System.Text;

namespace RubricEngine.Traces.Formats;

/// <summary>
/// Removes ChatGPT's citation markers from answer text: the old <c>【11†source】</c> / <c>【4:0†notes.pdf】</c> /
/// <c>【turn0search3】</c> form and the private-use form <c>\ue200cite\ue202turn0search3\ue201</c> (also
/// <c>filecite</c>, <c>navlist</c>). Left in, a check reads "11" and "0" as numbers the answer gives.
/// An entity marker (<c>\ue200entity\ue202["city","Paris"]\ue201</c>) shows its name in the page, so the name is kept.
/// Scanned by hand: no regex on untrusted text.
/// </summary>
internal static class ChatGptText
{
    private const char MarkStart = '\ue200', MarkEnd = '\ue201', MarkSeparator = '\ue202';

    public static string RemoveCitations(string text)
    {
        if (text.IndexOfAny(['【', MarkStart, '\ue203', '\ue204']) < 0) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            // Markers are short: look for the end within a window, so text full of brackets stays linear.
            if (c == '【' && WindowIndexOf(text, '】', i + 1, 200) is var close and > 0 && IsCitation(text.AsSpan(i + 1, close - i - 1)))
            {
                i = close;
                TrimSpaceBeforePunctuation(sb, text, i + 1);
                continue;
            }
            if (c == MarkStart && WindowIndexOf(text, MarkEnd, i + 1, 1000) is var end and > 0)
            {
                var name = EntityName(text.AsSpan(i + 1, end - i - 1));
                sb.Append(name);
                i = end;
                if (name.Length == 0) TrimSpaceBeforePunctuation(sb, text, i + 1);
                continue;
            }
            if (c is '\ue203' or '\ue204') continue; // highlight marks around cited text: the text stays
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>A marker usually follows a space ("… in 2015 【3†source】."): drop the space it leaves before punctuation.</summary>
    private static void TrimSpaceBeforePunctuation(StringBuilder sb, string text, int next)
    {
        var atEnd = next >= text.Length || text[next] is '.' or ',' or ';' or ':' or ')' or '\n' or '\r' or ' ';
        if (atEnd && sb.Length > 0 && sb[^1] == ' ') sb.Length--;
    }

    private static int WindowIndexOf(string text, char value, int start, int window)
    {
        if (start >= text.Length) return -1;
        var found = text.AsSpan(start, Math.Min(window, text.Length - start)).IndexOf(value);
        return found < 0 ? -1 : start + found;
    }

    private static bool IsCitation(ReadOnlySpan<char> inner) =>
        inner.Contains('†') || inner.StartsWith("turn", StringComparison.Ordinal) || inner.StartsWith("cite", StringComparison.Ordinal);

    private static string EntityName(ReadOnlySpan<char> marker)
    {
        var separator = marker.IndexOf(MarkSeparator);
        if (separator < 0 || !marker[..separator].SequenceEqual("entity")) return "";
        // ["type","Name",…]: the second string is what the page shows.
        var body = marker[(separator + 1)..].ToString();
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Array && doc.RootElement.GetArrayLength() > 1
                && doc.RootElement[1].ValueKind == System.Text.Json.JsonValueKind.String ? doc.RootElement[1].GetString()! : "";
        }
        catch (System.Text.Json.JsonException)
        {
            return "";
        }
    }
}

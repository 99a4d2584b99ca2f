using System.Text;

namespace RubricEngine.Reports.Safety;

/// <summary>Cleans untrusted text for report formats that cannot hold everything a trace can.</summary>
public static class ReportText
{
    /// <summary>
    /// Replaces lone UTF-16 surrogates (invalid text a hostile or broken export can carry) with U+FFFD, so JSON and
    /// UTF-8 writers never throw on them. Returns the same instance when the text is valid.
    /// </summary>
    public static string ScrubSurrogates(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        var i = FirstInvalid(text);
        if (i < 0) return text;
        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// One terminal-safe line: line breaks and tabs become spaces; other control characters (ESC of ANSI sequences)
    /// and bidirectional overrides (Trojan Source) become U+FFFD, so trace text cannot move the cursor or reorder
    /// what a TA reads.
    /// </summary>
    public static string OneSafeLine(string? text)
    {
        var s = ScrubSurrogates(text);
        var builder = new StringBuilder(s.Length);
        var lastSpace = false;
        foreach (var c in s)
        {
            if (c is '\r' or '\n' or '\t' or '\u2028' or '\u2029')
            {
                if (!lastSpace) builder.Append(' ');
                lastSpace = true;
                continue;
            }
            lastSpace = false;
            builder.Append(char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' ? '\uFFFD' : c);
        }
        return builder.ToString().Trim();
    }

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsSurrogate(c)) continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            return i;
        }
        return -1;
    }
}

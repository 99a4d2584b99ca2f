using System.Text;

namespace RubricEngine.Reports.Excel;

/// <summary>
/// Makes untrusted text safe for a cell: drops what XML 1.0 cannot hold (control characters other than tab and
/// newline, lone surrogates, U+FFFE/U+FFFF), turns CR and CRLF into LF, and caps the length at Excel's limit.
/// </summary>
public static class ExcelText
{
    /// <summary>The most characters an Excel cell holds.</summary>
    public const int MaxCellLength = 32_767;

    private const string Ellipsis = "…";

    /// <summary>The cleaned text; empty for null.</summary>
    public static string Clean(string? text, int maxLength = MaxCellLength)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (IsClean(text) && text.Length <= maxLength) return text;

        var builder = new StringBuilder(Math.Min(text.Length, maxLength));
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    if (builder.Length + 2 > maxLength - Ellipsis.Length && i + 2 < text.Length) return Cut(builder);
                    builder.Append(c).Append(text[++i]);
                }
                continue;
            }
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') continue;
                c = '\n';
            }
            else if (!IsAllowed(c))
            {
                continue;
            }
            if (builder.Length + 1 > maxLength - Ellipsis.Length && i + 1 < text.Length) return Cut(builder);
            builder.Append(c);
        }
        return builder.ToString();
    }

    private static string Cut(StringBuilder builder) => builder.Append(Ellipsis).ToString();

    private static bool IsClean(string text)
    {
        foreach (var c in text)
            if (c == '\r' || char.IsSurrogate(c) || !IsAllowed(c)) return false;
        return true;
    }

    // XML 1.0 Char production, minus CR (normalized above); surrogates are handled by the caller.
    private static bool IsAllowed(char c) =>
        c == '\t' || c == '\n' || (c >= 0x20 && c < 0xD800) || (c > 0xDFFF && c < 0xFFFE);
}

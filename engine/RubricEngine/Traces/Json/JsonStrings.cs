using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RubricEngine.Traces.Json;

/// <summary>
/// Reads JSON strings that may hold a lone surrogate escape (<c>"\ud800"</c>): valid JSON syntax that real exports
/// produce when a tool cuts an emoji in half, but which <see cref="JsonElement.GetString"/> refuses to decode.
/// Each lone surrogate becomes U+FFFD, as an invalid byte would in a lenient UTF-8 decoder, so the trace is
/// still graded and no ill-formed UTF-16 reaches the reports.
/// </summary>
internal static class JsonStrings
{
    public static string Get(JsonElement element)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException) when (element.ValueKind == JsonValueKind.String)
        {
            var raw = element.GetRawText();
            return Unescape(raw.AsSpan(1, raw.Length - 2));
        }
    }

    public static string? Get(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            var raw = reader.HasValueSequence ? Encoding.UTF8.GetString(reader.ValueSequence) : Encoding.UTF8.GetString(reader.ValueSpan);
            return Unescape(raw);
        }
    }

    /// <summary>Decodes JSON escapes in the text between the quotes, replacing lone surrogates with U+FFFD.</summary>
    internal static string Unescape(ReadOnlySpan<char> text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\\' || i + 1 >= text.Length)
            {
                sb.Append(c);
                continue;
            }
            var e = text[++i];
            switch (e)
            {
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u' when i + 4 < text.Length
                    && ushort.TryParse(text.Slice(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    sb.Append((char)code);
                    i += 4;
                    break;
                default: sb.Append(e); break; // \" \\ \/
            }
        }
        // Keep well-formed pairs, replace every unpaired surrogate.
        for (var i = 0; i < sb.Length; i++)
        {
            if (char.IsHighSurrogate(sb[i]) && i + 1 < sb.Length && char.IsLowSurrogate(sb[i + 1])) { i++; continue; }
            if (char.IsSurrogate(sb[i])) sb[i] = '\uFFFD';
        }
        return sb.ToString();
    }
}

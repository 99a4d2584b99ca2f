namespace RubricEngine.Traces.Json;

/// <summary>Turns byte offsets in UTF-8 text into 1-based line and column (columns count characters, not bytes).</summary>
internal static class TextPosition
{
    public static (int Line, int Column) FromOffset(ReadOnlySpan<byte> text, long offset)
    {
        var end = (int)Math.Clamp(offset, 0, text.Length);
        var before = text[..end];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var column = 1;
        foreach (var b in before[lineStart..])
            if ((b & 0xC0) != 0x80) column++; // count UTF-8 lead bytes only
        return (line, column);
    }

    /// <summary>The byte offset of a 0-based line and byte position, as <see cref="System.Text.Json.JsonException"/> reports them.</summary>
    public static long OffsetOf(ReadOnlySpan<byte> text, long lineNumber, long bytePositionInLine)
    {
        var offset = 0;
        for (long line = 0; line < lineNumber; line++)
        {
            var next = text[offset..].IndexOf((byte)'\n');
            if (next < 0) return text.Length;
            offset += next + 1;
        }
        return Math.Min(text.Length, offset + bytePositionInLine);
    }
}

namespace RubricEngine.Text;

/// <summary>Maps character offsets of one text to lines and columns. Built once per message.</summary>
public sealed class LineMap
{
    private readonly int[] _lineStarts;

    private LineMap(int[] lineStarts, int length)
    {
        _lineStarts = lineStarts;
        Length = length;
    }

    /// <summary>The length of the mapped text.</summary>
    public int Length { get; }

    /// <summary>How many lines the text has (an empty text has one).</summary>
    public int LineCount => _lineStarts.Length;

    public static LineMap Build(string text)
    {
        // Two passes (count, then fill) allocate the one array the map keeps and nothing else.
        var starts = new int[LineBreaks(text, null) + 1];
        LineBreaks(text, starts);
        return new LineMap(starts, text.Length);
    }

    /// <summary>Counts the line breaks ("\n", "\r\n", lone "\r"); with <paramref name="starts"/>, also writes where each line starts.</summary>
    private static int LineBreaks(string text, int[]? starts)
    {
        // Jumps from break to break with a vectorized search instead of testing every character.
        var count = 0;
        var i = 0;
        while (true)
        {
            var next = text.AsSpan(i).IndexOfAny('\n', '\r');
            if (next < 0) return count;
            i += next;
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            i++;
            count++;
            if (starts is not null) starts[count] = i;
        }
    }

    /// <summary>The line and column of <paramref name="offset"/> (clamped into the text).</summary>
    public LinePosition GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, Length);
        var index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0) index = ~index - 1;
        return new LinePosition(index + 1, offset - _lineStarts[index] + 1);
    }

    /// <summary>The offset at which one-based <paramref name="line"/> starts.</summary>
    public int GetLineStart(int line) => _lineStarts[Math.Clamp(line - 1, 0, _lineStarts.Length - 1)];
}

using System.Text;
using RubricEngine.Text;

namespace RubricEngine.Reports.Sarif;

/// <summary>
/// A trace file's text, to turn a span inside a message's content into a region of the file, as SARIF viewers
/// expect. In a JSON export the content is a string literal: the literal whose decoded value is the content is
/// found, and decoded offsets are walked back through its escapes (<c>\n</c>, <c>\"</c>, <c>\u00e9</c>) to
/// positions in the file. In other files (a Markdown transcript) the content must appear verbatim.
/// </summary>
internal sealed class TraceFileText
{
    private readonly string _text;
    private readonly int[] _lineStarts;
    private readonly bool _json;
    // Where each message content stands, found once per content: a trace with thousands of findings in
    // thousands of messages must not rescan the file per finding.
    private Dictionary<string, List<int>>? _literals;
    private readonly Dictionary<string, List<int>> _verbatim = new(StringComparer.Ordinal);
    // Decoded offset → file offset per literal with escapes, built once: a reply with 50k findings is walked once.
    private readonly Dictionary<int, int[]> _offsets = [];

    private TraceFileText(string text)
    {
        _text = text;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            if (text[i] is '\n' or '\r') starts.Add(i + 1);
        }
        _lineStarts = [.. starts];
        var first = text.AsSpan().TrimStart();
        _json = first.Length > 0 && first[0] is '{' or '[';
    }

    /// <summary>The file's text, or null when it cannot be read (moved, deleted, not readable).</summary>
    public static TraceFileText? Load(string path)
    {
        try { return new TraceFileText(File.ReadAllText(path)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException) { return null; }
    }

    /// <summary>Parses text directly (tests, and callers that already hold the file).</summary>
    public static TraceFileText FromText(string text) => new(text);

    /// <summary>
    /// The region's text on its first line with up to <paramref name="context"/> characters either side: a JSON
    /// export holds a whole reply on one line, so the full line would be the same for every finding in it (and
    /// hashing it per finding costs the reply's length each time).
    /// </summary>
    public string Snippet(FileRegion region, int context = 40)
    {
        if (region.StartLine < 1 || region.StartLine > _lineStarts.Length) return "";
        var lineStart = _lineStarts[region.StartLine - 1];
        var lineEnd = region.StartLine < _lineStarts.Length ? _lineStarts[region.StartLine] : _text.Length;
        var start = Math.Clamp(lineStart + region.StartColumn - 1, lineStart, lineEnd);
        var end = region.EndLine == region.StartLine ? Math.Clamp(lineStart + region.EndColumn - 1, start, lineEnd) : lineEnd;
        var from = Math.Max(lineStart, start - context);
        var to = Math.Min(lineEnd, Math.Max(end, start + 1) + context);
        return _text[from..to].TrimEnd('\r', '\n');
    }

    /// <summary>
    /// The file region of <paramref name="span"/> in a message whose content is <paramref name="content"/>;
    /// <paramref name="occurrence"/> picks among messages with identical content (0 = the first). Null when the
    /// content is not in the file as one JSON string or verbatim.
    /// </summary>
    public FileRegion? Find(string content, int occurrence, TextSpan span)
    {
        if (content.Length == 0 || span.Start < 0 || span.End > content.Length) return null;
        if (_json)
        {
            if (!Literals().TryGetValue(content, out var quotes)) return null;
            var quote = quotes[Math.Min(occurrence, quotes.Count - 1)];
            return Region(RawOffset(quote, span.Start), RawOffset(quote, span.End));
        }
        if (!_verbatim.TryGetValue(content, out var found))
        {
            found = [];
            for (var at = _text.IndexOf(content, StringComparison.Ordinal); at >= 0 && found.Count < 10_000; at = _text.IndexOf(content, at + content.Length, StringComparison.Ordinal))
                found.Add(at);
            _verbatim[content] = found;
        }
        if (found.Count == 0) return null;
        var start = found[Math.Min(occurrence, found.Count - 1)];
        return Region(start + span.Start, start + span.End);
    }

    private FileRegion Region(int start, int end)
    {
        var (sl, sc) = LineColumn(start);
        var (el, ec) = LineColumn(Math.Max(start, end));
        return new FileRegion(sl, sc, el, ec);
    }

    private (int Line, int Column) LineColumn(int offset)
    {
        var i = Array.BinarySearch(_lineStarts, offset);
        if (i < 0) i = ~i - 1;
        return (i + 1, offset - _lineStarts[i] + 1);
    }

    /// <summary>The file offset of decoded character <paramref name="decoded"/> of the literal whose opening quote is at <paramref name="quote"/>.</summary>
    private int RawOffset(int quote, int decoded)
    {
        if (!_offsets.TryGetValue(quote, out var map))
        {
            var offsets = new List<int>();
            var raw = quote + 1;
            for (; raw < _text.Length && _text[raw] != '"'; raw += _text[raw] != '\\' ? 1 : raw + 1 < _text.Length && _text[raw + 1] == 'u' ? 6 : 2)
                offsets.Add(raw);
            offsets.Add(Math.Min(raw, _text.Length));
            _offsets[quote] = map = [.. offsets];
        }
        return map[Math.Clamp(decoded, 0, map.Length - 1)];
    }

    /// <summary>Every string literal of the JSON text by decoded value: the offsets of their opening quotes, in file order.</summary>
    private Dictionary<string, List<int>> Literals()
    {
        if (_literals is not null) return _literals;
        _literals = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var t = _text;
        var value = new StringBuilder();
        for (var i = 0; i < t.Length; i++)
        {
            if (t[i] != '"') continue;
            var start = i;
            value.Clear();
            for (i++; i < t.Length && t[i] != '"'; i++)
            {
                if (t[i] != '\\' || i + 1 >= t.Length) { value.Append(t[i]); continue; }
                var e = t[++i];
                if (e == 'u' && i + 4 < t.Length && ushort.TryParse(t.AsSpan(i + 1, 4), System.Globalization.NumberStyles.HexNumber, null, out var code))
                {
                    value.Append((char)code);
                    i += 4;
                }
                else value.Append(e switch { 'n' => '\n', 'r' => '\r', 't' => '\t', 'b' => '\b', 'f' => '\f', _ => e });
            }
            var decoded = value.ToString();
            if (!_literals.TryGetValue(decoded, out var list)) _literals[decoded] = list = [];
            list.Add(start);
        }
        return _literals;
    }
}

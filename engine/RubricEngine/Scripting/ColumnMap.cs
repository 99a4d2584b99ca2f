using System.Globalization;

namespace RubricEngine.Scripting;

/// <summary>
/// Where the guard weaver put text into each line, so a column of the woven script (what the debug information
/// knows) maps back to the column of the script as written. Lines never move, only columns.
/// </summary>
internal sealed class ColumnMap
{
    private readonly Dictionary<(string File, int Line), List<(int Column, int NewLength, int OldLength)>> _edits = [];

    public void Add(string file, int line, int column, int newLength, int oldLength)
    {
        if (!_edits.TryGetValue((file, line), out var list)) _edits[(file, line)] = list = [];
        list.Add((column, newLength, oldLength));
    }

    /// <summary>The original column of woven column <paramref name="column"/> (inside woven text: where it went in).</summary>
    public int ToOriginal(string file, int line, int column)
    {
        if (!_edits.TryGetValue((file, line), out var list)) return column;
        var shift = 0;
        foreach (var (original, newLength, oldLength) in list)
        {
            var wovenStart = original + shift;
            if (column < wovenStart) break;
            if (column < wovenStart + newLength) return original;
            shift += newLength - oldLength;
        }
        return column - shift;
    }

    public IEnumerable<string> Serialize() =>
        _edits.SelectMany(kv => kv.Value.Select(e => string.Join('\t', kv.Key.File, kv.Key.Line, e.Column, e.NewLength, e.OldLength)));

    public static ColumnMap Parse(IEnumerable<string> lines)
    {
        var map = new ColumnMap();
        foreach (var line in lines)
        {
            var parts = line.Split('\t');
            if (parts.Length != 5) continue;
            var n = parts.Skip(1).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            map.Add(parts[0], n[0], n[1], n[2], n[3]);
        }
        return map;
    }
}

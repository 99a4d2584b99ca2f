using System.Text;

namespace RubricEngine.Traces.Json;

/// <summary>
/// An immutable JSON path (<c>$.messages[3].role</c>) built by appending segments while walking a document;
/// kept as segments so <see cref="JsonLocator"/> can find the token again in the raw bytes.
/// </summary>
internal sealed class JsonPath
{
    public static JsonPath Root { get; } = new(null, null, -1);

    private readonly JsonPath? _parent;
    private readonly string? _property;
    private readonly int _index;

    private JsonPath(JsonPath? parent, string? property, int index)
    {
        _parent = parent;
        _property = property;
        _index = index;
        Depth = parent is null ? 0 : parent.Depth + 1;
    }

    public int Depth { get; }

    public JsonPath Property(string name) => new(this, name, -1);

    public JsonPath Index(int index) => new(this, null, index);

    /// <summary>Segments from the root: a <see cref="string"/> for a property, an <see cref="int"/> for an index.</summary>
    public IReadOnlyList<object> Segments()
    {
        var segments = new object[Depth];
        for (var p = this; p._parent is not null; p = p._parent)
            segments[p.Depth - 1] = p._property is { } name ? name : p._index;
        return segments;
    }

    public override string ToString()
    {
        var sb = new StringBuilder("$");
        foreach (var segment in Segments())
        {
            if (segment is int i) sb.Append('[').Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(']');
            else if (IsIdentifier((string)segment)) sb.Append('.').Append((string)segment);
            else sb.Append("['").Append(((string)segment).Replace("\\", "\\\\").Replace("'", "\\'")).Append("']");
        }
        return sb.ToString();
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}

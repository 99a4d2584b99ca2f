namespace RubricEngine.Segmentation;

/// <summary>
/// A homework question as a dotted path problem.part.subpart — <c>3.b.ii</c>, <c>4.a</c>, <c>mt.b</c>.
/// Parts are lower case; comparison is ordinal.
/// </summary>
public sealed record QuestionPath : IComparable<QuestionPath>
{
    public QuestionPath(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (IsNormalized(value))
        {
            // Already in normal form (what the segmenter builds): the same parts and value without re-joining.
            _parts = value.Split('.');
            Value = value;
            return;
        }
        _parts = value.Trim().ToLowerInvariant().Split('.', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (_parts.Length == 0) throw new ArgumentException("A question path needs at least one part.", nameof(value));
        Value = string.Join('.', _parts);
    }

    /// <summary>A path from parts already in normal form, <paramref name="value"/> being them joined with dots.</summary>
    private QuestionPath(string value, string[] parts)
    {
        Value = value;
        _parts = parts;
    }

    private readonly string[] _parts;

    // Computed on first use and kept: the catalog walks parents for every marker. A race only builds an equal copy.
    private QuestionPath? _parent;

    /// <summary>The normalized dotted form.</summary>
    public string Value { get; }

    /// <summary>The parts: <c>["3", "b", "ii"]</c>.</summary>
    public IReadOnlyList<string> Parts => _parts;

    /// <summary>The problem (first part).</summary>
    public string Problem => _parts[0];

    /// <summary>The enclosing question (<c>3.b</c> for <c>3.b.ii</c>), or null for a problem.</summary>
    public QuestionPath? Parent => _parts.Length == 1 ? null : _parent ??= new QuestionPath(Value[..Value.LastIndexOf('.')], _parts[..^1]);

    /// <summary>True when this is <paramref name="other"/> or inside it (<c>3.b.ii</c> is within <c>3</c> and <c>3.b</c>).</summary>
    public bool IsWithin(QuestionPath other)
    {
        if (other._parts.Length > _parts.Length) return false;
        for (var i = 0; i < other._parts.Length; i++)
            if (other._parts[i] != _parts[i]) return false;
        return true;
    }

    public QuestionPath Append(string part) => new($"{Value}.{part}");

    public bool Equals(QuestionPath? other) => other is not null && other.Value == Value;

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    public int CompareTo(QuestionPath? other) => other is null ? 1 : QuestionPathComparer.Instance.Compare(this, other);

    public override string ToString() => Value;

    /// <summary>True when <paramref name="value"/> is what normalizing it would give: lower-case ASCII parts, no blanks, no empty part.</summary>
    private static bool IsNormalized(string value)
    {
        if (value[0] == '.' || value[^1] == '.') return false;
        var previous = '\0';
        foreach (var c in value)
        {
            if (c > 0x7F || char.IsAsciiLetterUpper(c) || char.IsWhiteSpace(c) || char.IsControl(c) || (c == '.' && previous == '.')) return false;
            previous = c;
        }
        return true;
    }

    public static implicit operator QuestionPath(string value) => new(value);
}

namespace RubricEngine.Segmentation;

/// <summary>
/// The rubric's questions with constant-time lookups: which declared question a path belongs to. With no
/// declared questions every path is its own question.
/// </summary>
internal sealed class QuestionCatalog
{
    // Keyed by the dotted value so a path's ancestors are looked up as prefixes of it, without building them.
    private readonly Dictionary<string, QuestionPath> _declared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, QuestionPath> _firstDescendant = new(StringComparer.Ordinal);
    private readonly Dictionary<string, QuestionPath>.AlternateLookup<ReadOnlySpan<char>> _declaredPrefix;

    public QuestionCatalog(IReadOnlyList<QuestionPath> questions)
    {
        foreach (var q in questions) _declared.TryAdd(q.Value, q);
        foreach (var q in questions.Distinct().Order(QuestionPathComparer.Instance))
            for (var p = q.Parent; p is not null; p = p.Parent)
                _firstDescendant.TryAdd(p.Value, q);
        _declaredPrefix = _declared.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool IsEmpty => _declared.Count == 0;

    /// <summary>True when the rubric declares exactly <paramref name="path"/>.</summary>
    public bool IsDeclared(QuestionPath path) => _declared.ContainsKey(path.Value);

    /// <summary>True when the rubric declares questions under problem <paramref name="problem"/>.</summary>
    public bool HasProblem(string problem) => _declared.ContainsKey(problem) || _firstDescendant.ContainsKey(problem);

    /// <summary>The declared questions, in the rubric's order.</summary>
    public IEnumerable<QuestionPath> Declared => _declared.Values;

    public Attribution Attribute(QuestionPath? path)
    {
        if (path is null) return new(AttributionKind.None, null);
        if (IsEmpty || _declared.ContainsKey(path.Value)) return new(AttributionKind.Question, path);
        if (_firstDescendant.TryGetValue(path.Value, out var first)) return new(AttributionKind.Container, first);
        var value = path.Value.AsSpan();
        for (var dot = value.LastIndexOf('.'); dot > 0; dot = value.LastIndexOf('.'))
        {
            value = value[..dot];
            if (_declaredPrefix.TryGetValue(value, out var declared)) return new(AttributionKind.Question, declared);
        }
        return new(AttributionKind.None, null);
    }

    /// <summary>True when text about <paramref name="path"/> would count for some graded question.</summary>
    public bool Knows(QuestionPath? path) => Attribute(path).Kind != AttributionKind.None;

    /// <summary>The one declared question under <paramref name="problem"/> whose sub-part is <paramref name="numeral"/> ("3", "ii" → 3.b.ii); null when none or several.</summary>
    public QuestionPath? UniqueWithSubpart(string problem, string numeral)
    {
        QuestionPath? found = null;
        foreach (var q in _declared.Values)
        {
            if (q.Parts.Count < 3 || q.Problem != problem || q.Parts[2] != numeral) continue;
            if (found is not null) return null;
            found = q;
        }
        return found;
    }

    /// <summary>The one declared problem that has a part <paramref name="part"/> (for "(b)" said with no problem in context); null when none or several.</summary>
    public string? UniqueProblemWithPart(string part)
    {
        string? found = null;
        foreach (var q in _declared.Values)
        {
            if (q.Parts.Count < 2 || q.Parts[1] != part) continue;
            if (found is not null && found != q.Problem) return null;
            found = q.Problem;
        }
        return found;
    }
}

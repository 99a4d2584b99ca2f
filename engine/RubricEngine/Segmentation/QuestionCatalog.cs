namespace RubricEngine.Segmentation;

/// <summary>How a resolved path maps onto the rubric's questions.</summary>
internal enum AttributionKind
{
    /// <summary>The rubric grades nothing there (problem 2 when only 3–5 are graded): the text is ignored.</summary>
    None,

    /// <summary>A graded question: the path itself or its closest declared ancestor (3.b.ii → 3.b).</summary>
    Question,

    /// <summary>A problem or part holding several graded questions ("4" with 4.a and 4.b): its text waits for a sub-marker.</summary>
    Container,
}

/// <summary>A path's attribution; <see cref="Question"/> is the graded question, or a container's first one.</summary>
internal readonly record struct Attribution(AttributionKind Kind, QuestionPath? Question);

/// <summary>
/// The rubric's questions with constant-time lookups: which declared question a path belongs to. With no
/// declared questions every path is its own question.
/// </summary>
internal sealed class QuestionCatalog
{
    private readonly HashSet<QuestionPath> _declared;
    private readonly Dictionary<QuestionPath, QuestionPath> _firstDescendant = new();

    public QuestionCatalog(IReadOnlyList<QuestionPath> questions)
    {
        _declared = questions.ToHashSet();
        foreach (var q in questions.Distinct().Order(QuestionPathComparer.Instance))
            for (var p = q.Parent; p is not null; p = p.Parent)
                _firstDescendant.TryAdd(p, q);
    }

    public bool IsEmpty => _declared.Count == 0;

    public Attribution Attribute(QuestionPath? path)
    {
        if (path is null) return new(AttributionKind.None, null);
        if (IsEmpty || _declared.Contains(path)) return new(AttributionKind.Question, path);
        if (_firstDescendant.TryGetValue(path, out var first)) return new(AttributionKind.Container, first);
        for (var p = path.Parent; p is not null; p = p.Parent)
            if (_declared.Contains(p)) return new(AttributionKind.Question, p);
        return new(AttributionKind.None, null);
    }

    /// <summary>True when text about <paramref name="path"/> would count for some graded question.</summary>
    public bool Knows(QuestionPath? path) => Attribute(path).Kind != AttributionKind.None;

    /// <summary>The declared questions under <paramref name="problem"/> whose sub-part is <paramref name="numeral"/> ("3", "ii" → 3.b.ii).</summary>
    public IEnumerable<QuestionPath> WithSubpart(string problem, string numeral) =>
        _declared.Where(q => q.Parts.Count >= 3 && q.Problem == problem && q.Parts[2] == numeral).Order(QuestionPathComparer.Instance);

    /// <summary>The declared problems that have a part <paramref name="part"/> (for "(b)" said with no problem in context).</summary>
    public IEnumerable<string> ProblemsWithPart(string part) =>
        _declared.Where(q => q.Parts.Count >= 2 && q.Parts[1] == part).Select(q => q.Problem).Distinct().Order(StringComparer.Ordinal);
}

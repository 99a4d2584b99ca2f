using RubricEngine.Text;

namespace RubricEngine.Segmentation;

/// <summary>
/// A question marker found in text — "Problem 3b (ii)", "Q4(a)", "(a)(i)", "Part (b)", "Machine Translation" —
/// before it is resolved against the conversation. A marker naming no <see cref="Problem"/> is relative: "(b)"
/// means part b of the problem under discussion.
/// </summary>
public sealed record QuestionMarker(string? Problem, IReadOnlyList<MarkerPart> Parts, TextSpan Span)
{
    /// <summary>True when the marker was introduced by a word such as "Problem", "Question", "Q" or "Part".</summary>
    public bool HasKeyword { get; init; }

    /// <summary>The question a rubric alias names when the marker is (or contains) a title such as "Machine Translation".</summary>
    public QuestionPath? Alias { get; init; }

    /// <summary>The number the marker gave the problem when it also named it by alias ("Problem 6: Machine Translation" → "6").</summary>
    public string? NumberedAs { get; init; }

    /// <summary>True for a bare number with a full stop opening a heading or bold lead-in ("### 2. Summary", "**3.**").</summary>
    public bool IsNumbered { get; init; }

    /// <summary>True when the marker names no problem and is read against the problem under discussion.</summary>
    public bool IsRelative => Problem is null;

    /// <summary>The dotted path of an absolute marker (<c>3.b.ii</c>); null for a relative one.</summary>
    public QuestionPath? Path => Problem is null ? null : new QuestionPath(string.Join('.', Parts.Select(p => p.Value).Prepend(Problem)));

    public override string ToString() => Path?.Value ?? string.Concat(Parts.Select(p => $"({p.Value})"));
}

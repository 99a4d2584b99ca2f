using RubricEngine.Text;

namespace RubricEngine.Segmentation;

/// <summary>What a part of a question marker is: its level follows from it when the marker names no problem.</summary>
public enum MarkerPartKind
{
    /// <summary>A part letter: <c>(b)</c>.</summary>
    Letter,

    /// <summary>A sub-part roman numeral: <c>(ii)</c>.</summary>
    Roman,

    /// <summary><c>(i)</c>, <c>(v)</c>, <c>(x)</c> on their own: a letter or a numeral, decided by context.</summary>
    LetterOrRoman,

    /// <summary>A numbered part: the 2 of <c>Problem 3.2</c>.</summary>
    Number,
}

/// <summary>One part of a marker, lower case.</summary>
public readonly record struct MarkerPart(string Value, MarkerPartKind Kind);

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

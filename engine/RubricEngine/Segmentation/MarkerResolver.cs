namespace RubricEngine.Segmentation;

/// <summary>
/// Turns a <see cref="QuestionMarker"/> into a path against the question under discussion: "(b)" inside problem 3
/// is 3.b, "(ii)" under 3.b is 3.b.ii, "(i)" is a numeral under a part and a letter under a problem unless the
/// rubric only knows the other reading. Problems renumbered by a heading ("Problem 6: Machine Translation") map
/// back to the rubric's name.
/// </summary>
internal sealed class MarkerResolver(QuestionCatalog catalog)
{
    public QuestionPath? Resolve(QuestionMarker marker, QuestionPath? context, IReadOnlyDictionary<string, string> renumbered)
    {
        var parts = marker.Parts;
        if (marker.Problem is { } problem)
        {
            if (renumbered.TryGetValue(problem, out var named)) problem = named;
            if (parts.Count == 0)
                return marker.Alias is { } alias && marker.NumberedAs is null ? alias : new QuestionPath(problem);
            return Join(problem, parts);
        }

        return parts[0].Kind switch
        {
            MarkerPartKind.Roman => AsSubpart(parts, context),
            MarkerPartKind.LetterOrRoman => AsEither(parts, context),
            _ => AsPart(parts, context),
        };
    }

    private QuestionPath? AsPart(IReadOnlyList<MarkerPart> parts, QuestionPath? context)
    {
        if (context is not null) return Join(context.Problem, parts);
        // No problem under discussion: only a part letter unique among the graded problems is safe to read.
        return catalog.UniqueProblemWithPart(parts[0].Value) is { } problem ? Join(problem, parts) : null;
    }

    private QuestionPath? AsSubpart(IReadOnlyList<MarkerPart> parts, QuestionPath? context)
    {
        if (context is null) return null;
        if (context.Parts.Count >= 2) return Join($"{context.Parts[0]}.{context.Parts[1]}", parts);
        return catalog.UniqueWithSubpart(context.Problem, parts[0].Value);
    }

    private QuestionPath? AsEither(IReadOnlyList<MarkerPart> parts, QuestionPath? context)
    {
        if (context is null) return AsPart(parts, null);
        var roman = AsSubpart(parts, context);
        var letter = AsPart(parts, context);
        if (context.Parts.Count >= 2)
            return catalog.Knows(roman) || !catalog.Knows(letter) ? roman : letter;
        return catalog.Knows(letter) || !catalog.Knows(roman) ? letter : roman;
    }

    /// <summary>"head.p1.p2": built at its final length (this runs for every marker read).</summary>
    private static QuestionPath Join(string head, IReadOnlyList<MarkerPart> parts)
    {
        var length = head.Length;
        for (var i = 0; i < parts.Count; i++) length += 1 + parts[i].Value.Length;
        var value = string.Create(length, (head, parts), static (chars, state) =>
        {
            state.head.CopyTo(chars);
            var at = state.head.Length;
            for (var i = 0; i < state.parts.Count; i++)
            {
                var part = state.parts[i].Value;
                chars[at++] = '.';
                part.CopyTo(chars[at..]);
                at += part.Length;
            }
        });
        return new QuestionPath(value);
    }
}

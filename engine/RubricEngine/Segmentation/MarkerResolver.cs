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
        if (marker.Problem is { } problem)
        {
            if (renumbered.TryGetValue(problem, out var named)) problem = named;
            if (marker.Parts.Count == 0)
                return marker.Alias is { } alias && marker.NumberedAs is null ? alias : new QuestionPath(problem);
            return Join(problem, marker.Parts.Select(p => p.Value));
        }

        var parts = marker.Parts.Select(p => p.Value).ToList();
        return marker.Parts[0].Kind switch
        {
            MarkerPartKind.Roman => AsSubpart(parts, context),
            MarkerPartKind.LetterOrRoman => AsEither(parts, context),
            _ => AsPart(parts, context),
        };
    }

    private QuestionPath? AsPart(List<string> parts, QuestionPath? context)
    {
        if (context is not null) return Join(context.Problem, parts);
        // No problem under discussion: only a part letter unique among the graded problems is safe to read.
        var problems = catalog.ProblemsWithPart(parts[0]).Take(2).ToList();
        return problems.Count == 1 ? Join(problems[0], parts) : null;
    }

    private QuestionPath? AsSubpart(List<string> parts, QuestionPath? context)
    {
        if (context is null) return null;
        if (context.Parts.Count >= 2) return Join($"{context.Parts[0]}.{context.Parts[1]}", parts);
        var matches = catalog.WithSubpart(context.Problem, parts[0]).Take(2).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    private QuestionPath? AsEither(List<string> parts, QuestionPath? context)
    {
        if (context is null) return AsPart(parts, null);
        var roman = AsSubpart(parts, context);
        var letter = AsPart(parts, context);
        if (context.Parts.Count >= 2)
            return catalog.Knows(roman) || !catalog.Knows(letter) ? roman : letter;
        return catalog.Knows(letter) || !catalog.Knows(roman) ? letter : roman;
    }

    private static QuestionPath Join(string head, IEnumerable<string> parts) => new(string.Join('.', parts.Prepend(head)));
}

using RubricEngine.Segmentation;
using RubricEngine.Traces;

namespace RubricEngine.Rubrics;

/// <summary>A question the rubric grades, with the titles it may be known by in a trace.</summary>
public sealed record QuestionDefinition(QuestionPath Path, string? Title, IReadOnlyList<string> Aliases)
{
    /// <summary>The question's text as the homework states it (<c>.Statement(…)</c> or <c>r.Statement("assignment.md")</c>), if given.</summary>
    public string? Statement { get; init; }
}

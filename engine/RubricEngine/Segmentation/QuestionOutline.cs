using RubricEngine.Documents;

namespace RubricEngine.Segmentation;

/// <summary>A question with its attempts, first to last (none when the trace never answers it).</summary>
public sealed record QuestionOutline(QuestionPath Question, IReadOnlyList<AttemptOutline> Attempts);

namespace RubricEngine.Segmentation;

/// <summary>A path's attribution; <see cref="Question"/> is the graded question, or a container's first one.</summary>
internal readonly record struct Attribution(AttributionKind Kind, QuestionPath? Question);

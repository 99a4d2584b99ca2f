namespace RubricEngine.Traces;

/// <summary>
/// A student's comment on an assistant message. <see cref="Quote"/>, when present, anchors it to an exact
/// excerpt of the message.
/// </summary>
public sealed record Annotation(string Text, string? Quote, IReadOnlyList<string> Tags);

using RubricEngine.Text;

namespace RubricEngine.Documents;

/// <summary>
/// A run of inline content. <see cref="Span"/> is where it stands in the message (for prose: the span of the
/// literal characters, so offsets inside <see cref="Text"/> map to <c>Span.Start + i</c>).
/// </summary>
public sealed record Inline(InlineKind Kind, TextSpan Span, string Text);

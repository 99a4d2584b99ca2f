using RubricEngine.Text;

namespace RubricEngine.Rubrics;

/// <summary>
/// A piece of text behind a check's verdict: an invented number, a missing step. <see cref="Span"/> is in the
/// content of the answer's message.
/// </summary>
/// <param name="Span">Where in the message.</param>
/// <param name="Message">One sentence a student understands: "~18 hours is not in the sources."</param>
/// <param name="Severity">Overrides the rule's severity for this piece (a warning that costs nothing, say).</param>
public sealed record Evidence(TextSpan Span, string Message, Severity? Severity = null);

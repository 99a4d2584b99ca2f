using RubricEngine.Segmentation;
using RubricEngine.Text;

namespace RubricEngine.Rubrics;

/// <summary>Where a finding points: a trace file, a message (counted from 0) and a span within that message's content.</summary>
public sealed record Location(string File, int MessageIndex, TextSpan Span, LinePosition Start, LinePosition End)
{
    /// <summary><c>file(message 3, 12:5)</c> — how a TA finds the text.</summary>
    public override string ToString() => $"{File}(message {MessageIndex}, {Start})";
}

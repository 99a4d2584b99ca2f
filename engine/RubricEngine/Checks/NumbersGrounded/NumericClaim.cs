using System.Runtime.CompilerServices;
using RubricEngine.Documents;
using RubricEngine.Rubrics;
using RubricEngine.Text;
using RubricEngine.Traces;

namespace RubricEngine.Checks;

/// <summary>A number stated in an answer: its text as a student reads it, where it is, and whether a source supports it.</summary>
/// <param name="Text">"~18 hours", "2.8 × 10^9 FLOPs".</param>
/// <param name="Span">Where it stands in the answer's message (a number in a formula: the whole formula).</param>
/// <param name="Grounded">True when a grounding text holds the same quantity (after unit conversion and rounding).</param>
public sealed record NumericClaim(string Text, TextSpan Span, bool Grounded)
{
    /// <summary>The quantity stated, whatever its wording ("~18 hours" and "18 h" share it): one claim per answer however often it is said.</summary>
    public string Key { get; init; } = Text;

    /// <summary>Not grounded, though a source writes the same number for another quantity ("3 remaining tricks" where the source has "3x").</summary>
    public bool SameNumberElsewhere { get; init; }
}

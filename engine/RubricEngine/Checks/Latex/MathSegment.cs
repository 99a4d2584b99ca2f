using RubricEngine.Documents;
using RubricEngine.Text;

namespace RubricEngine.Checks.Latex;

/// <summary>
/// A piece of TeX found in an answer, with where it stands in the message and the prose around it in its block
/// (for labels like "(1)", "Condition 2:" and step markers like "Step 3:").
/// </summary>
internal sealed record MathSegment(string Tex, TextSpan Span, bool Display, int BlockIndex, string ProseBefore, string ProseAfter)
{
    public bool Boxed => Tex.Contains("\\boxed", StringComparison.Ordinal);
}
